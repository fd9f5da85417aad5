using Geo.Core;

using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Multimodal;

/// <summary>
/// A timetable linked to the walk network (r5's "linked transport network"): each stop snapped to the walk graph,
/// stop-to-stop transfers by walking on streets (capped, default 10 min) merged with transfers.txt minimum times,
/// and a vertex -> stop index so one walk search from a point finds all stops within reach.
/// Egress walks are searched backwards from the destination on the reversed walk graph, so one-way paths are respected.
/// </summary>
public sealed class TransitNetwork
{
    private TransitNetwork(Timetable timetable, ModeGraph walkGraph, Func<GeoPoint, double, SnapResult> snap, double walkSpeedKmh,
        SnapResult[] stopSnaps, int[] vertexStopOffsets, int[] vertexStops, int[] vertexStopMs, TransferTable transfers, int maxTransferWalkSeconds,
        ModeGraph reverseWalkGraph, int[] vertexStopOutOffsets, int[] vertexStopsOut, int[] vertexStopOutMs)
    {
        ReverseWalkGraph = reverseWalkGraph;
        VertexStopOutOffsets = vertexStopOutOffsets;
        VertexStopsOut = vertexStopsOut;
        VertexStopOutMs = vertexStopOutMs;
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
    /// <summary>The walk graph with every edge reversed (searches towards a destination).</summary>
    public ModeGraph ReverseWalkGraph { get; }
    /// <summary>CSR: stops from which vertex v is reached (their outbound seeds), VertexStopOutMs the walk (ms) from the stop to v.</summary>
    public int[] VertexStopOutOffsets { get; }
    public int[] VertexStopsOut { get; }
    public int[] VertexStopOutMs { get; }

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

    /// <summary>
    /// Records in <paramref name="issues"/> how many stops were linked to the street network and throws
    /// <see cref="ComputationException"/> (exit 5) when none was: every transit time would be "no route".
    /// </summary>
    public void RequireLinkedStops(IssueLog issues, string feeds)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var linked = LinkedStopCount;
        var message = $"{linked:N0} of {StopSnaps.Length:N0} stops linked to the street network";
        issues.Add(feeds, 0, null, null, IssueCode.StopsLinked, linked == 0 ? IssueSeverity.Error : IssueSeverity.Info, message);
        if (linked == 0)
        {
            throw new ComputationException(
                $"{feeds}: no GTFS stop is linked to the street network ({message}); check that the feed and the OSM extract cover the same area");
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
        var speedMps = walkSpeedKmh / 3.6;
        var (counts, vStops, vMs) = VertexIndex(walkGraph.VertexCount, snaps, speedMps, inbound: true);
        var (outCounts, outStops, outMs) = VertexIndex(walkGraph.VertexCount, snaps, speedMps, inbound: false);
        var reverse = Reverse(walkGraph);
        var partial = new TransitNetwork(timetable, walkGraph, snap, walkSpeedKmh, snaps, counts, vStops, vMs,
            TransferTable.Build(timetable.Feed, []), maxTransferWalkSeconds, reverse, outCounts, outStops, outMs);

        // street footpaths between stops served by at least one pattern, walking at most maxTransferWalkSeconds
        var served = new List<int>();
        for (var s = 0; s < snaps.Length; s++)
        {
            if (snaps[s].IsOk && timetable.StopPatternOffsets[s + 1] > timetable.StopPatternOffsets[s])
            {
                served.Add(s);
            }
        }
        // one search space per core (PerCoreParallel); footpaths go to per-worker lists: the table sorts them, so order is free
        var found = new List<List<Footpath>>();
        PerCoreParallel.For(served.Count, () =>
        {
            var list = new List<Footpath>();
            lock (found)
            {
                found.Add(list);
            }
            return (Space: new SearchSpace(walkGraph.VertexCount), Best: new int[stops.Count], List: list);
        }, (i, state) =>
        {
            var from = served[i];
            partial.StopsWithinWalk(snaps[from], maxTransferWalkSeconds * 1000, state.Space, state.Best, (to, ms) =>
            {
                if (to != from)
                {
                    state.List.Add(new Footpath(from, to, TravelTime.SecondsRoundedUpFromMs(ms)));
                }
            });
        });
        var footpathCount = found.Sum(l => l.Count);
        var transfers = TransferTable.Build(timetable.Feed, found.SelectMany(l => l), footpathCount);
        return new TransitNetwork(timetable, walkGraph, snap, walkSpeedKmh, snaps, counts, vStops, vMs,
            transfers, maxTransferWalkSeconds, reverse, outCounts, outStops, outMs);
    }

    /// <summary>vertex -> (stop, ms) CSR from the stops' inbound (vertex to stop) or outbound (stop to vertex) seeds, off-street walk included.</summary>
    private static (int[] Offsets, int[] Stops, int[] Ms) VertexIndex(int vertexCount, SnapResult[] snaps, double speedMps, bool inbound)
    {
        var counts = new int[vertexCount + 1];
        for (var s = 0; s < snaps.Length; s++)
        {
            if (snaps[s].IsOk)
            {
                foreach (var seed in inbound ? snaps[s].Inbound : snaps[s].Outbound)
                {
                    counts[seed.Vertex + 1]++;
                }
            }
        }
        for (var v = 0; v < vertexCount; v++)
        {
            counts[v + 1] += counts[v];
        }
        var stops = new int[counts[^1]];
        var ms = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var s = 0; s < snaps.Length; s++)
        {
            if (!snaps[s].IsOk)
            {
                continue;
            }
            var off = (int)Math.Round(snaps[s].DistanceMetres / speedMps * 1000);
            foreach (var seed in inbound ? snaps[s].Inbound : snaps[s].Outbound)
            {
                var i = fill[seed.Vertex]++;
                stops[i] = s;
                ms[i] = seed.DurationMs + off;
            }
        }
        return (counts, stops, ms);
    }

    /// <summary>The transpose of a CSR graph (same vertices, every edge reversed).</summary>
    public static ModeGraph Reverse(ModeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        var first = new int[n + 1];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            first[graph.EdgeTarget[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            first[v + 1] += first[v];
        }
        var fill = (int[])first.Clone();
        var target = new int[graph.EdgeCount];
        var duration = new int[graph.EdgeCount];
        var length = new int[graph.EdgeCount];
        for (var v = 0; v < n; v++)
        {
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                var i = fill[graph.EdgeTarget[e]]++;
                target[i] = v;
                duration[i] = graph.EdgeDurationMs[e];
                length[i] = graph.EdgeLengthMm[e];
            }
        }
        return new ModeGraph(first, target, duration, length, graph.VertexLatE7, graph.VertexLonE7);
    }

    /// <summary>
    /// Walk search from a snapped point: calls <paramref name="found"/>(stop, ms) once per stop reachable within
    /// <paramref name="maxMs"/> (including both off-street walks). <paramref name="scratch"/> has one entry per stop.
    /// </summary>
    internal void StopsWithinWalk(SnapResult from, int maxMs, SearchSpace space, int[] scratch, Action<int, int> found)
        => StopsWithinWalk(from, maxMs, space, scratch, found, towards: false);

    /// <summary>
    /// As above; with <paramref name="towards"/> the search runs backwards from the point (a destination) over the reversed
    /// graph and reports the walk from each stop to the point.
    /// </summary>
    internal void StopsWithinWalk(SnapResult from, int maxMs, SearchSpace space, int[] scratch, Action<int, int> found, bool towards)
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
        Dijkstra.Run(towards ? ReverseWalkGraph : WalkGraph, towards ? from.Inbound : from.Outbound, maxMs - start, space);
        var settled = space.Settled;
        var touched = new List<int>();
        var offsets = towards ? VertexStopOutOffsets : VertexStopOffsets;
        var stops = towards ? VertexStopsOut : VertexStops;
        var stopMs = towards ? VertexStopOutMs : VertexStopMs;
        foreach (var v in settled)
        {
            var dv = space.DurationMs(v);
            for (var i = offsets[v]; i < offsets[v + 1]; i++)
            {
                var s = stops[i];
                var ms = start + dv + stopMs[i];
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
