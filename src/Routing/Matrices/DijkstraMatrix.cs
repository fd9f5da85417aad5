using Geo.Core;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>Many-to-many by plain <see cref="Dijkstra"/>: the oracle and benchmark baseline for <see cref="ManyToManyCh"/>.</summary>
public static class DijkstraMatrix
{
    /// <summary>
    /// One Dijkstra per source (parallel over sources), each stopping once all target vertices are settled: the reference
    /// and benchmark baseline for <see cref="ManyToManyCh"/>.
    /// </summary>
    public static TravelTimeMatrix Compute(ModeGraph graph, MatrixRequest request)
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
            Dijkstra.Run(graph, sources[source], request.MaxDurationMs, space, isTargetVertex, targetVertices);
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
