using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Jobs;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;

namespace Geo.Routing.Isochrones;

/// <summary>
/// Walk + public transport isochrones with the transit matrix's own stages (r5's): every walk-graph vertex is a destination
/// (<see cref="EgressTable.ForVertices"/>), then per origin the access search, the range-RAPTOR departure sweep over the
/// window and the percentile of the window's per-minute times, exactly as <c>geo matrix --mode transit</c> computes them
/// for a destination on that vertex. Prepared once per network and options; <see cref="VertexSeconds"/> is not thread-safe
/// (one instance per thread).
/// </summary>
public sealed class TransitIsochrone
{
    private const int Unreached = TravelTime.Unreached;
    private readonly TransitNetwork _network;
    private readonly AccessSearch _access;
    private readonly DepartureSweep _sweep;
    private readonly PercentileReducer _reducer;
    private readonly DepartureWindow _window;
    private readonly int _percentile;
    private readonly int _samples;
    private readonly int _maxWalkMs;

    /// <param name="network">Timetable linked to the walk network.</param>
    /// <param name="options">Window, limits (the matrix's defaults); its percentiles are ignored, see <paramref name="percentile"/>.</param>
    /// <param name="percentile">Percentile (1-99) of the window's travel times that must be within the threshold.</param>
    public TransitIsochrone(TransitNetwork network, TransitOptions options, int percentile)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 99);
        options.Validate();
        _network = network;
        _window = options.Window;
        _percentile = percentile;
        _samples = options.Window.Minutes;
        _maxWalkMs = (int)Math.Min(int.MaxValue / 2, Math.Round(options.MaxWalkMinutes * 60_000));
        var maxTripSeconds = options.MaxTripMinutes * 60;
        var vertices = network.WalkGraph.VertexCount;
        var egress = EgressTable.ForVertices(network, _maxWalkMs);
        _access = new AccessSearch(network, egress, vertices, _maxWalkMs);
        _sweep = new DepartureSweep(network, egress, vertices, _samples, options.MaxRides, maxTripSeconds);
        _reducer = new PercentileReducer(_samples, maxTripSeconds);
    }

    public ModeGraph WalkGraph => _network.WalkGraph;

    /// <summary>Snaps a point onto the walk network, as the transit matrix snaps its origins.</summary>
    public SnapResult Snap(GeoPoint point, double maxSnapMetres) => _network.Snap(point, maxSnapMetres);

    /// <summary>Milliseconds of the straight walk from the point to its snapped position (included in every time).</summary>
    public int OffStreetMs(SnapResult snap) => _network.OffStreetMs(snap);

    /// <summary>
    /// The walk-graph street pieces reached within each threshold (ms) at the percentile: vertices from
    /// <see cref="VertexSeconds"/>, then streets walked from them in the time left (<see cref="IsochroneSearch.Segments"/>).
    /// </summary>
    public IReadOnlyList<ReachedSegments> Run(SnapResult origin, IReadOnlyList<int> thresholdsMs)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(thresholdsMs);
        var seconds = new int[_network.WalkGraph.VertexCount];
        VertexSeconds(origin, seconds);
        var reached = new List<int>();
        for (var v = 0; v < seconds.Length; v++)
        {
            if (seconds[v] != Unreached)
            {
                reached.Add(v);
                seconds[v] *= 1000;
            }
        }
        return IsochroneSearch.Segments(_network.WalkGraph, origin.SnappedPoint, origin.Outbound, OffStreetMs(origin),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(reached), seconds, thresholdsMs);
    }

    /// <summary>
    /// Seconds to each walk-graph vertex from <paramref name="origin"/> at the percentile of the window's minutes
    /// (waiting at the origin included, as in the matrix), or <see cref="TravelTime.Unreached"/>; written into
    /// <paramref name="seconds"/> (one entry per vertex).
    /// </summary>
    public void VertexSeconds(SnapResult origin, int[] seconds)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(seconds);
        ArgumentOutOfRangeException.ThrowIfNotEqual(seconds.Length, _network.WalkGraph.VertexCount);
        if (!origin.IsOk)
        {
            Array.Fill(seconds, Unreached);
            return;
        }
        _access.Run(origin);
        _sweep.Run(_access, _window.ArriveBySeconds, _window.StartSeconds);
        var times = _sweep.Times;
        for (var v = 0; v < seconds.Length; v++)
        {
            _reducer.Partition(times.AsSpan(v * _samples, _samples));
            seconds[v] = _reducer.At(_percentile);
        }
    }
}
