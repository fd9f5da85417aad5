using System.Diagnostics;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.Routing.Tests.Matrices;

/// <summary>CH many-to-many against plain Dijkstra on the real Isle of Wight network, for every road mode.</summary>
[TestFixture]
[Category("Slow")]
public sealed class IsleOfWightMatrixTests
{
    private StreetNetwork? _network;

    internal static string SharedData(params string[] parts)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? TestContext.CurrentContext.TestDirectory;
        return Path.GetFullPath(Path.Combine([root, "..", "shared", "data", .. parts]));
    }

    [OneTimeSetUp]
    public void BuildNetwork()
    {
        var pbf = SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf");
        if (!File.Exists(pbf))
        {
            Assert.Ignore("Isle of Wight PBF not found: " + pbf);
        }
        var watch = Stopwatch.StartNew();
        _network = StreetNetwork.BuildFromPbf(pbf);
        TestContext.Progress.WriteLine($"network built in {watch.Elapsed.TotalSeconds:F1} s");
    }

    [TestCase(TravelMode.Car)]
    [TestCase(TravelMode.Walk)]
    [TestCase(TravelMode.Cycle)]
    public void Compute_RandomIslandPairs_EqualsDijkstraExactly(TravelMode mode)
    {
        var graph = _network!.GetModeGraph(mode);
        var watch = Stopwatch.StartNew();
        var ch = ContractionBuilder.Build(graph);
        TestContext.Progress.WriteLine(
            $"{mode}: {graph.VertexCount} vertices, {graph.EdgeCount} edges; CH {ch.EdgeCount} edges in {watch.Elapsed.TotalSeconds:F1} s");

        // 40 x 30 = 1,200 pairs of random points snapped onto the network (edge middles: two seeds each).
        var random = new Random(42 + (int)mode);
        var snapper = _network.CreateSnapper(mode, graph);
        var sources = new List<SnapSeed[]>();
        var targets = new List<SnapSeed[]>();
        while (sources.Count < 40 || targets.Count < 30)
        {
            var point = new GeoPoint(-1.55 + (random.NextDouble() * 0.45), 50.59 + (random.NextDouble() * 0.16));
            var snap = snapper.Snap(point, 500);
            if (!snap.IsOk)
            {
                continue;
            }
            if (sources.Count < 40)
            {
                sources.Add(snap.Outbound);
            }
            else
            {
                targets.Add(snap.Inbound);
            }
        }
        var request = new MatrixRequest { Sources = sources, Targets = targets };
        watch.Restart();
        var actual = new ManyToManyCh(ch).Compute(request);
        var chTime = watch.Elapsed;
        watch.Restart();
        var expected = DijkstraMatrix.Compute(graph, request);
        TestContext.Progress.WriteLine($"{mode}: CH matrix {chTime.TotalMilliseconds:F0} ms, Dijkstra {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs));
        Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm));
        var reached = expected.DurationMs.Count(d => d != TravelTime.Unreached);
        Assert.That(reached, Is.GreaterThan(expected.DurationMs.Length * 9 / 10), "most island pairs should be connected");
    }
    [Test]
    public void Build_CarOnOneThreadAndTwo_IdenticalHierarchy()
    {
        var graph = _network!.GetModeGraph(TravelMode.Car);
        var one = ContractionBuilder.Build(graph, new ContractionOptions { MaxDegreeOfParallelism = 1 });
        var two = ContractionBuilder.Build(graph, new ContractionOptions { MaxDegreeOfParallelism = 2 });
        Assert.That(two.Rank, Is.EqualTo(one.Rank));
        Assert.That(two.UpFirst, Is.EqualTo(one.UpFirst));
        Assert.That(two.UpTarget, Is.EqualTo(one.UpTarget));
        Assert.That(two.UpWeight, Is.EqualTo(one.UpWeight));
        Assert.That(two.DownFirst, Is.EqualTo(one.DownFirst));
        Assert.That(two.DownTarget, Is.EqualTo(one.DownTarget));
        Assert.That(two.DownWeight, Is.EqualTo(one.DownWeight));
    }

    [Test]
    public void RoadMatrixComputer_NeighboursOnSameStreet_DirectAlongStreet()
    {
        // Two points a few metres apart beside the same Newport street, plus one point in the sea.
        var graph = _network!.GetModeGraph(TravelMode.Walk);
        var snapper = _network.CreateSnapper(TravelMode.Walk, graph);
        var a = snapper.Snap(new GeoPoint(-1.2976, 50.7007), 100);
        Assert.That(a.IsOk, Is.True);
        var b = a.SnappedPoint with { Lon = a.SnappedPoint.Lon + 0.00001 };
        var result = RoadMatrixComputer.Compute(_network, TravelMode.Walk, [a.SnappedPoint, new GeoPoint(-1.30, 50.50)], [b, a.SnappedPoint],
            new RoadMatrixOptions { MaxSnapMetres = 200 });
        Assert.That(result.MinutesAt(0, 1), Is.Zero);
        Assert.That(result.MinutesAt(0, 0), Is.LessThan(0.2), "a metre or so along the street, not round the block");
        Assert.That(double.IsNaN(result.MinutesAt(1, 0)), Is.True);
        Assert.That(result.OriginSnaps[1].IsOk, Is.False);
        Assert.That(result.MinutesRowMajor()[2], Is.NaN);
    }
}
