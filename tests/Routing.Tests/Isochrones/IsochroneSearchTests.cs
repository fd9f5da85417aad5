using Geo.Routing.Geometry;
using Geo.Routing.Isochrones;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Matrices;
using NUnit.Framework;

namespace Geo.Routing.Tests.Isochrones;

[TestFixture]
public sealed class IsochroneSearchTests
{
    // 0 —60 s— 1 —60 s— 2, two-way, along a parallel 0.01° of longitude apart; 3 is isolated.
    private static ModeGraph Line()
    {
        var first = new[] { 0, 1, 3, 4, 4 };
        int[] target = [1, 0, 2, 1];
        int[] duration = [60_000, 60_000, 60_000, 60_000];
        int[] length = [700_000, 700_000, 700_000, 700_000];
        int[] lat = [507_000_000, 507_000_000, 507_000_000, 508_000_000];
        int[] lon = [-13_000_000, -12_900_000, -12_800_000, -12_800_000];
        return new ModeGraph(first, target, duration, length, lat, lon);
    }

    [Test]
    public void Run_PartlyReachedEdge_CutAtReachedFraction()
    {
        var graph = Line();
        var origin = new GeoPoint(-1.3, 50.7);
        var result = IsochroneSearch.Run(graph, origin, [new SnapSeed(0, 0, 0)], [90_000]);
        var c = result[0].Coordinates;
        // Zero-length seed piece, 0→1 whole (1→0 is the same street, drawn once), 1→2 half.
        Assert.That(result[0].Count, Is.EqualTo(3));
        Assert.That(c[4..8], Is.EqualTo(new[] { -1.3, 50.7, -1.29, 50.7 }).Within(1e-9));
        Assert.That(c[8..12], Is.EqualTo(new[] { -1.29, 50.7, -1.285, 50.7 }).Within(1e-9));
    }

    [Test]
    public void Run_SeedInEdgeMiddle_DrawsPieceFromSnappedPoint()
    {
        var graph = Line();
        var snapped = new GeoPoint(-1.295, 50.7);
        var result = IsochroneSearch.Run(graph, snapped, [new SnapSeed(1, 30_000, 350_000), new SnapSeed(0, 30_000, 350_000)], [15_000, 200_000]);
        Assert.That(result[0].Coordinates, Is.EqualTo(new[] { -1.295, 50.7, -1.2925, 50.7, -1.295, 50.7, -1.2975, 50.7 }).Within(1e-9));
        Assert.That(result[1].ThresholdMs, Is.EqualTo(200_000));
        // Everything reachable: both seed pieces plus the two streets, never the isolated vertex.
        Assert.That(result[1].Count, Is.EqualTo(4));
        Assert.That(result[1].Coordinates.Where((_, i) => i % 2 == 1), Is.All.EqualTo(50.7).Within(1e-9));
    }

    [Test]
    public void Run_LargerThreshold_ReachesSupersetOnGrid()
    {
        var graph = TestGraphs.Grid(30, 30, 1);
        var result = IsochroneSearch.Run(graph, new GeoPoint(-1.29, 50.62), [new SnapSeed(465, 0, 0)], [60_000, 120_000]);
        Assert.That(result[1].Count, Is.GreaterThan(result[0].Count));
        Assert.That(result[0].Count, Is.GreaterThan(4));
    }

    [Test]
    public void Run_NoThresholds_Throws()
    {
        Assert.That(() => IsochroneSearch.Run(Line(), default, [new SnapSeed(0, 0, 0)], []), Throws.ArgumentException);
    }
}
