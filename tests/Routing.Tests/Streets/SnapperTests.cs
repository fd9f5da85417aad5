using Geo.Routing.Geometry;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
public sealed class SnapperTests
{
    private const double MetresPerDegreeLat = GeoPoint.EarthRadiusMetres * Math.PI / 180;

    private static GeoPoint North(GeoPoint p, double metres) => p with { Lat = p.Lat + (metres / MetresPerDegreeLat) };

    private static (TestStreets Streets, StreetNetwork Network, ModeGraph Graph, Snapper Snapper) Road(params string[] tags)
    {
        var streets = TestStreets.FromAscii("a - - - b").Way("ab", tags);
        var network = streets.Build();
        var graph = network.GetModeGraph(TravelMode.Car);
        return (streets, network, graph, network.CreateSnapper(TravelMode.Car, graph));
    }

    [Test]
    public void Snap_QuarterAlongTwoWayEdge_TwoProportionalSeedsEachWay()
    {
        var (streets, network, graph, snapper) = Road("highway=residential");
        var a = network.FindVertices(TravelMode.Car, streets.NodeId('a')).Single();
        var b = network.FindVertices(TravelMode.Car, streets.NodeId('b')).Single();
        var onRoad = streets.Between('a', 'b', 0.25);
        var result = snapper.Snap(North(onRoad, 30), 100);

        Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok));
        Assert.That(result.DistanceMetres, Is.EqualTo(30).Within(0.1));
        Assert.That(GeoPoint.DistanceMetres(result.SnappedPoint, onRoad), Is.LessThan(0.1));
        Assert.That(result.Fraction, Is.EqualTo(0.25).Within(1e-4));
        var duration = graph.EdgeDurationMs[graph.FirstEdge[a]];
        var length = graph.EdgeLengthMm[graph.FirstEdge[a]];
        Assert.That(length, Is.EqualTo(800_000).Within(800));
        Assert.That(result.Outbound, Is.EquivalentTo(new[]
        {
            new SnapSeed(b, (int)Math.Round(duration * 0.75), (int)Math.Round(length * 0.75)),
            new SnapSeed(a, (int)Math.Round(duration * 0.25), (int)Math.Round(length * 0.25)),
        }).Using<SnapSeed>((x, y) => x.Vertex == y.Vertex && Math.Abs(x.DurationMs - y.DurationMs) <= 2 && Math.Abs(x.LengthMm - y.LengthMm) <= 100));
        Assert.That(result.Inbound, Is.EquivalentTo(new[]
        {
            new SnapSeed(a, (int)Math.Round(duration * 0.25), (int)Math.Round(length * 0.25)),
            new SnapSeed(b, (int)Math.Round(duration * 0.75), (int)Math.Round(length * 0.75)),
        }).Using<SnapSeed>((x, y) => x.Vertex == y.Vertex && Math.Abs(x.DurationMs - y.DurationMs) <= 2 && Math.Abs(x.LengthMm - y.LengthMm) <= 100));
        foreach (var seed in result.Outbound)
        {
            var mirror = result.Inbound.Single(s => s.Vertex == seed.Vertex);
            Assert.That(seed, Is.EqualTo(mirror), "same edge part both ways on a symmetric road");
        }
        Assert.That(result.EdgeIndex, Is.InRange(0, graph.EdgeCount - 1));
    }

    [Test]
    public void Snap_OnewayEdge_OneSeedEachWay()
    {
        var streets = TestStreets.FromAscii("""
            a - - - b
            |       |
            c - - - d
            """).Way("ab", "highway=residential", "oneway=yes").Way("bdca", "highway=residential");
        var network = streets.Build();
        var graph = network.GetModeGraph(TravelMode.Car);
        var snapper = network.CreateSnapper(TravelMode.Car, graph);
        var a = network.FindVertices(TravelMode.Car, streets.NodeId('a')).Single();
        var b = network.FindVertices(TravelMode.Car, streets.NodeId('b')).Single();
        var result = snapper.Snap(North(streets.Between('a', 'b', 0.5), 10), 50);
        Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok));
        Assert.That(result.Outbound.Select(s => s.Vertex), Is.EqualTo(new[] { b }));
        Assert.That(result.Inbound.Select(s => s.Vertex), Is.EqualTo(new[] { a }));
        Assert.That(result.Outbound[0].LengthMm, Is.EqualTo(400_000).Within(400));
        var walkGraph = network.GetModeGraph(TravelMode.Walk);
        var walk = network.CreateSnapper(TravelMode.Walk, walkGraph).Snap(North(streets.Between('a', 'b', 0.5), 10), 50);
        Assert.That(walk.Outbound, Has.Length.EqualTo(2));
    }

    [Test]
    public void Snap_BeyondEndOfRoad_SnapsToEndVertex()
    {
        var (streets, network, _, snapper) = Road("highway=residential");
        var b = network.FindVertices(TravelMode.Car, streets.NodeId('b')).Single();
        var beyond = streets.Between('a', 'b', 1.1); // 80 m past b along the road
        var result = snapper.Snap(beyond, 100);
        Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok));
        Assert.That(result.DistanceMetres, Is.EqualTo(80).Within(0.2));
        Assert.That(result.SnappedPoint.Lon, Is.EqualTo(streets.Point('b').Lon).Within(1e-7));
        Assert.That(result.Outbound.Single(s => s.Vertex == b).DurationMs, Is.Zero);
    }

    [Test]
    public void Snap_PointFartherThanLimit_TooFarWithoutSeeds()
    {
        var (streets, _, _, snapper) = Road("highway=residential");
        var result = snapper.Snap(North(streets.Between('a', 'b', 0.5), 2000), 500);
        Assert.That(result.Status, Is.EqualTo(SnapStatus.TooFar));
        Assert.That(result.Outbound, Is.Empty);
        Assert.That(result.Inbound, Is.Empty);
        Assert.That(result.EdgeIndex, Is.EqualTo(-1));
        Assert.That(result.DistanceMetres, Is.GreaterThan(500));
        var wide = snapper.Snap(North(streets.Between('a', 'b', 0.5), 2000), 5000);
        Assert.That(wide.Status, Is.EqualTo(SnapStatus.Ok));
        Assert.That(wide.DistanceMetres, Is.EqualTo(2000).Within(1));
    }

    [Test]
    public void Snap_FarAwayPoint_TooFarQuickly()
    {
        var (_, _, _, snapper) = Road("highway=residential");
        Assert.That(snapper.Snap(new GeoPoint(120, -40), 1000).Status, Is.EqualTo(SnapStatus.TooFar));
    }

    [TestCase(double.NaN, 51.5)]
    [TestCase(-1.3, double.NaN)]
    [TestCase(-1.3, 91)]
    [TestCase(181, 51.5)]
    [TestCase(double.PositiveInfinity, 51.5)]
    public void Snap_InvalidCoordinate_InvalidCoordinateStatus(double lon, double lat)
    {
        var (_, _, _, snapper) = Road("highway=residential");
        var result = snapper.Snap(new GeoPoint(lon, lat), 1000);
        Assert.That(result.Status, Is.EqualTo(SnapStatus.InvalidCoordinate));
        Assert.That(result.Outbound, Is.Empty);
    }

    //     n - - - g      w-x 400 m, x-n 200 m, n-g 800 m, g-e 200 m, x-e 800 m; no left turn from w-x into x-n.
    //     |       |      The point P is on x-n, 100 m from both.
    // w - x - - - e
    private static (TestStreets Streets, StreetNetwork Network) RestrictedJunction()
    {
        var streets = TestStreets.FromAscii("""
                n - - - g
                |       |
            w - x - - - e
            """)
            .Way("wx", "highway=residential")
            .Way("xn", "highway=residential")
            .Way("xe", "highway=residential")
            .Way("nge", "highway=residential")
            .Restriction("no_left_turn", 0, 'x', 1);
        return (streets, streets.Build());
    }

    private static double BestMetres(ModeGraph graph, IEnumerable<(int Vertex, long DurationMs, long LengthMm)> sources, IEnumerable<SnapSeed> targets)
    {
        var (duration, length) = TestDijkstra.Run(graph, sources);
        var best = (Duration: long.MaxValue, Length: 0L);
        foreach (var t in targets)
        {
            if (duration[t.Vertex] != TestDijkstra.Unreached && duration[t.Vertex] + t.DurationMs < best.Duration)
            {
                best = (duration[t.Vertex] + t.DurationMs, length[t.Vertex] + t.LengthMm);
            }
        }
        return best.Length / 1000.0;
    }

    [Test]
    public void Snap_DestinationNextToRestrictedJunction_InboundSeedsRespectTurnBan()
    {
        var (streets, network) = RestrictedJunction();
        var graph = network.GetModeGraph(TravelMode.Car);
        var point = network.CreateSnapper(TravelMode.Car, graph).Snap(streets.Between('x', 'n', 0.5), 10);
        Assert.That(point.Status, Is.EqualTo(SnapStatus.Ok));
        var sources = network.FindVertices(TravelMode.Car, streets.NodeId('w')).Select(v => (v, 0L, 0L));
        // Turning left at x is banned: w -> x -> e, U-turn at e (allowed at any node), e -> x, right into x-n, 100 m to P.
        // Without the ban it would be 500 m; a seed on the wrong copy of x would give 2,300 m or nothing.
        Assert.That(BestMetres(graph, sources, point.Inbound), Is.EqualTo(2100).Within(1));
    }

    [Test]
    public void Snap_OriginNextToRestrictedJunction_OutboundSeedsReachTheJunctionCopy()
    {
        var (streets, network) = RestrictedJunction();
        var graph = network.GetModeGraph(TravelMode.Car);
        var point = network.CreateSnapper(TravelMode.Car, graph).Snap(streets.Between('x', 'n', 0.5), 10);
        var sources = point.Outbound.Select(s => (s.Vertex, (long)s.DurationMs, (long)s.LengthMm));
        var targets = network.FindVertices(TravelMode.Car, streets.NodeId('w')).Select(v => new SnapSeed(v, 0, 0));
        // P -> x -> w (turning right from x-n into x-w is allowed).
        Assert.That(BestMetres(graph, sources, targets), Is.EqualTo(500).Within(1));
    }

    [Test]
    public void CreateSnapper_SameGraphTwice_ReturnsCachedSnapper()
    {
        var (_, network, graph, snapper) = Road("highway=residential");
        Assert.That(network.CreateSnapper(TravelMode.Car, graph), Is.SameAs(snapper));
    }

    [Test]
    public void Snap_ModeWithoutEdges_TooFar()
    {
        var streets = TestStreets.FromAscii("a - b - c").Way("abc", "highway=footway");
        var network = streets.Build();
        var car = network.GetModeGraph(TravelMode.Car);
        Assert.That(car.VertexCount, Is.Zero);
        var result = network.CreateSnapper(TravelMode.Car, car).Snap(streets.Point('b'), 1000);
        Assert.That(result.Status, Is.EqualTo(SnapStatus.TooFar));
        Assert.That(network.CreateSnapper(TravelMode.Walk, network.GetModeGraph(TravelMode.Walk)).Snap(streets.Point('b'), 1000).Status, Is.EqualTo(SnapStatus.Ok));
    }

    [Test]
    public void Snap_EnglandSizedNetwork_EastWestDistanceUsesLocalScale()
    {
        // A 6-degree tall box of roads (lat 50..56): one projection for all would be 13% out east-west at the edges.
        using var folder = new TempFolder();
        var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        OsmSharp.Node N(long id, double lat, double lon) => new() { Id = id, Latitude = lat, Longitude = lon, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "geo", Visible = true, Tags = new OsmSharp.Tags.TagsCollection() };
        var path = folder.File("england.osm.pbf");
        TestStreets.WriteObjects(path,
        [
            N(1, 50, -3), N(2, 50, 0), N(3, 56, 0), N(4, 56, -3),
            new OsmSharp.Way { Id = 10, Nodes = [1, 2, 3, 4, 1], Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "geo", Visible = true, Tags = new OsmSharp.Tags.TagsCollection(new OsmSharp.Tags.Tag("highway", "primary")) },
        ]);
        var network = StreetNetwork.BuildFromPbf(path);
        var snapper = network.CreateSnapper(TravelMode.Car, network.GetModeGraph(TravelMode.Car));
        foreach (var lat in new[] { 50.5, 53.0, 55.5 })
        {
            var metresPerDegreeLon = MetresPerDegreeLat * Math.Cos(lat * Math.PI / 180);
            var point = new GeoPoint(-3 + (500 / metresPerDegreeLon), lat); // 500 m east of the western road
            var result = snapper.Snap(point, 1000);
            Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok));
            Assert.That(result.DistanceMetres, Is.EqualTo(500).Within(0.5), $"lat {lat}");
            Assert.That(GeoPoint.DistanceMetres(point, result.SnappedPoint), Is.EqualTo(500).Within(0.5));
        }
    }

    [Test]
    public void CreateSnapper_GraphOfAnotherMode_Throws()
    {
        var streets = TestStreets.FromAscii("a - b - c").Way("ab", "highway=residential").Way("bc", "highway=footway");
        var network = streets.Build();
        Assert.Throws<ArgumentException>(() => network.CreateSnapper(TravelMode.Car, network.GetModeGraph(TravelMode.Walk)));
    }
}
