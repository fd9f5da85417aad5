using Geo.Core;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
public sealed class SpeedOverridesTests
{
    private static string Write(TempFolder folder, string text)
    {
        var path = folder.File("speeds.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void GetModeGraph_WayAndClassOverrides_WayWinsEmptyKeepsProfile()
    {
        var streets = TestStreets.FromAscii("a - - - b - - - c")
            .Way("ab", "highway=residential")
            .Way("bc", "highway=residential");
        var network = streets.Build();
        using var folder = new TempFolder();
        var overrides = SpeedOverrides.Load(Write(folder, $"""
            key,am_peak,inter_peak,pm_peak,off_peak
            highway=residential,10,,,
            {streets.WayId(1)},20,"30",,
            """));
        Assert.That(overrides.Count, Is.EqualTo(2));
        var am = network.GetModeGraph(TravelMode.Car, overrides, TimeBand.AmPeak);
        var off = network.GetModeGraph(TravelMode.Car, overrides, TimeBand.OffPeak);
        var plain = network.GetModeGraph(TravelMode.Car);
        for (var e = 0; e < am.EdgeCount; e++)
        {
            var way = network.OsmWayId(TravelMode.Car, e);
            var kmh = way == streets.WayId(1) ? 20 : 10;
            Assert.That(am.EdgeDurationMs[e], Is.EqualTo(Math.Round(am.EdgeLengthMm[e] * 3.6 / kmh)).Within(1));
            Assert.That(off.EdgeDurationMs[e], Is.EqualTo(plain.EdgeDurationMs[e]));
        }
        var inter = network.GetModeGraph(TravelMode.Car, overrides, TimeBand.InterPeak);
        var profileInter = network.GetModeGraph(TravelMode.Car, null, TimeBand.InterPeak);
        for (var e = 0; e < inter.EdgeCount; e++)
        {
            var expected = network.OsmWayId(TravelMode.Car, e) == streets.WayId(1)
                ? Math.Round(inter.EdgeLengthMm[e] * 3.6 / 30)
                : profileInter.EdgeDurationMs[e];
            Assert.That(inter.EdgeDurationMs[e], Is.EqualTo(expected).Within(1));
        }
        Assert.That(network.GetModeGraph(TravelMode.Walk, overrides, TimeBand.AmPeak).EdgeDurationMs,
            Is.EqualTo(network.GetModeGraph(TravelMode.Walk).EdgeDurationMs), "overrides are car speeds");
    }

    [Test]
    public void TryGetKmh_ClassRow_AppliesToEveryWayOfClass()
    {
        using var folder = new TempFolder();
        var overrides = SpeedOverrides.Load(Write(folder, "key,off_peak,note\nhighway=primary,55.5,survey 2024\n"));
        Assert.That(overrides.TryGetKmh(42, HighwayClass.Primary, TimeBand.OffPeak, out var kmh), Is.True);
        Assert.That(kmh, Is.EqualTo(55.5));
        Assert.That(overrides.TryGetKmh(42, HighwayClass.Secondary, TimeBand.OffPeak, out _), Is.False);
        Assert.That(overrides.TryGetKmh(42, HighwayClass.Primary, TimeBand.AmPeak, out _), Is.False);
    }

    [TestCase("key,am_peak\nabc,30\n", 2, "key")]
    [TestCase("key,am_peak\nhighway=primry,30\n", 2, "key")]
    [TestCase("key,am_peak\n123,30\n123,40\n", 3, "key")]
    [TestCase("key,am_peak\n123,-5\n", 2, "am_peak")]
    [TestCase("key,am_peak,pm_peak\n123,30,fast\n", 2, "pm_peak")]
    [TestCase("key,am_peek\n123,30\n", 1, "am_peek")]
    [TestCase("way,am_peak\n123,30\n", 1, "way")]
    [TestCase("", 1, null)]
    public void Load_BadRow_ThrowsNamingFileLineAndField(string text, int line, string? field)
    {
        using var folder = new TempFolder();
        var path = Write(folder, text);
        var ex = Assert.Throws<InputFileException>(() => SpeedOverrides.Load(path));
        Assert.That(ex!.File, Is.EqualTo(path));
        Assert.That(ex.Line, Is.EqualTo(line));
        Assert.That(ex.Field, Is.EqualTo(field));
    }

    [Test]
    public void Load_MissingFile_ThrowsInputFileException()
    {
        Assert.Throws<InputFileException>(() => SpeedOverrides.Load("/no/such/speeds.csv"));
    }
}
