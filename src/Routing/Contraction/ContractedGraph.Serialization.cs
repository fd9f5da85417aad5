using System.Runtime.InteropServices;
using System.Text;
using Geo.Core;

namespace Geo.Routing.Contraction;

public sealed partial class ContractedGraph
{
    public const int FormatVersion = 2;

    /// <summary>Contraction-hierarchy files: the shared artefact envelope (<see cref="ArtefactFile"/>) around the arrays below.</summary>
    public static readonly ArtefactKind FileKind = new("GEOCH", FormatVersion, "contraction hierarchy (.ch)");

    /// <summary>Writes the hierarchy in the artefact envelope keyed by <paramref name="inputHash"/> (through a temporary file).</summary>
    public void Save(string path, string inputHash)
    {
        ArgumentNullException.ThrowIfNull(inputHash);
        ArtefactFile.Write(path, FileKind, ArtefactFile.HashOf(inputHash), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            WriteArray(writer, Rank);
            WriteArray(writer, UpFirst);
            WriteArray(writer, UpTarget);
            WriteArray(writer, UpWeight);
            WriteArray(writer, DownFirst);
            WriteArray(writer, DownTarget);
            WriteArray(writer, DownWeight);
        });
    }

    /// <summary>True when the file's header says it was built for <paramref name="inputHash"/> (content not yet verified).</summary>
    public static bool IsCachedFor(string path, string inputHash)
    {
        ArgumentNullException.ThrowIfNull(inputHash);
        return ArtefactFile.ReadInputHash(path, FileKind) is { } stored && stored.AsSpan().SequenceEqual(ArtefactFile.HashOf(inputHash));
    }

    /// <summary>Loads a hierarchy whose stored hash equals <paramref name="expectedInputHash"/>; false if missing, stale or damaged.</summary>
    public static bool TryLoad(string path, string expectedInputHash, out ContractedGraph? graph) =>
        TryLoad(path, expectedInputHash, out graph, out _);

    /// <summary>As <see cref="TryLoad(string, string, out ContractedGraph?)"/>, saying why a damaged file was refused (null when missing, stale or loaded).</summary>
    public static bool TryLoad(string path, string expectedInputHash, out ContractedGraph? graph, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expectedInputHash);
        graph = null;
        problem = null;
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            // One pass: the arrays are read straight from the file while its checksum is computed; nothing is returned unless it matches.
            graph = ArtefactFile.ReadVerified(path, FileKind, ArtefactFile.HashOf(expectedInputHash), stream =>
            {
                using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                var rank = ReadArray<int>(reader);
                var upFirst = ReadArray<int>(reader);
                var upTarget = ReadArray<int>(reader);
                var upWeight = ReadArray<long>(reader);
                var downFirst = ReadArray<int>(reader);
                var downTarget = ReadArray<int>(reader);
                var downWeight = ReadArray<long>(reader);
                return new ContractedGraph(rank, upFirst, upTarget, upWeight, downFirst, downTarget, downWeight);
            }, out _);
            return true;
        }
        catch (ArtefactException ex)
        {
            problem = ex.IsStale ? null : ex.Message;
            return false;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or InvalidDataException)
        {
            problem = "is inconsistent (" + ex.Message + ")";
            return false;
        }
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array) where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("bad array length");
        }
        var array = new T[length];
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return array;
    }
}
