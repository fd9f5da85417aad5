using Geo.Routing.Contraction;
using Geo.Routing.Geometry;
using Geo.Routing.Streets;
using Geo.Routing.Streets.Snapping;

namespace Geo.Routing.Matrices;

/// <summary>
/// The in-memory road matrix: snap origins and destinations, find or build the contraction hierarchy of the mode graph
/// (cached beside the network file when <see cref="RoadMatrixOptions.NetworkPath"/> is set), run <see cref="ManyToManyCh"/>.
/// Used by <c>geo matrix</c> and by <c>geo run</c>.
/// </summary>
public static class RoadMatrixComputer
{
    public static RoadMatrixResult Compute(StreetNetwork network, TravelMode mode, IReadOnlyList<GeoPoint> origins,
        IReadOnlyList<GeoPoint> destinations, RoadMatrixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(destinations);
        options ??= new RoadMatrixOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxSnapMetres);

        var band = mode == TravelMode.Car ? options.Band : TimeBand.OffPeak;
        var overrides = mode == TravelMode.Car ? options.Overrides : null;
        var graph = network.GetModeGraph(mode, overrides, band);

        options.Stage?.Invoke("snapping");
        var snapper = network.CreateSnapper(mode, graph);
        var originSnaps = Snap(snapper, origins, options.MaxSnapMetres);
        var destinationSnaps = Snap(snapper, destinations, options.MaxSnapMetres);

        var hierarchy = Hierarchy(network, mode, band, overrides is null ? null : options.OverridesKey ?? "overrides", graph, options, out var fromCache);

        options.Stage?.Invoke("matrix");
        var matrix = ComputeSnapped(graph, new ManyToManyCh(hierarchy), originSnaps, destinationSnaps, options.MaxDurationMs, options.Threads, options.Progress);
        return new RoadMatrixResult(matrix, originSnaps, destinationSnaps, fromCache);
    }

    /// <summary>
    /// The matrix between points already snapped onto <paramref name="graph"/>, with a <see cref="ManyToManyCh"/> over its hierarchy: what <see cref="Compute"/>
    /// does after snapping, for callers that keep the graph, snapper and hierarchy loaded (the routing server).
    /// </summary>
    public static TravelTimeMatrix ComputeSnapped(ModeGraph graph, ManyToManyCh search, SnapResult[] originSnaps, SnapResult[] destinationSnaps,
        int maxDurationMs, int threads, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(originSnaps);
        ArgumentNullException.ThrowIfNull(destinationSnaps);
        var request = new MatrixRequest
        {
            Sources = Seeds(originSnaps, outbound: true),
            Targets = Seeds(destinationSnaps, outbound: false),
            MaxDurationMs = maxDurationMs,
            Threads = threads,
            Progress = progress,
            Cancellation = cancellation,
        };
        var matrix = search.Compute(request);
        ApplySameEdgeTravel(graph, originSnaps, destinationSnaps, matrix, maxDurationMs);
        return matrix;
    }

    /// <summary>The contraction hierarchy of a mode (from memory, the cache file beside the network, or built).</summary>
    public static ContractedGraph Hierarchy(StreetNetwork network, TravelMode mode, TimeBand band, string? variant, ModeGraph graph,
        RoadMatrixOptions options, out bool fromCache)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var hash = ContractedGraphCache.InputHash(graph, $"{network.SourceHash}|{mode.ToName()}|{band.ToName()}|{variant}");
        var path = options.NetworkPath is null ? null : ContractedGraphCache.CachePath(options.NetworkPath, mode.ToName(), band.ToName(), variant);
        options.Stage?.Invoke(path is not null && ContractedGraph.IsCachedFor(path, hash) ? "loading hierarchy" : "contracting");
        var warning = options.Warning ?? (message => options.Stage?.Invoke("warning: " + message));
        return ContractedGraphCache.GetOrBuild(graph, hash, path, options.Contraction, out fromCache, warning);
    }

    private static SnapResult[] Snap(Snapper snapper, IReadOnlyList<GeoPoint> points, double maxSnapMetres)
    {
        var result = new SnapResult[points.Count];
        Parallel.For(0, points.Count, i => result[i] = snapper.Snap(points[i], maxSnapMetres));
        return result;
    }

    private static SnapSeed[][] Seeds(SnapResult[] snaps, bool outbound)
    {
        var seeds = new SnapSeed[snaps.Length][];
        for (var i = 0; i < snaps.Length; i++)
        {
            seeds[i] = !snaps[i].IsOk ? [] : outbound ? snaps[i].Outbound : snaps[i].Inbound;
        }
        return seeds;
    }

    /// <summary>Takes <see cref="SameEdgeTravel"/> where it is faster than the network search.</summary>
    private static void ApplySameEdgeTravel(ModeGraph graph, SnapResult[] origins, SnapResult[] destinations, TravelTimeMatrix matrix, int maxDurationMs)
    {
        var byEdge = new Dictionary<int, List<int>>();
        for (var d = 0; d < destinations.Length; d++)
        {
            var snap = destinations[d];
            if (snap.IsOk && snap.EdgeIndex >= 0)
            {
                if (!byEdge.TryGetValue(snap.EdgeIndex, out var list))
                {
                    byEdge[snap.EdgeIndex] = list = [];
                }
                list.Add(d);
            }
        }
        if (byEdge.Count == 0)
        {
            return;
        }
        for (var o = 0; o < origins.Length; o++)
        {
            var snap = origins[o];
            if (!snap.IsOk || !byEdge.TryGetValue(snap.EdgeIndex, out var list))
            {
                continue;
            }
            foreach (var d in list)
            {
                if (!SameEdgeTravel.Applies(snap, destinations[d]))
                {
                    continue;
                }
                var (duration, length) = SameEdgeTravel.Direct(graph, snap, destinations[d]);
                var index = (o * matrix.TargetCount) + d;
                var current = matrix.DurationMs[index];
                if (duration <= maxDurationMs && (duration < current || (duration == current && length < matrix.LengthMm[index])))
                {
                    matrix.DurationMs[index] = duration;
                    matrix.LengthMm[index] = length;
                }
            }
        }
    }
}
