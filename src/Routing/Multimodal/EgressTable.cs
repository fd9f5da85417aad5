using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's egress stage, precomputed once per matrix: for every destination, the stops within the walk limit (backward walk
/// search on the reversed walk graph, whole seconds rounded up), as CSR both ways (destination -> stops for the breakdown,
/// stop -> destinations for propagating arrivals), and walk-graph vertex -> destinations for the direct walk from an origin.
/// </summary>
internal sealed class EgressTable
{
    private EgressTable(int[] vertexDestOffsets, int[] vertexDest, int[] vertexDestMs, int[] stopDestOffsets, int[] stopDest, int[] stopDestSeconds)
    {
        VertexDestOffsets = vertexDestOffsets;
        VertexDest = vertexDest;
        VertexDestMs = vertexDestMs;
        DestStopOffsets = new int[vertexDestOffsets.Length];
        DestStops = [];
        DestStopSeconds = [];
        StopDestOffsets = stopDestOffsets;
        StopDest = stopDest;
        StopDestSeconds = stopDestSeconds;
    }

    /// <summary>
    /// Every walk-graph vertex as a destination (isochrones): destination v is vertex v (no off-street part), reached from
    /// the stops whose forward walk search, bounded by <paramref name="maxWalkMs"/>, settles it, in whole seconds rounded up
    /// as for snapped destinations. No destination -> stop side (no journey breakdown).
    /// </summary>
    public static EgressTable ForVertices(TransitNetwork network, int maxWalkMs)
    {
        var vertexCount = network.WalkGraph.VertexCount;
        var identity = new int[vertexCount + 1];
        var dest = new int[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            identity[v + 1] = v + 1;
            dest[v] = v;
        }
        var stops = network.StopSnaps.Length;
        var perStop = new (int[] Vertex, int[] Seconds)[stops];
        PerCoreParallel.For(stops, () => new SearchSpace(vertexCount), (s, space) =>
        {
            var snap = network.StopSnaps[s];
            var off = network.OffStreetMs(snap);
            if (!snap.IsOk || off > maxWalkMs)
            {
                perStop[s] = ([], []);
                return;
            }
            Dijkstra.Run(network.WalkGraph, snap.Outbound, maxWalkMs - off, space);
            var settled = space.Settled;
            var vertices = new int[settled.Length];
            var seconds = new int[settled.Length];
            for (var i = 0; i < settled.Length; i++)
            {
                vertices[i] = settled[i];
                seconds[i] = TravelTime.SecondsRoundedUpFromMs(off + space.DurationMs(settled[i]));
            }
            perStop[s] = (vertices, seconds);
        });
        var offsets = new int[stops + 1];
        for (var s = 0; s < stops; s++)
        {
            offsets[s + 1] = offsets[s] + perStop[s].Vertex.Length;
        }
        var stopDest = new int[offsets[^1]];
        var stopSeconds = new int[offsets[^1]];
        for (var s = 0; s < stops; s++)
        {
            perStop[s].Vertex.CopyTo(stopDest, offsets[s]);
            perStop[s].Seconds.CopyTo(stopSeconds, offsets[s]);
        }
        return new EgressTable(identity, dest, new int[vertexCount], offsets, stopDest, stopSeconds);
    }

    public EgressTable(TransitNetwork network, SnapResult[] destinations, int maxWalkMs)
    {
        var d = destinations.Length;
        var vertexCount = network.WalkGraph.VertexCount;

        // vertex -> destinations (for the direct walk)
        var counts = new int[vertexCount + 1];
        for (var i = 0; i < d; i++)
        {
            foreach (var seed in destinations[i].Inbound)
            {
                counts[seed.Vertex + 1]++;
            }
        }
        for (var v = 0; v < vertexCount; v++)
        {
            counts[v + 1] += counts[v];
        }
        VertexDestOffsets = counts;
        VertexDest = new int[counts[^1]];
        VertexDestMs = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < d; i++)
        {
            var off = network.OffStreetMs(destinations[i]);
            foreach (var seed in destinations[i].Inbound)
            {
                var k = fill[seed.Vertex]++;
                VertexDest[k] = i;
                VertexDestMs[k] = seed.DurationMs + off;
            }
        }

        // stops -> destination walks (backward search), then both CSR directions
        var perDest = new (int Stop, int Seconds)[d][];
        PerCoreParallel.For(d, () => (new SearchSpace(vertexCount), new int[network.Timetable.StopCount], new List<(int, int)>()), (i, st) =>
        {
            var list = st.Item3;
            list.Clear();
            network.StopsWithinWalk(destinations[i], maxWalkMs, st.Item1, st.Item2, (s, ms) => list.Add((s, TravelTime.SecondsRoundedUpFromMs(ms))), towards: true);
            perDest[i] = [.. list];
        });
        DestStopOffsets = new int[d + 1];
        for (var i = 0; i < d; i++)
        {
            DestStopOffsets[i + 1] = DestStopOffsets[i] + perDest[i].Length;
        }
        DestStops = new int[DestStopOffsets[d]];
        DestStopSeconds = new int[DestStopOffsets[d]];
        var stopCounts = new int[network.Timetable.StopCount + 1];
        for (var i = 0; i < d; i++)
        {
            for (var k = 0; k < perDest[i].Length; k++)
            {
                DestStops[DestStopOffsets[i] + k] = perDest[i][k].Stop;
                DestStopSeconds[DestStopOffsets[i] + k] = perDest[i][k].Seconds;
                stopCounts[perDest[i][k].Stop + 1]++;
            }
        }
        for (var s = 0; s < network.Timetable.StopCount; s++)
        {
            stopCounts[s + 1] += stopCounts[s];
        }
        StopDestOffsets = stopCounts;
        StopDest = new int[stopCounts[^1]];
        StopDestSeconds = new int[stopCounts[^1]];
        var sf = (int[])stopCounts.Clone();
        for (var i = 0; i < d; i++)
        {
            foreach (var (s, secs) in perDest[i])
            {
                var k = sf[s]++;
                StopDest[k] = i;
                StopDestSeconds[k] = secs;
            }
        }
    }

    /// <summary>CSR: destinations reached from walk vertex v, with the walk (ms) from v, off-street part included.</summary>
    public int[] VertexDestOffsets { get; }
    public int[] VertexDest { get; }
    public int[] VertexDestMs { get; }
    /// <summary>CSR: stops within walk of destination d (by stop index), with the walk in whole seconds.</summary>
    public int[] DestStopOffsets { get; }
    public int[] DestStops { get; }
    public int[] DestStopSeconds { get; }
    /// <summary>CSR: destinations within walk of stop s, with the walk in whole seconds.</summary>
    public int[] StopDestOffsets { get; }
    public int[] StopDest { get; }
    public int[] StopDestSeconds { get; }

    /// <summary>Bytes held by the table (for the memory estimate).</summary>
    public long Bytes => 4L * (VertexDestOffsets.Length + (2L * VertexDest.Length) + DestStopOffsets.Length + (2L * DestStops.Length)
        + StopDestOffsets.Length + (2L * StopDest.Length));
}
