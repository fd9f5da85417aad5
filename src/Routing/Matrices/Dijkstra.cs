using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// Plain Dijkstra on a <see cref="ModeGraph"/>: the reference every faster method is tested against, and the production
/// one-to-many search for isochrones. Paths are ranked by duration, then length (see <see cref="PathKey"/>).
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
    private static void Run(ModeGraph graph, ReadOnlySpan<SnapSeed> seeds, int maxDurationMs, SearchSpace space, bool[]? stopAt, int stopCount)
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

    /// <summary>
    /// One Dijkstra per source (parallel over sources), each stopping once all target vertices are settled: the reference
    /// and benchmark baseline for <see cref="ManyToManyCh"/>.
    /// </summary>
    public static TravelTimeMatrix Matrix(ModeGraph graph, MatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(graph.VertexCount);
        var sources = request.Sources;
        var targets = request.Targets;
        var targetCount = targets.Count;
        var durations = new int[sources.Count * targetCount];
        var lengths = new int[durations.Length];
        var bound = PathKey.Bound(request.MaxDurationMs);
        // Each search stops once every vertex a target can be reached from is settled.
        var isTargetVertex = new bool[graph.VertexCount];
        var targetVertices = 0;
        foreach (var seeds in targets)
        {
            foreach (var seed in seeds)
            {
                if (!isTargetVertex[seed.Vertex])
                {
                    isTargetVertex[seed.Vertex] = true;
                    targetVertices++;
                }
            }
        }
        Parallel.For(0, sources.Count, request.ParallelOptions(), () => new SearchSpace(graph.VertexCount), (source, _, space) =>
        {
            Run(graph, sources[source], request.MaxDurationMs, space, isTargetVertex, targetVertices);
            var row = source * targetCount;
            for (var t = 0; t < targetCount; t++)
            {
                var best = PathKey.Unreached;
                foreach (var seed in targets[t])
                {
                    var key = space.Key(seed.Vertex);
                    if (key != PathKey.Unreached)
                    {
                        best = Math.Min(best, key + PathKey.Make(seed.DurationMs, seed.LengthMm));
                    }
                }
                var reached = best <= bound;
                durations[row + t] = reached ? PathKey.DurationMs(best) : TravelTime.Unreached;
                lengths[row + t] = reached ? PathKey.LengthMm(best) : TravelTime.Unreached;
            }
            request.Progress?.Invoke(1);
            return space;
        }, static _ => { });
        return new TravelTimeMatrix(sources.Count, targetCount, durations, lengths);
    }
}
