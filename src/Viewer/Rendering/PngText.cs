using System.Buffers.Binary;
using System.Text;

namespace Geo.Viewer.Rendering;

/// <summary>Adds a PNG tEXt chunk (keyword, Latin-1 text) after the IHDR chunk, so a map's attribution travels in the file too.</summary>
public static class PngText
{
    public static byte[] WithText(byte[] png, string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int IhdrEnd = 8 + 4 + 4 + 13 + 4; // signature, length, type, IHDR data, CRC
        var data = Encoding.Latin1.GetBytes(keyword + "\0" + text.Replace("©", "(c)", StringComparison.Ordinal));
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return [.. png.AsSpan(0, IhdrEnd), .. chunk, .. png.AsSpan(IhdrEnd)];
    }

    /// <summary>CRC-32 as PNG defines it (polynomial 0xEDB88320, reflected, inverted).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>The text of the first tEXt chunk with this keyword, or null.</summary>
    public static string? Read(byte[] png, string keyword)
    {
        ArgumentNullException.ThrowIfNull(png);
        var i = 8;
        while (i + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(i));
            var type = Encoding.ASCII.GetString(png, i + 4, 4);
            if (type == "tEXt")
            {
                var body = Encoding.Latin1.GetString(png, i + 8, length);
                var zero = body.IndexOf('\0', StringComparison.Ordinal);
                if (zero > 0 && body[..zero] == keyword)
                {
                    return body[(zero + 1)..];
                }
            }
            i += 12 + length;
        }
        return null;
    }
}
