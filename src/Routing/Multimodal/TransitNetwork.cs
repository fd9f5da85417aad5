using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.Routing.Streets.Snapping;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Multimodal;

/// <summary>
/// A timetable linked to the walk network (r5's "linked transport network"): each stop snapped to the walk graph,
/// stop-to-stop transfers by walking on streets (capped, default 10 min) merged with transfers.txt minimum times,
/// and a vertex -> stop index so one walk search from a point finds all stops within reach.
/// The walk graph is treated as symmetric (walking ways are two-way), so egress walks are searched from the destination.
/// </summary>
public sealed class TransitNetwork
{
    private TransitNetwork(Timetable timetable, ModeGraph walkGraph, Func<GeoPoint, double, SnapResult> snap, double walkSpeedKmh,
        SnapResult[] stopSnaps, int[] vertexStopOffsets, int[] vertexStops, int[] vertexStopMs, TransferTable transfers, int maxTransferWalkSeconds)
    {
        Timetable = timetable;
        WalkGraph = walkGraph;
        Snap = snap;
        WalkSpeedKmh = walkSpeedKmh;
        StopSnaps = stopSnaps;
        VertexStopOffsets = vertexStopOffsets;
        VertexStops = vertexStops;
        VertexStopMs = vertexStopMs;
        Transfers = transfers;
        MaxTransferWalkSeconds = maxTransferWalkSeconds;
    }

    public Timetable Timetable { get; }
    public ModeGraph WalkGraph { get; }
    /// <summary>Snaps a point onto the walk graph within the given metres.</summary>
    public Func<GeoPoint, double, SnapResult> Snap { get; }
    /// <summary>Speed used for the straight walk between a point and its snapped position on the street.</summary>
    public double WalkSpeedKmh { get; }
    public SnapResult[] StopSnaps { get; }
    /// <summary>CSR: stops reachable from vertex v are VertexStops[VertexStopOffsets[v]..], VertexStopMs the walk (ms) from v to the stop.</summary>
    public int[] VertexStopOffsets { get; }
    public int[] VertexStops { get; }
    public int[] VertexStopMs { get; }
    public TransferTable Transfers { get; }
    public int MaxTransferWalkSeconds { get; }

    public int LinkedStopCount
    {
        get
        {
            var n = 0;
            foreach (var s in StopSnaps)
            {
                n += s.IsOk ? 1 : 0;
            }
            return n;
        }
    }

    /// <summary>Milliseconds to walk the straight off-street part of a snap.</summary>
    public int OffStreetMs(SnapResult snap) => snap.IsOk ? (int)Math.Round(snap.DistanceMetres / (WalkSpeedKmh / 3.6) * 1000) : 0;

    /// <summary>Links <paramref name="timetable"/> to the walk graph of <paramref name="streets"/> (walk speed from its profiles).</summary>
    public static TransitNetwork Build(StreetNetwork streets, Timetable timetable, double maxStopSnapMetres = 300, int maxTransferWalkSeconds = 600)
    {
        ArgumentNullException.ThrowIfNull(streets);
        var graph = streets.GetModeGraph(TravelMode.Walk);
        var snapper = streets.CreateSnapper(TravelMode.Walk, graph);
        return Build(timetable, graph, snapper.Snap, streets.Profiles.WalkSpeedKmh, maxStopSnapMetres, maxTransferWalkSeconds);
    }

    /// <summary>Links <paramref name="timetable"/> to any walk graph and snapping function (used by tests with synthetic graphs).</summary>
    public static TransitNetwork Build(Timetable timetable, ModeGraph walkGraph, Func<GeoPoint, double, SnapResult> snap, double walkSpeedKmh,
        double maxStopSnapMetres = 300, int maxTransferWalkSeconds = 600)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        ArgumentNullException.ThrowIfNull(walkGraph);
        ArgumentNullException.ThrowIfNull(snap);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(walkSpeedKmh);
        var stops = timetable.Feed.Stops;
        var snaps = new SnapResult[stops.Count];
        for (var s = 0; s < stops.Count; s++)
        {
            var st = stops[s];
            snaps[s] = st.HasCoordinates ? snap(new GeoPoint(st.Lon, st.Lat), maxStopSnapMetres) : snap(new GeoPoint(double.NaN, double.NaN), 0);
        }
        // vertex -> stops via the stops' inbound seeds (vertex to stop), including the off-street walk
        var counts = new int[walkGraph.VertexCount + 1];
        var speedMps = walkSpeedKmh / 3.6;
        for (var s = 0; s < snaps.Length; s++)
        {
            if (snaps[s].IsOk)
            {
                foreach (var seed in snaps[s].Inbound)
                {
                    counts[seed.Vertex + 1]++;
                }
            }
        }
        for (var v = 0; v < walkGraph.VertexCount; v++)
        {
            counts[v + 1] += counts[v];
        }
        var vStops = new int[counts[^1]];
        var vMs = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var s = 0; s < snaps.Length; s++)
        {
            if (!snaps[s].IsOk)
            {
                continue;
            }
            var off = (int)Math.Round(snaps[s].DistanceMetres / speedMps * 1000);
            foreach (var seed in snaps[s].Inbound)
            {
                var i = fill[seed.Vertex]++;
                vStops[i] = s;
                vMs[i] = seed.DurationMs + off;
            }
        }
        var partial = new TransitNetwork(timetable, walkGraph, snap, walkSpeedKmh, snaps, counts, vStops, vMs,
            TransferTable.Build(timetable.Feed, []), maxTransferWalkSeconds);

        // street footpaths between stops served by at least one pattern, walking at most maxTransferWalkSeconds
        var served = new List<int>();
        for (var s = 0; s < snaps.Length; s++)
        {
            if (snaps[s].IsOk && timetable.StopPatternOffsets[s + 1] > timetable.StopPatternOffsets[s])
            {
                served.Add(s);
            }
        }
        var perStop = new List<Footpath>[served.Count];
        Parallel.For(0, served.Count, () => (new SearchSpace(walkGraph.VertexCount), new int[stops.Count]), (i, _, state) =>
        {
            var (space, best) = state;
            var from = served[i];
            var list = new List<Footpath>();
            partial.StopsWithinWalk(snaps[from], maxTransferWalkSeconds * 1000, space, best, (to, ms) =>
            {
                if (to != from)
                {
                    list.Add(new Footpath(from, to, (ms + 999) / 1000));
                }
            });
            perStop[i] = list;
            return state;
        }, _ => { });
        var all = new List<Footpath>();
        foreach (var l in perStop)
        {
            all.AddRange(l);
        }
        return new TransitNetwork(timetable, walkGraph, snap, walkSpeedKmh, snaps, counts, vStops, vMs,
            TransferTable.Build(timetable.Feed, all), maxTransferWalkSeconds);
    }

    /// <summary>
    /// Walk search from a snapped point: calls <paramref name="found"/>(stop, ms) once per stop reachable within
    /// <paramref name="maxMs"/> (including both off-street walks). <paramref name="scratch"/> has one entry per stop.
    /// </summary>
    internal void StopsWithinWalk(SnapResult from, int maxMs, SearchSpace space, int[] scratch, Action<int, int> found)
    {
        if (!from.IsOk)
        {
            return;
        }
        var start = OffStreetMs(from);
        if (start > maxMs)
        {
            return;
        }
        Dijkstra.Run(WalkGraph, from.Outbound, maxMs - start, space);
        var settled = space.Settled;
        var touched = new List<int>();
        foreach (var v in settled)
        {
            var dv = space.DurationMs(v);
            for (var i = VertexStopOffsets[v]; i < VertexStopOffsets[v + 1]; i++)
            {
                var s = VertexStops[i];
                var ms = start + dv + VertexStopMs[i];
                if (ms > maxMs)
                {
                    continue;
                }
                if (scratch[s] == 0)
                {
                    touched.Add(s);
                    scratch[s] = ms + 1;
                }
                else if (ms + 1 < scratch[s])
                {
                    scratch[s] = ms + 1;
                }
            }
        }
        touched.Sort();
        foreach (var s in touched)
        {
            found(s, scratch[s] - 1);
            scratch[s] = 0;
        }
    }
}
