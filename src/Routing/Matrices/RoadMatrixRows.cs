using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Geometry;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// A road matrix prepared once (mode graph, snaps, contraction hierarchy, the targets' bucket table) and computed for any
/// range of origins [start, end). Each row depends only on its origin, so any split into ranges and any thread count give
/// the same rows as one whole computation.
/// </summary>
public sealed class RoadMatrixRows
{
    private readonly ModeGraph _graph;
    private readonly ManyToManyCh _engine;
    private readonly ManyToManyCh.PreparedTargets _targets;
    private readonly SnapSeed[][] _sources;
    private readonly Dictionary<int, List<int>> _sameEdge;
    private readonly RoadMatrixOptions _options;
    private readonly double _offNetworkKmh;

    public RoadMatrixRows(StreetNetwork network, TravelMode mode, IReadOnlyList<GeoPoint> origins, IReadOnlyList<GeoPoint> destinations,
        RoadMatrixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(destinations);
        options ??= new RoadMatrixOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxSnapMetres);
        _options = options;

        var band = mode == TravelMode.Car ? options.Band : TimeBand.OffPeak;
        var overrides = mode == TravelMode.Car ? options.Overrides : null;
        _graph = network.GetModeGraph(mode, overrides, band);

        options.Stage?.Invoke("snapping");
        var snapper = network.CreateSnapper(mode, _graph);
        OriginSnaps = Snap(snapper, origins, options.MaxSnapMetres);
        DestinationSnaps = Snap(snapper, destinations, options.MaxSnapMetres);

        var hierarchy = RoadMatrixComputer.Hierarchy(network, mode, band, overrides is null ? null : options.OverridesKey ?? "overrides", _graph, options, out var fromCache);
        HierarchyFromCache = fromCache;
        _engine = new ManyToManyCh(hierarchy);
        _offNetworkKmh = options.OffNetworkLegs ? OffNetworkLeg.SpeedKmh(mode, network.Profiles) : 0;
        (_sources, _targets, _sameEdge) = Prepare(options.Stage, default);
    }

    /// <summary>
    /// Rows between points already snapped onto <paramref name="graph"/>, over a search of its hierarchy kept loaded: what
    /// the routing server's table does per request (each coordinate snapped within its own radius). Times are between the
    /// snapped points (OSRM's convention): <see cref="RoadMatrixOptions.OffNetworkLegs"/> and the snapping options are not used.
    /// </summary>
    public RoadMatrixRows(ModeGraph graph, ManyToManyCh search, SnapResult[] originSnaps, SnapResult[] destinationSnaps, RoadMatrixOptions options,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(originSnaps);
        ArgumentNullException.ThrowIfNull(destinationSnaps);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _graph = graph;
        _engine = search;
        OriginSnaps = originSnaps;
        DestinationSnaps = destinationSnaps;
        HierarchyFromCache = true;
        (_sources, _targets, _sameEdge) = Prepare(options.Stage, cancellation);
    }

    private (SnapSeed[][], ManyToManyCh.PreparedTargets, Dictionary<int, List<int>>) Prepare(Action<string>? stage, CancellationToken cancellation)
    {
        var sources = Seeds(OriginSnaps, outbound: true, _offNetworkKmh);
        stage?.Invoke("targets");
        var targets = _engine.Prepare(new MatrixRequest
        {
            Sources = [],
            Targets = Seeds(DestinationSnaps, outbound: false, _offNetworkKmh),
            MaxDurationMs = _options.MaxDurationMs,
            Threads = _options.Threads,
            Cancellation = cancellation,
        });
        return (sources, targets, DestinationsByEdge(DestinationSnaps));
    }

    public SnapResult[] OriginSnaps { get; }
    public SnapResult[] DestinationSnaps { get; }
    public bool HierarchyFromCache { get; }
    public int OriginCount => OriginSnaps.Length;
    public int DestinationCount => DestinationSnaps.Length;

    /// <summary>Bytes held for the targets (bucket table), whatever the number of origins.</summary>
    public long PreparedBytes => _targets.Bytes;

    /// <summary>The rows of origins [start, end): a matrix with end - start sources.</summary>
    public TravelTimeMatrix Compute(int start, int end, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, OriginCount);
        var pairs = (long)(end - start) * DestinationCount;
        if (pairs > Array.MaxLength)
        {
            throw new ArgumentException($"{end - start} x {DestinationCount} pairs is too many for one batch; compute fewer origins at a time.");
        }
        var durations = new int[pairs];
        var lengths = new int[pairs];
        _engine.ComputeRows(_targets, _sources, start, end, durations, lengths, _options.Threads, cancellation);
        var matrix = new TravelTimeMatrix(end - start, DestinationCount, durations, lengths);
        ApplySameEdgeTravel(_graph, OriginSnaps, start, end, DestinationSnaps, _sameEdge, matrix, _options.MaxDurationMs, _offNetworkKmh);
        progress?.Invoke(end - start);
        return matrix;
    }

    private static SnapResult[] Snap(Snapper snapper, IReadOnlyList<GeoPoint> points, double maxSnapMetres)
    {
        var result = new SnapResult[points.Count];
        Parallel.For(0, points.Count, i => result[i] = snapper.Snap(points[i], maxSnapMetres));
        return result;
    }

    /// <summary>Search seeds, with the off-network leg (none when <paramref name="offNetworkKmh"/> is 0) added to each: the leg is the same whichever way the point joins the edge.</summary>
    internal static SnapSeed[][] Seeds(SnapResult[] snaps, bool outbound, double offNetworkKmh = 0)
    {
        var seeds = new SnapSeed[snaps.Length][];
        for (var i = 0; i < snaps.Length; i++)
        {
            if (!snaps[i].IsOk)
            {
                seeds[i] = [];
                continue;
            }
            var (legMs, legMm) = OffNetworkLeg.Of(snaps[i], offNetworkKmh);
            var onEdge = outbound ? snaps[i].Outbound : snaps[i].Inbound;
            seeds[i] = legMs == 0 && legMm == 0 ? onEdge : Array.ConvertAll(onEdge, s => s with { DurationMs = s.DurationMs + legMs, LengthMm = s.LengthMm + legMm });
        }
        return seeds;
    }

    /// <summary>Snapped destinations by the segment they lie on.</summary>
    internal static Dictionary<int, List<int>> DestinationsByEdge(SnapResult[] destinations)
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
        return byEdge;
    }

    /// <summary>
    /// Rows [start, end) of <paramref name="matrix"/> (row 0 = origin start): where an origin and a destination share a
    /// segment that can be travelled between them (<see cref="SameEdgeTravel"/>), take the direct time when faster.
    /// </summary>
    internal static void ApplySameEdgeTravel(ModeGraph graph, SnapResult[] origins, int start, int end, SnapResult[] destinations,
        Dictionary<int, List<int>> byEdge, TravelTimeMatrix matrix, int maxDurationMs, double offNetworkKmh = 0)
    {
        if (byEdge.Count == 0)
        {
            return;
        }
        for (var o = start; o < end; o++)
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
                var originLeg = OffNetworkLeg.Of(snap, offNetworkKmh);
                var destinationLeg = OffNetworkLeg.Of(destinations[d], offNetworkKmh);
                duration += originLeg.DurationMs + destinationLeg.DurationMs;
                length += originLeg.LengthMm + destinationLeg.LengthMm;
                var index = ((o - start) * matrix.TargetCount) + d;
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
