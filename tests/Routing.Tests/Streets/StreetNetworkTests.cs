using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

/// <summary>Known-answer tests on drawn networks: one character cell = 100 m.</summary>
[TestFixture]
public sealed class StreetNetworkTests
{
    // a - - - b      a-b 800 m, a-c and b-d 200 m, c-d 800 m.
    // |       |
    // c - - - d
    private const string Square = """
        a - - - b
        |       |
        c - - - d
        """;

    /// <summary>Length in metres of the quickest path between two named nodes, or +infinity when unreachable.</summary>
    private static double Metres(TestStreets streets, StreetNetwork network, TravelMode mode, char from, char to)
    {
        var graph = network.GetModeGraph(mode);
        var (duration, length) = TestDijkstra.Between(network, mode, graph, streets.NodeId(from), streets.NodeId(to));
        return duration == TestDijkstra.Unreached ? double.PositiveInfinity : length / 1000.0;
    }

    private static TestStreets SquareWith(params string[] abTags) =>
        TestStreets.FromAscii(Square).Way("ab", abTags).Way("bdca", "highway=residential");

    [Test]
    public void GetModeGraph_OnewayYes_CarGoesAroundAgainstFlowButWalksStraight()
    {
        var streets = SquareWith("highway=residential", "oneway=yes");
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'a', 'b'), Is.EqualTo(800).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'b', 'a'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Cycle, 'b', 'a'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Walk, 'b', 'a'), Is.EqualTo(800).Within(1));
    }

    [Test]
    public void GetModeGraph_OnewayMinusOne_CarOnlyAgainstNodeOrder()
    {
        var streets = SquareWith("highway=residential", "oneway=-1");
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'a', 'b'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'b', 'a'), Is.EqualTo(800).Within(1));
    }

    [Test]
    public void GetModeGraph_OnewayBicycleNo_CyclesBothWaysCarsOneWay()
    {
        var streets = SquareWith("highway=residential", "oneway=yes", "oneway:bicycle=no");
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'b', 'a'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Cycle, 'b', 'a'), Is.EqualTo(800).Within(1));
    }

    [Test]
    public void GetModeGraph_Roundabout_ImpliedOnewayAlongNodeOrder()
    {
        var streets = TestStreets.FromAscii(Square).Way("abdca", "highway=primary", "junction=roundabout");
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'a', 'b'), Is.EqualTo(800).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'b', 'a'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Walk, 'b', 'a'), Is.EqualTo(800).Within(1));
    }

    [Test]
    public void GetModeGraph_MotorwayWithoutOnewayTag_ImpliedOneway()
    {
        var streets = TestStreets.FromAscii(Square).Way("ab", "highway=motorway").Way("bdca", "highway=primary");
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'b', 'a'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'a', 'b'), Is.EqualTo(800).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Walk, 'a', 'b'), Is.EqualTo(1200).Within(1), "no walking on motorways");
    }

    [TestCase("access=private", 1200, 1200, 1200)]
    [TestCase("access=no", 1200, 1200, 1200)]
    [TestCase("access=destination", 800, 800, 800)]
    [TestCase("access=permissive", 800, 800, 800)]
    [TestCase("foot=no", 800, 1200, 800)]
    [TestCase("bicycle=no", 800, 800, 1200)]
    [TestCase("motor_vehicle=no", 1200, 800, 800)]
    [TestCase("access=no;foot=yes", 1200, 800, 1200)]
    public void GetModeGraph_AccessTags_ForbidOrAllowByMode(string tags, double carMetres, double walkMetres, double cycleMetres)
    {
        var streets = SquareWith(["highway=residential", .. tags.Split(';')]);
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'a', 'b'), Is.EqualTo(carMetres).Within(1), "car");
        Assert.That(Metres(streets, network, TravelMode.Walk, 'a', 'b'), Is.EqualTo(walkMetres).Within(1), "walk");
        Assert.That(Metres(streets, network, TravelMode.Cycle, 'a', 'b'), Is.EqualTo(cycleMetres).Within(1), "cycle");
    }

    //     n - - - g      w-x 400 m, x-n 200 m, n-g 800 m, g-e 200 m, x-e 800 m.
    //     |       |      Driving east from w, a left turn at x goes north to n.
    // w - x - - - e
    private const string Junction = """
            n - - - g
            |       |
        w - x - - - e
        """;

    private static TestStreets JunctionStreets() => TestStreets.FromAscii(Junction)
        .Way("wx", "highway=residential")   // 0
        .Way("xn", "highway=residential")   // 1
        .Way("xe", "highway=residential")   // 2
        .Way("nge", "highway=residential"); // 3

    [Test]
    public void GetModeGraph_NoLeftTurn_CarDetoursWalkDoesNot()
    {
        var free = JunctionStreets().Build();
        var restricted = JunctionStreets().Restriction("no_left_turn", 0, 'x', 1);
        var network = restricted.Build();
        Assert.That(Metres(restricted, free, TravelMode.Car, 'w', 'n'), Is.EqualTo(600).Within(1));
        Assert.That(Metres(restricted, network, TravelMode.Car, 'w', 'n'), Is.EqualTo(2200).Within(1));
        Assert.That(Metres(restricted, network, TravelMode.Car, 'w', 'e'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(restricted, network, TravelMode.Car, 'n', 'w'), Is.EqualTo(600).Within(1), "the opposite turn is allowed");
        Assert.That(Metres(restricted, network, TravelMode.Walk, 'w', 'n'), Is.EqualTo(600).Within(1));
        Assert.That(network.BuildReport.TurnRestrictionsRead, Is.EqualTo(1));
        Assert.That(network.BuildReport.TurnRestrictionsApplied, Is.EqualTo(1));
    }

    [Test]
    public void GetModeGraph_OnlyStraightOn_ForbidsEveryOtherTurnFromThatWay()
    {
        var streets = JunctionStreets().Restriction("only_straight_on", 0, 'x', 2);
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'w', 'e'), Is.EqualTo(1200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'w', 'n'), Is.EqualTo(2200).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'n', 'w'), Is.EqualTo(600).Within(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'e', 'n'), Is.EqualTo(1000).Within(1));
    }

    [Test]
    public void BuildFromPbf_RestrictionOnUnknownWay_CountedAsSkipped()
    {
        var streets = JunctionStreets().Way("nx", "highway=footway").Restriction("no_left_turn", 0, 'x', 4);
        var network = streets.Build();
        Assert.That(network.BuildReport.TurnRestrictionsApplied, Is.EqualTo(0));
        Assert.That(network.BuildReport.TurnRestrictionsSkipped, Is.EqualTo(1));
        Assert.That(Metres(streets, network, TravelMode.Car, 'w', 'n'), Is.EqualTo(600).Within(1));
    }

    [Test]
    public void GetModeGraph_NoUTurnOnSameWay_StraightOnStillAllowed()
    {
        // w - x - e (800 m) on one way; no_u_turn at x must not stop driving straight through x.
        var streets = TestStreets.FromAscii("""
            w - x - e
                |
                s
            """).Way("wxe", "highway=residential").Way("xs", "highway=residential").Restriction("no_u_turn", 0, 'x', 0);
        var network = streets.Build();
        Assert.That(Metres(streets, network, TravelMode.Car, 'w', 'e'), Is.EqualTo(800).Within(1));
        Assert.That(network.BuildReport.TurnRestrictionsApplied, Is.EqualTo(1));
    }

    [Test]
    public void BuildFromPbf_DisconnectedIslandAndDeadEndOneway_PrunedAndCounted()
    {
        var streets = TestStreets.FromAscii("""
            a - - - b       y - z
            |       |
            c - - - d - e
            """)
            .Way("abdca", "highway=residential")
            .Way("yz", "highway=residential")
            .Way("de", "highway=residential", "oneway=yes");
        var network = streets.Build();
        var car = network.BuildReport.Car;
        Assert.That(car.Vertices, Is.EqualTo(4));
        Assert.That(car.Edges, Is.EqualTo(8));
        Assert.That(car.VerticesDroppedByPruning, Is.EqualTo(3)); // y, z, e
        Assert.That(car.EdgesDroppedByPruning, Is.EqualTo(3));    // y->z, z->y, d->e
        var walk = network.BuildReport.Walk;
        Assert.That(walk.Vertices, Is.EqualTo(5));
        Assert.That(walk.VerticesDroppedByPruning, Is.EqualTo(2));
        Assert.That(walk.EdgesDroppedByPruning, Is.EqualTo(2));
        Assert.That(network.FindVertices(TravelMode.Car, streets.NodeId('y')), Is.Empty);
        Assert.That(network.GetModeGraph(TravelMode.Car).VertexCount, Is.EqualTo(4));
    }

    [Test]
    public void GetModeGraph_Residential_DurationIsLengthOverProfileSpeed()
    {
        var streets = TestStreets.FromAscii("a - - - b").Way("ab", "highway=residential");
        var network = streets.Build();
        var residential = StreetProfiles.Default.Get(HighwayClass.Residential)!;
        var carKmh = residential.CarSpeedKmh * residential.CarRealismFactor;
        var car = network.GetModeGraph(TravelMode.Car);
        Assert.That(car.EdgeCount, Is.EqualTo(2));
        Assert.That(car.EdgeLengthMm[0] / 1000.0, Is.EqualTo(800).Within(0.5));
        Assert.That(car.EdgeDurationMs[0], Is.EqualTo(Math.Round(car.EdgeLengthMm[0] * 3.6 / carKmh)).Within(1));
        var walk = network.GetModeGraph(TravelMode.Walk);
        Assert.That(walk.EdgeDurationMs[0], Is.EqualTo(Math.Round(walk.EdgeLengthMm[0] * 3.6 / 4.8)).Within(1));
        var cycle = network.GetModeGraph(TravelMode.Cycle);
        Assert.That(cycle.EdgeDurationMs[0], Is.EqualTo(Math.Round(cycle.EdgeLengthMm[0] * 3.6 / 16)).Within(1));
        var am = network.GetModeGraph(TravelMode.Car, null, TimeBand.AmPeak);
        var factor = StreetProfiles.Default.CarBandFactor(TimeBand.AmPeak, HighwayClass.Residential);
        Assert.That(am.EdgeDurationMs[0], Is.EqualTo(Math.Round(car.EdgeLengthMm[0] * 3.6 / (carKmh * factor))).Within(1));
        Assert.That(network.GetModeGraph(TravelMode.Walk, null, TimeBand.AmPeak).EdgeDurationMs, Is.EqualTo(walk.EdgeDurationMs));
    }

    [Test]
    public void DurationMs_ZeroLength_AtLeastOneMillisecond()
    {
        Assert.That(StreetNetwork.DurationMs(0, 50), Is.EqualTo(1));
        Assert.That(StreetNetwork.DurationMs(1000, 3.6), Is.EqualTo(1000));
    }

    [Test]
    public void GetModeGraph_SameArguments_ReturnsCachedInstance()
    {
        var network = TestStreets.FromAscii(Square).Way("abdca", "highway=residential").Build();
        var first = network.GetModeGraph(TravelMode.Car, null, TimeBand.PmPeak);
        var second = network.GetModeGraph(TravelMode.Car, null, TimeBand.PmPeak);
        Assert.That(second, Is.SameAs(first));
        Assert.That(network.GetModeGraph(TravelMode.Car, null, TimeBand.AmPeak), Is.Not.SameAs(first));
    }

    [Test]
    public void RoadLines_TwoWays_OneLinePerWayWithHighwayClass()
    {
        var streets = TestStreets.FromAscii(Square).Way("ab", "highway=primary").Way("bdca", "highway=residential");
        var lines = streets.Build().RoadLines().ToList();
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines.Select(l => l.Highway), Is.EquivalentTo(new[] { "primary", "residential" }));
        Assert.That(lines.Single(l => l.Highway == "residential").Line, Has.Length.EqualTo(4));
        Assert.That(lines.Single(l => l.Highway == "primary").Line[0], Is.EqualTo(streets.Point('a')));
    }

    [Test]
    public void BuildFromPbf_SameInput_Deterministic()
    {
        var streets = JunctionStreets().Restriction("no_left_turn", 0, 'x', 1);
        var a = streets.Build();
        var b = streets.Build();
        foreach (var mode in TravelModes.All)
        {
            Assert.That(b.GetModeGraph(mode).EdgeTarget, Is.EqualTo(a.GetModeGraph(mode).EdgeTarget));
            Assert.That(b.GetModeGraph(mode).VertexLatE7, Is.EqualTo(a.GetModeGraph(mode).VertexLatE7));
        }
        Assert.That(b.SourceHash, Is.EqualTo(a.SourceHash));
    }
}
