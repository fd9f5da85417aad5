using Geo.Routing.Geometry;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Geometry;

[TestFixture]
public sealed class BritishNationalGridTests
{
    [Test]
    public void ToWgs84_IsleOfWightLsoaCentroids_WithinFiveMetresOfPublishedLonLat()
    {
        var rows = IsleOfWight.LsoaCentroids();
        Assert.That(rows, Has.Count.EqualTo(89));
        var worst = 0.0;
        foreach (var (code, easting, northing, point) in rows)
        {
            var converted = BritishNationalGrid.ToWgs84(easting, northing);
            var error = GeoPoint.DistanceMetres(converted, point);
            worst = Math.Max(worst, error);
            Assert.That(error, Is.LessThan(5.0), code);
        }
        TestContext.Out.WriteLine($"Worst BNG -> WGS84 difference: {worst:0.00} m");
    }
}
