using System.Diagnostics;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
[Category("Slow")]
public sealed class StreetNetworkIsleOfWightTests
{
    [Test]
    public void BuildFromPbf_IsleOfWight_AllModesHaveOverThousandVertices()
    {
        var network = IsleOfWight.Network;
        var report = network.BuildReport;
        TestContext.Out.WriteLine(report);
        foreach (var mode in TravelModes.All)
        {
            var graph = network.GetModeGraph(mode);
            Assert.That(graph.VertexCount, Is.GreaterThan(1000), mode.ToName());
            Assert.That(graph.EdgeCount, Is.GreaterThan(graph.VertexCount), mode.ToName());
            Assert.That(report.For(mode).Vertices, Is.EqualTo(graph.VertexCount));
        }
        Assert.That(report.RoutableWays, Is.GreaterThan(10_000));
        Assert.That(report.TurnRestrictionsApplied, Is.GreaterThan(0));
        Assert.That(report.TurnRestrictionsApplied + report.TurnRestrictionsSkipped, Is.EqualTo(report.TurnRestrictionsRead));
        Assert.That(network.SourceHash, Has.Length.EqualTo(64));
    }

    [TestCase(TravelMode.Car)]
    [TestCase(TravelMode.Walk)]
    public void Snap_IsleOfWightLsoaCentroids_AllWithinOneKilometre(TravelMode mode)
    {
        var network = IsleOfWight.Network;
        var graph = network.GetModeGraph(mode);
        var snapper = network.CreateSnapper(mode, graph);
        var worst = 0.0;
        foreach (var (code, _, _, point) in IsleOfWight.LsoaCentroids())
        {
            var result = snapper.Snap(point, 1000);
            Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok), code);
            Assert.That(result.Outbound, Is.Not.Empty, code);
            Assert.That(result.Inbound, Is.Not.Empty, code);
            worst = Math.Max(worst, result.DistanceMetres);
        }
        TestContext.Out.WriteLine($"{mode}: worst snap distance {worst:0.0} m");
    }

    /// <summary>Newport (St Mary's Hospital) to Ryde: about 10 km apart, a 15-25 minute drive; bounds are loose on purpose.</summary>
    [TestCase(TravelMode.Car, TimeBand.OffPeak, 12, 25)]
    [TestCase(TravelMode.Car, TimeBand.AmPeak, 15, 32)]
    [TestCase(TravelMode.Cycle, TimeBand.OffPeak, 35, 60)]
    [TestCase(TravelMode.Walk, TimeBand.OffPeak, 125, 180)]
    public void GetModeGraph_StMarysToRyde_PlausibleTravelTime(TravelMode mode, TimeBand band, double minMinutes, double maxMinutes)
    {
        var network = IsleOfWight.Network;
        var graph = network.GetModeGraph(mode, null, band);
        var snapper = network.CreateSnapper(mode, graph);
        var from = snapper.Snap(new Geo.Routing.Geometry.GeoPoint(-1.30171, 50.71024), 500);
        var to = snapper.Snap(new Geo.Routing.Geometry.GeoPoint(-1.1626, 50.7302), 500);
        var (duration, _) = TestDijkstra.Run(graph, from.Outbound.Select(s => (s.Vertex, (long)s.DurationMs, (long)s.LengthMm)));
        var best = to.Inbound.Where(s => duration[s.Vertex] != TestDijkstra.Unreached).Min(s => duration[s.Vertex] + s.DurationMs);
        TestContext.Out.WriteLine($"{mode} {band}: {best / 60000.0:0.0} min");
        Assert.That(best / 60000.0, Is.InRange(minMinutes, maxMinutes));
    }

    [Test]
    public void SaveLoad_IsleOfWight_RoundTripsAndLoadsQuickly()
    {
        var network = IsleOfWight.Network;
        using var folder = new TempFolder();
        var path = folder.File("iow.geonet");
        network.Save(path);
        var clock = Stopwatch.StartNew();
        var loaded = StreetNetwork.Load(path);
        TestContext.Out.WriteLine($"Loaded {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.That(loaded.SourceHash, Is.EqualTo(network.SourceHash));
        Assert.That(loaded.BuildReport, Is.EqualTo(network.BuildReport));
        foreach (var mode in TravelModes.All)
        {
            var a = network.GetModeGraph(mode, null, TimeBand.AmPeak);
            var b = loaded.GetModeGraph(mode, null, TimeBand.AmPeak);
            Assert.That(b.FirstEdge, Is.EqualTo(a.FirstEdge));
            Assert.That(b.EdgeTarget, Is.EqualTo(a.EdgeTarget));
            Assert.That(b.EdgeDurationMs, Is.EqualTo(a.EdgeDurationMs));
            Assert.That(b.EdgeLengthMm, Is.EqualTo(a.EdgeLengthMm));
            Assert.That(b.VertexLatE7, Is.EqualTo(a.VertexLatE7));
            Assert.That(b.VertexLonE7, Is.EqualTo(a.VertexLonE7));
        }
    }
}
