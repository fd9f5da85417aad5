using System.Runtime.InteropServices;
using System.Text;
using Geo.Core;
using Geo.Routing.Profiles;

namespace Geo.Routing.Streets;

/// <summary>
/// Storage of <see cref="StreetNetwork"/>, the .geonet binary format: the shared artefact envelope (<see cref="ArtefactFile"/>: magic,
/// versions, SHA-256 of the OSM source, payload length and SHA-256) around the payload (source hash, profile JSON, build
/// report, flat little-endian arrays).
/// </summary>
public sealed partial class StreetNetwork
{
    private const int FileFormatVersion = 2;
    private static readonly ArtefactKind FileKind = new("GEONET", FileFormatVersion, "Geo street network (.geonet)");

    /// <summary>The int arrays stored per mode: vertex lat, lon, node; first edge; edge target, length, way, segment.</summary>
    private const int TopologyArrays = 8;

    private static string RebuildHint(string path) => $"rebuild it with: geo build-network --osm <region.osm.pbf> --out {path}";

    private static void WriteFile(StreetNetwork network, string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Network files are little-endian.");
        }
        ArtefactFile.Write(path, FileKind, InputHash(network.SourceHash), payload =>
        {
            using var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
            writer.Write(network.SourceHash);
            writer.Write(network.Profiles.Json);
            var r = network.BuildReport;
            writer.Write(r.WaysRead);
            writer.Write(r.RoutableWays);
            writer.Write(r.Nodes);
            writer.Write(r.MissingNodes);
            writer.Write(r.DistinctTagSets);
            writer.Write(r.TurnRestrictionsRead);
            writer.Write(r.TurnRestrictionsApplied);
            writer.Write(r.TurnRestrictionsSkipped);
            writer.Write(r.BuildSeconds);
            foreach (var mode in TravelModes.All)
            {
                var m = r.For(mode);
                writer.Write(m.Vertices);
                writer.Write(m.Edges);
                writer.Write(m.VerticesDroppedByPruning);
                writer.Write(m.EdgesDroppedByPruning);
            }
            writer.Write(network.SegmentCount);
            WriteArray(writer, network.NodeIds);
            WriteArray(writer, network.NodeLatE7);
            WriteArray(writer, network.NodeLonE7);
            WriteArray(writer, network.WayIds);
            WriteArray(writer, network.WayFirstNode);
            WriteArray(writer, network.WayNodes);
            WriteArray(writer, network.WayHighway);
            WriteArray(writer, network.WayCarKmh);
            WriteArray(writer, network.WayWalkKmh);
            WriteArray(writer, network.WayCycleKmh);
            foreach (var mode in TravelModes.All)
            {
                var t = network.Topology(mode);
                WriteArray(writer, t.VertexLatE7);
                WriteArray(writer, t.VertexLonE7);
                WriteArray(writer, t.VertexNode);
                WriteArray(writer, t.FirstEdge);
                WriteArray(writer, t.EdgeTarget);
                WriteArray(writer, t.EdgeLengthMm);
                WriteArray(writer, t.EdgeWay);
                WriteArray(writer, t.EdgeSegment);
            }
        });
    }

    /// <summary>The envelope's input hash: the OSM file's SHA-256 (hex) as bytes, or the SHA-256 of any other source key.</summary>
    private static byte[] InputHash(string sourceHash) =>
        sourceHash.Length == 2 * ArtefactFile.HashBytes && sourceHash.All(char.IsAsciiHexDigit) ? Convert.FromHexString(sourceHash) : ArtefactFile.HashOf(sourceHash);

    private static StreetNetwork ReadFile(string path, IReadOnlyCollection<TravelMode>? modes)
    {
        try
        {
            // One pass: the arrays are read straight from the file while its checksum is computed; nothing is returned unless it matches.
            return ArtefactFile.ReadVerified(path, FileKind, default, payload => ReadPayload(path, payload, modes), out _);
        }
        catch (ArtefactException ex) when (ex.Message == "not found")
        {
            throw new InputFileException(path, null, null, "street network file not found; " + RebuildHint(path));
        }
        catch (ArtefactException ex)
        {
            throw new InputFileException(path, null, null, "the street network file " + ex.Message + "; " + RebuildHint(path));
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or IndexOutOfRangeException or InvalidDataException or OverflowException)
        {
            throw new InputFileException(path, null, null, "the street network file is inconsistent (" + ex.Message + "); " + RebuildHint(path));
        }
    }

    private static StreetNetwork ReadPayload(string path, Stream stream, IReadOnlyCollection<TravelMode>? modes)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var sourceHash = reader.ReadString();
        var profilesJson = reader.ReadString();
        var profiles = StreetProfiles.Parse(profilesJson, path + " (stored profiles)");
        int waysRead = reader.ReadInt32(), routable = reader.ReadInt32(), nodes = reader.ReadInt32(), missing = reader.ReadInt32();
        int tagSets = reader.ReadInt32(), restrictionsRead = reader.ReadInt32(), applied = reader.ReadInt32(), skipped = reader.ReadInt32();
        var seconds = reader.ReadDouble();
        var modeReports = new ModeBuildReport[3];
        foreach (var mode in TravelModes.All)
        {
            modeReports[(int)mode] = new ModeBuildReport(mode, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        }
        var report = new BuildReport(waysRead, routable, nodes, missing, tagSets, restrictionsRead, applied, skipped,
            modeReports[0], modeReports[1], modeReports[2], seconds);
        var segmentCount = reader.ReadInt32();
        var nodeIds = ReadArray<long>(reader);
        var nodeLat = ReadArray<int>(reader);
        var nodeLon = ReadArray<int>(reader);
        var wayIds = ReadArray<long>(reader);
        var wayFirstNode = ReadArray<int>(reader);
        var wayNodes = ReadArray<int>(reader);
        var wayHighway = ReadArray<byte>(reader);
        var wayCar = ReadArray<double>(reader);
        var wayWalk = ReadArray<double>(reader);
        var wayCycle = ReadArray<double>(reader);
        Check(nodeLat.Length == nodeIds.Length && nodeLon.Length == nodeIds.Length, "node arrays differ in length");
        var ways = wayIds.Length;
        Check(wayFirstNode.Length == ways + 1 && wayHighway.Length == ways && wayCar.Length == ways && wayWalk.Length == ways && wayCycle.Length == ways,
            "way arrays differ in length");
        Check(wayFirstNode[0] == 0 && wayFirstNode[^1] == wayNodes.Length, "way node offsets are wrong");
        foreach (var node in wayNodes)
        {
            Check(node >= -1 && node < nodeIds.Length, "a way node is out of range");
        }
        var topologies = new ModeTopology?[3];
        foreach (var mode in TravelModes.All)
        {
            if (modes is not null && !modes.Contains(mode))
            {
                // Not wanted: read past (the checksum still covers it) without keeping it.
                for (var array = 0; array < TopologyArrays; array++)
                {
                    SkipArray(reader, sizeof(int));
                }
                continue;
            }
            var t = new ModeTopology
            {
                VertexLatE7 = ReadArray<int>(reader),
                VertexLonE7 = ReadArray<int>(reader),
                VertexNode = ReadArray<int>(reader),
                FirstEdge = ReadArray<int>(reader),
                EdgeTarget = ReadArray<int>(reader),
                EdgeLengthMm = ReadArray<int>(reader),
                EdgeWay = ReadArray<int>(reader),
                EdgeSegment = ReadArray<int>(reader),
            };
            var n = t.VertexLatE7.Length;
            var m = t.EdgeTarget.Length;
            Check(t.VertexLonE7.Length == n && t.VertexNode.Length == n && t.FirstEdge.Length == n + 1, mode.ToName() + " vertex arrays differ in length");
            Check(t.EdgeLengthMm.Length == m && t.EdgeWay.Length == m && t.EdgeSegment.Length == m, mode.ToName() + " edge arrays differ in length");
            Check(t.FirstEdge[0] == 0 && t.FirstEdge[n] == m, mode.ToName() + " edge offsets are wrong");
            for (var v = 0; v < n; v++)
            {
                Check(t.FirstEdge[v] <= t.FirstEdge[v + 1] && (uint)t.VertexNode[v] < (uint)nodeIds.Length, mode.ToName() + " vertex data is out of range");
            }
            for (var e = 0; e < m; e++)
            {
                Check((uint)t.EdgeTarget[e] < (uint)n && t.EdgeWay[e] >= -1 && t.EdgeWay[e] < ways && t.EdgeSegment[e] >= -1 && (t.EdgeSegment[e] >> 1) < segmentCount,
                    mode.ToName() + " edge data is out of range");
            }
            topologies[(int)mode] = t;
        }
        Check(stream.Position == stream.Length, "unexpected trailing data");
        return new StreetNetwork(sourceHash, profiles, report, nodeIds, nodeLat, nodeLon, wayIds, wayFirstNode, wayNodes, wayHighway,
            wayCar, wayWalk, wayCycle, segmentCount, topologies);
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads past an array of <paramref name="elementBytes"/>-byte elements.</summary>
    private static void SkipArray(BinaryReader reader, int elementBytes)
    {
        var count = reader.ReadInt32();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * elementBytes > remaining)
        {
            throw new InvalidDataException("an array length is out of range");
        }
        var buffer = new byte[1 << 20];
        for (var left = (long)count * elementBytes; left > 0;)
        {
            var chunk = (int)Math.Min(buffer.Length, left);
            reader.BaseStream.ReadExactly(buffer, 0, chunk);
            left -= chunk;
        }
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var count = reader.ReadInt32();
        var size = Marshal.SizeOf<T>();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || (long)count * size > remaining)
        {
            throw new InvalidDataException("an array length is out of range");
        }
        var values = new T[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
