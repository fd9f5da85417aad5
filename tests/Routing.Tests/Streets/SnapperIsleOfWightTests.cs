using Geo.Routing.Geometry;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
[Category("Slow")]
public sealed class SnapperIsleOfWightTests
{
    /// <summary>Brute force: the nearest distance over every edge, in local metres around the point itself.</summary>
    private static double BruteForceMetres(ModeGraph graph, GeoPoint p)
    {
        var mLat = GeoPoint.EarthRadiusMetres * Math.PI / 180;
        var mLon = mLat * Math.Cos(p.Lat * Math.PI / 180);
        var best = double.PositiveInfinity;
        for (var v = 0; v < graph.VertexCount; v++)
        {
            var ax = ((graph.VertexLonE7[v] / 1e7) - p.Lon) * mLon;
            var ay = ((graph.VertexLatE7[v] / 1e7) - p.Lat) * mLat;
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                var w = graph.EdgeTarget[e];
                var bx = ((graph.VertexLonE7[w] / 1e7) - p.Lon) * mLon;
                var by = ((graph.VertexLatE7[w] / 1e7) - p.Lat) * mLat;
                double dx = bx - ax, dy = by - ay;
                var l2 = (dx * dx) + (dy * dy);
                var t = l2 > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / l2, 0, 1) : 0;
                var x = ax + (t * dx);
                var y = ay + (t * dy);
                best = Math.Min(best, Math.Sqrt((x * x) + (y * y)));
            }
        }
        return best;
    }

    [TestCase(TravelMode.Car)]
    [TestCase(TravelMode.Cycle)]
    public void Snap_RandomIslandPoints_MatchesBruteForceNearestEdge(TravelMode mode)
    {
        var network = IsleOfWight.Network;
        var graph = network.GetModeGraph(mode);
        var snapper = network.CreateSnapper(mode, graph);
        var random = new Random(20240601);
        for (var i = 0; i < 150; i++)
        {
            var p = new GeoPoint(-1.58 + (random.NextDouble() * 0.5), 50.58 + (random.NextDouble() * 0.18));
            var expected = BruteForceMetres(graph, p);
            var result = snapper.Snap(p, 1e7);
            Assert.That(result.Status, Is.EqualTo(SnapStatus.Ok));
            Assert.That(result.DistanceMetres, Is.EqualTo(expected).Within((expected * 0.0005) + 0.05), $"point {p}");
            Assert.That(GeoPoint.DistanceMetres(p, result.SnappedPoint), Is.EqualTo(result.DistanceMetres).Within((expected * 0.005) + 0.5));
        }
    }

    [Test]
    public void Snap_ParallelQueries_SameAsSequential()
    {
        var network = IsleOfWight.Network;
        var graph = network.GetModeGraph(TravelMode.Walk);
        var snapper = network.CreateSnapper(TravelMode.Walk, graph);
        var random = new Random(5);
        var points = Enumerable.Range(0, 5000).Select(_ => new GeoPoint(-1.58 + (random.NextDouble() * 0.5), 50.58 + (random.NextDouble() * 0.18))).ToArray();
        var sequential = points.Select(p => snapper.Snap(p, 2000)).ToArray();
        var parallel = new SnapResult[points.Length];
        Parallel.For(0, points.Length, i => parallel[i] = snapper.Snap(points[i], 2000));
        for (var i = 0; i < points.Length; i++)
        {
            Assert.That(parallel[i].Status, Is.EqualTo(sequential[i].Status));
            Assert.That(parallel[i].EdgeIndex, Is.EqualTo(sequential[i].EdgeIndex));
            Assert.That(parallel[i].Outbound, Is.EqualTo(sequential[i].Outbound));
            Assert.That(parallel[i].Inbound, Is.EqualTo(sequential[i].Inbound));
        }
    }
}
