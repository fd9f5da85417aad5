using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Matrices;

[TestFixture]
public sealed class SameEdgeTravelTests
{
    /// <summary>
    /// A one-way street a→b (800 m) at the end of a two-way loop: points on it can go straight ahead, a point to
    /// itself is 0, and going backwards must take the network (round the loop).
    /// </summary>
    [Test]
    public void Compute_OneWaySegment_AheadIsDirectBehindGoesRound()
    {
        var streets = TestStreets.FromAscii("""
            a - - - b
            |       |
            d - - - c
            """).Way("ab", "highway=residential", "oneway=yes").Way("bcda", "highway=residential");
        var network = streets.Build();
        var behind = streets.Between('a', 'b', 0.25);
        var ahead = streets.Between('a', 'b', 0.75);
        var result = RoadMatrixComputer.Compute(network, TravelMode.Car, [behind, ahead], [behind, ahead]);
        var graph = network.GetModeGraph(TravelMode.Car);
        var edgeMs = graph.EdgeDurationMs[result.OriginSnaps[0].EdgeIndex];

        Assert.That(result.Matrix.DurationAt(0, 0), Is.Zero, "a point to itself");
        Assert.That(result.Matrix.DurationAt(1, 1), Is.Zero, "a point to itself");
        Assert.That(result.Matrix.DurationAt(0, 1), Is.EqualTo(edgeMs / 2).Within(1), "straight ahead along half the street");
        Assert.That(result.Matrix.DurationAt(1, 0), Is.GreaterThan(edgeMs), "backwards goes round the loop");
    }
}
