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
        var request = new MatrixRequest
        {
            Sources = Seeds(originSnaps, outbound: true),
            Targets = Seeds(destinationSnaps, outbound: false),
            MaxDurationMs = options.MaxDurationMs,
            Threads = options.Threads,
            Progress = options.Progress,
        };
        var matrix = new ManyToManyCh(hierarchy).Compute(request);
        ApplySameEdgeTravel(graph, originSnaps, destinationSnaps, matrix, options.MaxDurationMs);
        return new RoadMatrixResult(matrix, originSnaps, destinationSnaps, fromCache);
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

    /// <summary>
    /// An origin and a destination snapped onto the same two-way street segment can travel straight along it; the
    /// network search (which must leave through a vertex) cannot see that, so take the direct time when it is faster.
    /// One-way segments are left to the network search.
    /// </summary>
    private static void ApplySameEdgeTravel(ModeGraph graph, SnapResult[] origins, SnapResult[] destinations, TravelTimeMatrix matrix, int maxDurationMs)
    {
        var byEdge = new Dictionary<int, List<int>>();
        for (var d = 0; d < destinations.Length; d++)
        {
            var snap = destinations[d];
            if (snap.IsOk && snap.EdgeIndex >= 0 && snap.Inbound.Length == 2)
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
            if (!snap.IsOk || snap.Outbound.Length != 2 || !byEdge.TryGetValue(snap.EdgeIndex, out var list))
            {
                continue;
            }
            foreach (var d in list)
            {
                var share = Math.Abs(destinations[d].Fraction - snap.Fraction);
                var duration = (int)Math.Round(graph.EdgeDurationMs[snap.EdgeIndex] * share);
                var length = (int)Math.Round(graph.EdgeLengthMm[snap.EdgeIndex] * share);
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
