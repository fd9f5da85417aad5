using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Routing.Tests.Geometry;

/// <summary>
/// Zone areas and points per zone on two squares worked out by hand. The reference areas are the exact WGS84 areas of
/// longitude/latitude cells: A = a²(1-e²)/2 · Δλ · [F(φ2) - F(φ1)], F(φ) = sinφ/(1-e²sin²φ) + ln((1+e sinφ)/(1-e sinφ))/(2e)
/// (a = 6378137 m, f = 1/298.257223563), computed apart from the code (Python, double precision):
/// square A lon -1.30..-1.20, lat 50.70..50.75 = 39.2753540571 km²; square B lon -1.20..-1.15, same latitudes = 19.6376770286 km²;
/// A with the hole lon -1.28..-1.26, lat 50.72..50.73 = 37.7043398452 km².
/// In degrees the squares would be 0.005 and 0.0025 "square degrees": no unit of area.
/// </summary>
[TestFixture]
public sealed class PolygonAreaTests
{
    internal static double[] Square(double lon1, double lat1, double lon2, double lat2, bool clockwise = false) => clockwise
        ? [lon1, lat1, lon1, lat2, lon2, lat2, lon2, lat1, lon1, lat1]
        : [lon1, lat1, lon2, lat1, lon2, lat2, lon1, lat2, lon1, lat1];

    internal static readonly double[] A = Square(-1.30, 50.70, -1.20, 50.75);
    internal static readonly double[] B = Square(-1.20, 50.70, -1.15, 50.75);
    internal static readonly double[] Hole = Square(-1.28, 50.72, -1.26, 50.73);

    private const double Tolerance = 1e-4; // relative: straight projected edges vs parallels, far below this

    [Test]
    public void Km2_TwoSquares_MatchTheEllipsoidalCellAreas()
    {
        Assert.That(PolygonArea.Km2([A]), Is.EqualTo(39.2753540571).Within(39.2753540571 * Tolerance));
        Assert.That(PolygonArea.Km2([B]), Is.EqualTo(19.6376770286).Within(19.6376770286 * Tolerance));
        Assert.That(PolygonArea.Km2([Square(-1.30, 50.70, -1.20, 50.75, clockwise: true)]), Is.EqualTo(PolygonArea.Km2([A])).Within(1e-9), "winding does not matter");
    }

    [Test]
    public void Km2_SquareWithHole_SubtractsTheHoleWhateverTheRingOrder()
    {
        Assert.That(PolygonArea.Km2([A, Hole]), Is.EqualTo(37.7043398452).Within(37.7043398452 * Tolerance));
        Assert.That(PolygonArea.Km2([Square(-1.28, 50.72, -1.26, 50.73, clockwise: true), A]), Is.EqualTo(37.7043398452).Within(37.7043398452 * Tolerance));
    }

    [Test]
    public void Km2_NoRings_IsZero() => Assert.That(PolygonArea.Km2([]), Is.Zero);

    [Test]
    public void Count_PointsInTwoSquares_CountedOnceAndOutsideApart()
    {
        (double, double)[] points =
        [
            (-1.25, 50.71),  // A
            (-1.21, 50.74),  // A
            (-1.27, 50.725), // in A's hole: outside
            (-1.17, 50.73),  // B
            (0.0, 51.5),     // far away: outside
        ];
        var counts = PointsInPolygons.Count([new[] { A, Hole }, new[] { B }, []], points, out var outside);
        Assert.That(counts, Is.EqualTo(new[] { 2, 1, 0 }));
        Assert.That(outside, Is.EqualTo(2));
    }
}
