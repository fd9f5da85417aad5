using Geo.Routing.Streets;

namespace Geo.Routing.Tests.TestSupport;

/// <summary>A plain Dijkstra over a <see cref="ModeGraph"/>: the reference for street tests (the production one lives elsewhere).</summary>
public static class TestDijkstra
{
    public const long Unreached = long.MaxValue;

    /// <summary>Shortest durations (ms) from the sources (vertex, initial duration) to every vertex; also the length (mm) of each path found.</summary>
    public static (long[] DurationMs, long[] LengthMm) Run(ModeGraph graph, IEnumerable<(int Vertex, long DurationMs, long LengthMm)> sources)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sources);
        var duration = new long[graph.VertexCount];
        var length = new long[graph.VertexCount];
        Array.Fill(duration, Unreached);
        var queue = new PriorityQueue<int, long>();
        foreach (var (vertex, d, l) in sources)
        {
            if (d < duration[vertex])
            {
                duration[vertex] = d;
                length[vertex] = l;
                queue.Enqueue(vertex, d);
            }
        }
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > duration[v])
            {
                continue;
            }
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                var w = graph.EdgeTarget[e];
                var nd = d + graph.EdgeDurationMs[e];
                if (nd < duration[w])
                {
                    duration[w] = nd;
                    length[w] = length[v] + graph.EdgeLengthMm[e];
                    queue.Enqueue(w, nd);
                }
            }
        }
        return (duration, length);
    }

    /// <summary>
    /// The quickest path between two OSM nodes in a mode graph (from any vertex of the first to any vertex of the second),
    /// or (Unreached, 0) when there is none.
    /// </summary>
    public static (long DurationMs, long LengthMm) Between(StreetNetwork network, TravelMode mode, ModeGraph graph, long fromNode, long toNode)
    {
        ArgumentNullException.ThrowIfNull(network);
        var sources = network.FindVertices(mode, fromNode).Select(v => (v, 0L, 0L)).ToArray();
        var targets = network.FindVertices(mode, toNode);
        if (sources.Length == 0 || targets.Length == 0)
        {
            return (Unreached, 0);
        }
        var (duration, length) = Run(graph, sources);
        var best = (Unreached, 0L);
        foreach (var t in targets)
        {
            if (duration[t] < best.Item1)
            {
                best = (duration[t], length[t]);
            }
        }
        return best;
    }
}
