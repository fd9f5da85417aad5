using Geo.Cli.Commands;
using Geo.Cli.Output;
using Geo.Pipeline;
using Geo.Core;
using Geo.Routing.Isochrones;
using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

[TestFixture]
public sealed class IsochroneCommandTests
{
    private const double MetresPerDegreeLat = 110_574.0;

    [Test]
    public void Polygon_StraightStreet_AreaOfBufferedLine()
    {
        // 1 km east-west street at 50.7°N, 50 m buffer: about 1000 × 100 + π × 50² m² ≈ 0.108 km².
        var degreesLon = 1000 / (111_320.0 * Math.Cos(50.7 * Math.PI / 180));
        var segments = new ReachedSegments(60_000, [-1.3, 50.7, -1.3 + degreesLon, 50.7]);
        var polygon = IsochroneGeoJsonWriter.Polygon(segments, -1.3, 50.7, 50);
        Assert.That(polygon.IsValid, Is.True);
        var areaKm2 = polygon.Area * MetresPerDegreeLat * 111_320.0 * Math.Cos(50.7 * Math.PI / 180) / 1e6;
        Assert.That(areaKm2, Is.EqualTo(0.108).Within(0.015));
        Assert.That(polygon.EnvelopeInternal.MinX, Is.EqualTo(-1.3).Within(0.001));
    }

    [Test]
    public void Polygon_MoreSegments_CoversSmallerPolygon()
    {
        var random = new Random(3);
        var all = new List<double>();
        for (var i = 0; i < 400; i++)
        {
            var lon = -1.3 + (random.NextDouble() * 0.05);
            var lat = 50.7 + (random.NextDouble() * 0.03);
            all.AddRange([lon, lat, lon + 0.001, lat + 0.0005]);
        }
        var small = IsochroneGeoJsonWriter.Polygon(new ReachedSegments(1, [.. all.Take(800)]), -1.3, 50.7, 40);
        var large = IsochroneGeoJsonWriter.Polygon(new ReachedSegments(2, [.. all]), -1.3, 50.7, 40);
        Assert.That(small.IsValid && large.IsValid, Is.True);
        Assert.That(large.Area, Is.GreaterThan(small.Area));
        // Simplification may move edges by up to half the buffer, so compare with a little slack.
        Assert.That(large.Buffer(0.0005).Covers(small), Is.True);
    }

    [Test]
    public void Polygon_NothingReached_Empty()
    {
        Assert.That(IsochroneGeoJsonWriter.Polygon(new ReachedSegments(1, []), 0, 0, 50).IsEmpty, Is.True);
    }

    [TestCase("-1.29,50.7", -1.29, 50.7)]
    [TestCase(" -1.5 , 51 ", -1.5, 51.0)]
    public void ParsePoint_LonLat_Parsed(string text, double lon, double lat)
    {
        var point = IsochroneCommand.ParsePoint(text);
        Assert.That(point.Lon, Is.EqualTo(lon));
        Assert.That(point.Lat, Is.EqualTo(lat));
    }

    [TestCase("50.7")]
    [TestCase("a,b")]
    [TestCase("-1.29,95")]
    public void ParsePoint_Bad_ThrowsUsage(string text)
    {
        Assert.That(() => IsochroneCommand.ParsePoint(text), Throws.TypeOf<UsageException>());
    }

    [Test]
    public void ParseMinutes_List_SortedDistinct()
    {
        Assert.That(IsochroneCommand.ParseMinutes("30, 10,20,10"), Is.EqualTo(new[] { 10.0, 20, 30 }));
        Assert.That(() => IsochroneCommand.ParseMinutes("10,-5"), Throws.TypeOf<UsageException>());
        Assert.That(() => IsochroneCommand.ParseMinutes(""), Throws.TypeOf<UsageException>());
    }
}
