using System.Buffers.Binary;
using System.IO.Compression;
using OsmSharp.Streams;

namespace Geo.Catchment.Reports.Methods;

/// <summary>
/// The date of an OSM .pbf extract: the header's osmosis_replication_timestamp when the extract tool wrote one, else the
/// newest timestamp of any object in the file (read in full only up to <see cref="MaxScanBytes"/>), else null.
/// Also returns the header's writing program (e.g. "osmium/1.12.0").
/// </summary>
public static class OsmFileDate
{
    public const long MaxScanBytes = 300L * 1024 * 1024;

    public static (DateTime? DateUtc, string How, string? WritingProgram) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return (null, "file not found", null);
        }
        var (replication, program) = ReadHeader(path);
        if (replication is not null)
        {
            return (replication, "replication timestamp in the file header", program);
        }
        if (new FileInfo(path).Length > MaxScanBytes)
        {
            return (null, "no date in the file header", program);
        }
        DateTime? newest = null;
        using (var stream = File.OpenRead(path))
        {
            foreach (var item in new PBFOsmStreamSource(stream))
            {
                if (item.TimeStamp is { } t && (newest is null || t > newest))
                {
                    newest = t;
                }
            }
        }
        return newest is null ? (null, "no date in the file header or objects", program) : (DateTime.SpecifyKind(newest.Value, DateTimeKind.Utc), "newest object timestamp in the file", program);
    }

    /// <summary>Reads the first blob (OSMHeader): field 16 writingprogram, field 32 replication timestamp (seconds).</summary>
    private static (DateTime? Replication, string? Program) ReadHeader(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> size = stackalloc byte[4];
            stream.ReadExactly(size);
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(size);
            if (headerLength is <= 0 or > 64 * 1024)
            {
                return (null, null);
            }
            var blobHeader = new byte[headerLength];
            stream.ReadExactly(blobHeader);
            long dataSize = 0;
            foreach (var (field, value, bytes) in Fields(blobHeader))
            {
                if (field == 3)
                {
                    dataSize = value;
                }
                _ = bytes;
            }
            if (dataSize is <= 0 or > 32 * 1024 * 1024)
            {
                return (null, null);
            }
            var blob = new byte[dataSize];
            stream.ReadExactly(blob);
            byte[]? block = null;
            foreach (var (field, _, bytes) in Fields(blob))
            {
                if (field == 1 && bytes is not null)
                {
                    block = bytes;
                }
                else if (field == 3 && bytes is not null)
                {
                    using var z = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var output = new MemoryStream();
                    z.CopyTo(output);
                    block = output.ToArray();
                }
            }
            if (block is null)
            {
                return (null, null);
            }
            DateTime? replication = null;
            string? program = null;
            foreach (var (field, value, bytes) in Fields(block))
            {
                if (field == 16 && bytes is not null)
                {
                    program = System.Text.Encoding.UTF8.GetString(bytes);
                }
                else if (field == 32 && value > 0)
                {
                    replication = DateTime.UnixEpoch.AddSeconds(value);
                }
            }
            return (replication, program);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return (null, null);
        }
    }

    /// <summary>Protocol buffer fields: (number, varint value, bytes of a length-delimited field).</summary>
    private static IEnumerable<(int Field, long Value, byte[]? Bytes)> Fields(byte[] data)
    {
        var i = 0;
        while (i < data.Length)
        {
            var key = Varint(data, ref i);
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    yield return (field, Varint(data, ref i), null);
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)Varint(data, ref i);
                    if (length < 0 || i + length > data.Length)
                    {
                        yield break;
                    }
                    yield return (field, 0, data[i..(i + length)]);
                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    yield break;
            }
        }
    }

    private static long Varint(byte[] data, ref int i)
    {
        long result = 0;
        for (var shift = 0; shift < 64 && i < data.Length; shift += 7)
        {
            var b = data[i++];
            result |= (long)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }
        }
        return result;
    }
}
