namespace Geo.Routing.Streets;

/// <summary>
/// The stored, speed-independent graph of one mode in CSR form: vertices (coordinates and the OSM node they stand for),
/// edges (target, length, way and base segment). Durations are derived per time band by <see cref="StreetNetwork.GetModeGraph"/>.
/// EdgeWay is -1 and EdgeSegment is -1 for the zero-length connector edges created by turn-restriction splitting;
/// otherwise EdgeSegment = 2 * base segment + (0 when the edge runs along the way's node order, 1 against it).
/// </summary>
internal sealed class ModeTopology
{
    public required int[] VertexLatE7 { get; init; }
    public required int[] VertexLonE7 { get; init; }
    /// <summary>Index into the network's node arrays of the OSM node each vertex stands for (split copies share it).</summary>
    public required int[] VertexNode { get; init; }
    public required int[] FirstEdge { get; init; }
    public required int[] EdgeTarget { get; init; }
    public required int[] EdgeLengthMm { get; init; }
    public required int[] EdgeWay { get; init; }
    public required int[] EdgeSegment { get; init; }

    public int VertexCount => VertexLatE7.Length;
    public int EdgeCount => EdgeTarget.Length;
}
