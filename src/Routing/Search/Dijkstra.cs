using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Routing.Search;

/// <summary>
/// Plain Dijkstra on a <see cref="ModeGraph"/>: the reference every faster method is tested against (as DijkstraMatrix), and the production one-to-many search for isochrones and transit access. Paths are ranked by duration, then length (see <see cref="PathKey"/>).
/// </summary>
public static class Dijkstra
{
    /// <summary>
    /// Searches from the seeds (outbound snap seeds of one point) up to <paramref name="maxDurationMs"/>;
    /// read the answers with <see cref="SearchSpace.DurationMs"/>/<see cref="SearchSpace.LengthMm"/>.
    /// </summary>
    public static void Run(ModeGraph graph, ReadOnlySpan<SnapSeed> seeds, int maxDurationMs, SearchSpace space) =>
        Run(graph, seeds, maxDurationMs, space, null, 0);

    /// <summary>As above, stopping once the <paramref name="stopCount"/> vertices flagged in <paramref name="stopAt"/> are settled.</summary>
    internal static void Run(ModeGraph graph, ReadOnlySpan<SnapSeed> seeds, int maxDurationMs, SearchSpace space, bool[]? stopAt, int stopCount)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(space);
        if (space.VertexCount != graph.VertexCount)
        {
            throw new ArgumentException("The search space was made for another graph.", nameof(space));
        }
        space.Reset();
        var bound = PathKey.Bound(maxDurationMs);
        var heap = space.Heap;
        foreach (var seed in seeds)
        {
            var key = PathKey.Make(seed.DurationMs, seed.LengthMm);
            if (key <= bound && space.Improve(seed.Vertex, key))
            {
                heap.Push(key, seed.Vertex);
            }
        }
        var firstEdge = graph.FirstEdge;
        var edgeTarget = graph.EdgeTarget;
        var edgeDuration = graph.EdgeDurationMs;
        var edgeLength = graph.EdgeLengthMm;
        while (heap.Count > 0)
        {
            var vertex = heap.Pop(out var key);
            if (key != space.Key(vertex))
            {
                continue; // stale entry
            }
            space.AddSettled(vertex);
            if (stopAt is not null && stopAt[vertex] && --stopCount == 0)
            {
                break;
            }
            var end = firstEdge[vertex + 1];
            for (var e = firstEdge[vertex]; e < end; e++)
            {
                var next = key + PathKey.Make(edgeDuration[e], edgeLength[e]);
                var target = edgeTarget[e];
                if (next <= bound && space.Improve(target, next))
                {
                    heap.Push(next, target);
                }
            }
        }
    }
}
