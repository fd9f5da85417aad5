using System.Globalization;
using Geo.Routing.Search;
using Geo.Samples;
using Geo.Routing.Geometry;
using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.Cli.Tests.Sample;

/// <summary>The sample PBF must build into a street network where every mode is routable and every zone snaps.</summary>
[TestFixture]
public sealed class SampleStreetNetworkTests
{
    private StreetNetwork _network = null!;
    private List<(string Id, GeoPoint Point)> _zones = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _network = StreetNetwork.BuildFromPbf(SampleOutput.File(SampleGenerator.OsmFile));
        _zones = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(SampleGenerator.ZonesFile)))
            .Select(r => (r["zone_id"], new GeoPoint(double.Parse(r["lon"], CultureInfo.InvariantCulture), double.Parse(r["lat"], CultureInfo.InvariantCulture))))
            .ToList();
    }

    [Test]
    public void BuildFromPbf_RestrictionReadAndApplied()
    {
        Assert.That(_network.BuildReport.TurnRestrictionsRead, Is.EqualTo(1));
        Assert.That(_network.BuildReport.TurnRestrictionsApplied, Is.EqualTo(1));
    }

    [TestCase(TravelMode.Car)]
    [TestCase(TravelMode.Walk)]
    [TestCase(TravelMode.Cycle)]
    public void BuildFromPbf_EveryZoneSnapsAndReachesEveryOther(TravelMode mode)
    {
        var graph = _network.GetModeGraph(mode);
        Assert.That(graph.VertexCount, Is.GreaterThan(100), mode.ToString());
        var snapper = _network.CreateSnapper(mode, graph);
        var snaps = _zones.Select(z => (z.Id, Snap: snapper.Snap(z.Point, 1000))).ToList();
        foreach (var (id, snap) in snaps)
        {
            Assert.That(snap.IsOk, Is.True, $"{mode} {id}: {snap.Status}");
            Assert.That(snap.DistanceMetres, Is.LessThanOrEqualTo(1000), $"{mode} {id}");
        }
        // Plain Dijkstra from the first zone: every other zone must be reachable.
        var best = Dijkstra(graph, snaps[0].Snap.Outbound.Select(s => (s.Vertex, s.DurationMs)));
        foreach (var (id, snap) in snaps)
        {
            Assert.That(snap.Inbound.Any(s => best[s.Vertex] < long.MaxValue), Is.True, $"{mode}: {id} unreachable from {snaps[0].Id}");
        }
    }

    [Test]
    public void Car_HarrowbyToKingsford_PlausibleMinutes()
    {
        var graph = _network.GetModeGraph(TravelMode.Car);
        var snapper = _network.CreateSnapper(TravelMode.Car, graph);
        var from = snapper.Snap(_zones.First(z => z.Id == "S01000023").Point, 1000);
        var to = snapper.Snap(SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(SampleGenerator.SitesFile)))
            .Where(r => r["site_id"] == "H2")
            .Select(r => new GeoPoint(double.Parse(r["lon"], CultureInfo.InvariantCulture), double.Parse(r["lat"], CultureInfo.InvariantCulture)))
            .Single(), 1000);
        var best = Dijkstra(graph, from.Outbound.Select(s => (s.Vertex, s.DurationMs)));
        var minutes = to.Inbound.Where(s => best[s.Vertex] < long.MaxValue).Min(s => best[s.Vertex] + s.DurationMs) / 60_000.0;
        // About 12.5 km, mostly on national-speed-limit roads and the dual carriageway.
        Assert.That(minutes, Is.InRange(8.0, 25.0));
    }

    private static long[] Dijkstra(ModeGraph graph, IEnumerable<(int Vertex, int DurationMs)> seeds)
    {
        var best = new long[graph.VertexCount];
        Array.Fill(best, long.MaxValue);
        var queue = new PriorityQueue<int, long>();
        foreach (var (vertex, duration) in seeds)
        {
            if (duration < best[vertex])
            {
                best[vertex] = duration;
                queue.Enqueue(vertex, duration);
            }
        }
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > best[v])
            {
                continue;
            }
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                var t = graph.EdgeTarget[e];
                var nd = d + graph.EdgeDurationMs[e];
                if (nd < best[t])
                {
                    best[t] = nd;
                    queue.Enqueue(t, nd);
                }
            }
        }
        return best;
    }
}
