namespace Geo.Routing.Streets;

/// <summary>
/// The directed street graph of one travel mode in CSR form: the input to contraction, plain Dijkstra and isochrones.
/// Turn restrictions are already expanded into the topology (via-node splitting), so searches are plain node-based.
/// Edge e runs from the vertex v with FirstEdge[v] &lt;= e &lt; FirstEdge[v+1] to EdgeTarget[e].
/// </summary>
public sealed class ModeGraph
{
    public ModeGraph(int[] firstEdge, int[] edgeTarget, int[] edgeDurationMs, int[] edgeLengthMm, int[] vertexLatE7, int[] vertexLonE7)
    {
        ArgumentNullException.ThrowIfNull(firstEdge);
        ArgumentNullException.ThrowIfNull(edgeTarget);
        ArgumentNullException.ThrowIfNull(edgeDurationMs);
        ArgumentNullException.ThrowIfNull(edgeLengthMm);
        ArgumentNullException.ThrowIfNull(vertexLatE7);
        ArgumentNullException.ThrowIfNull(vertexLonE7);
        if (firstEdge.Length != vertexLatE7.Length + 1 || vertexLatE7.Length != vertexLonE7.Length)
        {
            throw new ArgumentException("firstEdge must have one entry per vertex plus a sentinel.", nameof(firstEdge));
        }
        if (edgeTarget.Length != edgeDurationMs.Length || edgeTarget.Length != edgeLengthMm.Length || firstEdge[^1] != edgeTarget.Length)
        {
            throw new ArgumentException("Edge columns must have the same length, matching firstEdge's sentinel.", nameof(edgeTarget));
        }
        FirstEdge = firstEdge;
        EdgeTarget = edgeTarget;
        EdgeDurationMs = edgeDurationMs;
        EdgeLengthMm = edgeLengthMm;
        VertexLatE7 = vertexLatE7;
        VertexLonE7 = vertexLonE7;
    }

    public int VertexCount => VertexLatE7.Length;
    public int EdgeCount => EdgeTarget.Length;

    /// <summary>CSR offsets, VertexCount + 1 entries.</summary>
    public int[] FirstEdge { get; }
    public int[] EdgeTarget { get; }
    /// <summary>Traversal time in milliseconds (always &gt;= 1 so shortest paths are well defined).</summary>
    public int[] EdgeDurationMs { get; }
    public int[] EdgeLengthMm { get; }
    /// <summary>Vertex latitude in degrees times 1e7.</summary>
    public int[] VertexLatE7 { get; }
    public int[] VertexLonE7 { get; }
}
