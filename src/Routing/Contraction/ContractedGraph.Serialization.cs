using System.Runtime.InteropServices;
using System.Text;
using Geo.Core;

namespace Geo.Routing.Contraction;

public sealed partial class ContractedGraph
{
    private static readonly byte[] Magic = "GEOCH\0\0\0"u8.ToArray();
    public const int FormatVersion = 1;

    /// <summary>Writes the hierarchy with magic, format version and <paramref name="inputHash"/> (through a temporary file).</summary>
    public void Save(string path, string inputHash)
    {
        ArgumentNullException.ThrowIfNull(inputHash);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(inputHash);
            WriteArray(writer, Rank);
            WriteArray(writer, UpFirst);
            WriteArray(writer, UpTarget);
            WriteArray(writer, UpWeight);
            WriteArray(writer, DownFirst);
            WriteArray(writer, DownTarget);
            WriteArray(writer, DownWeight);
        });
    }

    /// <summary>Reads only the input hash stored in a hierarchy file; null when the file is missing or not a current CH file.</summary>
    public static string? ReadInputHash(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return ReadHeader(reader) ? reader.ReadString() : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Loads a hierarchy whose stored hash equals <paramref name="expectedInputHash"/>; false if missing, stale or damaged.</summary>
    public static bool TryLoad(string path, string expectedInputHash, out ContractedGraph? graph)
    {
        graph = null;
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (!ReadHeader(reader) || reader.ReadString() != expectedInputHash)
            {
                return false;
            }
            var rank = ReadArray<int>(reader);
            var upFirst = ReadArray<int>(reader);
            var upTarget = ReadArray<int>(reader);
            var upWeight = ReadArray<long>(reader);
            var downFirst = ReadArray<int>(reader);
            var downTarget = ReadArray<int>(reader);
            var downWeight = ReadArray<long>(reader);
            graph = new ContractedGraph(rank, upFirst, upTarget, upWeight, downFirst, downTarget, downWeight);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or InvalidDataException)
        {
            return false;
        }
    }

    private static bool ReadHeader(BinaryReader reader)
    {
        var magic = reader.ReadBytes(Magic.Length);
        return magic.AsSpan().SequenceEqual(Magic) && reader.ReadInt32() == FormatVersion;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array) where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > Array.MaxLength)
        {
            throw new InvalidDataException("bad array length");
        }
        var array = new T[length];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return array;
    }
}
