using Geo.Core;
using Geo.Routing.Osm;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Profiles;

[TestFixture]
public sealed class StreetProfilesTests
{
    private static WayProfile Evaluate(params string[] tags) =>
        StreetProfiles.Default.Evaluate(new OsmTagSet(tags.Select(t => new KeyValuePair<string, string>(t[..t.IndexOf('=', StringComparison.Ordinal)], t[(t.IndexOf('=', StringComparison.Ordinal) + 1)..]))));

    // Expected: car forward, car backward, walk, cycle forward, cycle backward.
    [TestCase(true, true, true, true, true, "highway=residential")]
    [TestCase(true, false, true, true, false, "highway=residential", "oneway=yes")]
    [TestCase(true, false, true, true, false, "highway=residential", "oneway=true")]
    [TestCase(true, false, true, true, false, "highway=residential", "oneway=1")]
    [TestCase(false, true, true, false, true, "highway=residential", "oneway=-1")]
    [TestCase(false, false, true, false, false, "highway=residential", "oneway=reversible")]
    [TestCase(true, false, true, true, false, "highway=primary", "junction=roundabout")]
    [TestCase(true, true, true, true, true, "highway=primary", "junction=roundabout", "oneway=no")]
    [TestCase(true, false, false, false, false, "highway=motorway")]
    [TestCase(true, false, false, false, false, "highway=motorway_link")]
    [TestCase(true, true, false, false, false, "highway=motorway", "oneway=no")]
    [TestCase(true, false, true, true, true, "highway=residential", "oneway=yes", "oneway:bicycle=no")]
    [TestCase(true, false, true, true, true, "highway=residential", "oneway=yes", "cycleway=opposite_lane")]
    [TestCase(false, false, false, false, false, "highway=residential", "access=private")]
    [TestCase(false, false, false, false, false, "highway=residential", "access=no")]
    [TestCase(true, true, true, true, true, "highway=residential", "access=destination")]
    [TestCase(true, true, true, true, true, "highway=residential", "access=permissive")]
    [TestCase(false, false, true, false, false, "highway=residential", "access=no", "foot=yes")]
    [TestCase(false, false, true, true, true, "highway=residential", "motor_vehicle=no")]
    [TestCase(true, true, true, true, true, "highway=residential", "motor_vehicle=private", "motorcar=designated")]
    [TestCase(false, false, true, false, false, "highway=residential", "vehicle=no")]
    [TestCase(true, true, false, true, true, "highway=primary", "foot=no")]
    [TestCase(true, true, true, false, false, "highway=primary", "bicycle=no")]
    [TestCase(false, false, true, false, false, "highway=footway")]
    [TestCase(false, false, true, true, true, "highway=footway", "bicycle=yes")]
    [TestCase(false, false, true, true, true, "highway=footway", "bicycle=designated")]
    [TestCase(false, false, true, false, false, "highway=steps")]
    [TestCase(false, false, true, true, true, "highway=cycleway")]
    [TestCase(false, false, true, true, true, "highway=bridleway")]
    [TestCase(false, false, true, true, true, "highway=track")]
    [TestCase(true, true, true, true, true, "highway=track", "motor_vehicle=yes")]
    [TestCase(false, false, false, false, false, "highway=proposed")]
    [TestCase(false, false, false, false, false, "building=yes")]
    public void Evaluate_Tags_GivesModeDirections(bool carForward, bool carBackward, bool walk, bool cycleForward, bool cycleBackward, params string[] tags)
    {
        var p = Evaluate(tags);
        Assert.That(
            (p.CarForward, p.CarBackward, p.WalkForward, p.WalkBackward, p.CycleForward, p.CycleBackward),
            Is.EqualTo((carForward, carBackward, walk, walk, cycleForward, cycleBackward)));
    }

    [Test]
    public void Evaluate_MaxspeedTag_ScalesPostedSpeedByRealismFactor()
    {
        var defaults = StreetProfiles.Default.Get(HighwayClass.Residential)!;
        Assert.That(Evaluate("highway=residential", "maxspeed=20 mph").CarSpeedKmh,
            Is.EqualTo(20 * MaxSpeedParser.KmPerMile * defaults.CarRealismFactor).Within(1e-9));
        Assert.That(Evaluate("highway=residential").CarSpeedKmh, Is.EqualTo(defaults.CarSpeedKmh * defaults.CarRealismFactor).Within(1e-9));
        Assert.That(Evaluate("highway=residential", "maxspeed=signals").CarSpeedKmh, Is.EqualTo(defaults.CarSpeedKmh * defaults.CarRealismFactor).Within(1e-9));
        var primary = StreetProfiles.Default.Get(HighwayClass.Primary)!;
        Assert.That(Evaluate("highway=primary", "maxspeed=national").CarSpeedKmh, Is.EqualTo(60 * MaxSpeedParser.KmPerMile * primary.CarRealismFactor).Within(1e-9));
        Assert.That(Evaluate("highway=primary", "maxspeed=national", "dual_carriageway=yes").CarSpeedKmh,
            Is.EqualTo(70 * MaxSpeedParser.KmPerMile * primary.CarRealismFactor).Within(1e-9));
    }

    [Test]
    public void Default_EmbeddedFile_HasUkSpeedsAndDocumentedBands()
    {
        var p = StreetProfiles.Default;
        Assert.That(p.WalkSpeedKmh, Is.EqualTo(4.8));
        Assert.That(p.CycleSpeedKmh, Is.EqualTo(16));
        Assert.That(p.Get(HighwayClass.Motorway)!.CarSpeedKmh, Is.EqualTo(70 * MaxSpeedParser.KmPerMile).Within(0.01));
        Assert.That(p.Get(HighwayClass.Residential)!.CarSpeedKmh, Is.EqualTo(30 * MaxSpeedParser.KmPerMile).Within(0.01));
        Assert.That(p.CarBandFactor(TimeBand.OffPeak, HighwayClass.Primary), Is.EqualTo(1.0));
        Assert.That(p.CarBandFactor(TimeBand.AmPeak, HighwayClass.Primary), Is.LessThan(1.0));
        foreach (var name in HighwayClasses.AllNames)
        {
            Assert.That(HighwayClasses.TryParse(name, out var highway), Is.True);
            Assert.That(p.Get(highway), Is.Not.Null, name);
        }
        Assert.That(StreetProfiles.DefaultJson, Does.Contain("gov.uk/speed-limits"));
    }

    [Test]
    public void Load_EditedCopy_UsesNewSpeeds()
    {
        using var folder = new TempFolder();
        var path = folder.File("profiles.json");
        File.WriteAllText(path, StreetProfiles.DefaultJson.Replace("\"walk\": { \"speedKmh\": 4.8 }", "\"walk\": { \"speedKmh\": 6.0 }", StringComparison.Ordinal));
        var profiles = StreetProfiles.Load(path);
        Assert.That(profiles.WalkSpeedKmh, Is.EqualTo(6.0));
        Assert.That(profiles.Get(HighwayClass.Residential)!.WalkSpeedKmh, Is.EqualTo(6.0));
    }

    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residental\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "highways.residental")]
    [TestCase("{\"walk\":{\"speedKmh\":0},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "walk.speedKmh")]
    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48,\"carSpeed\":3}}}", "highways.residential.carSpeed")]
    [TestCase("{\"walk\":{\"speedKmh\":\"fast\"},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "walk.speedKmh")]
    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":\"yes\",\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "highways.residential.car")]
    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":null}}", "highways.residential")]
    [TestCase("{\"walks\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "walks")]
    [TestCase("{\"notes\":[1],\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "notes[]")]
    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"carTimeBandFactors\":{\"am_peak\":null},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "carTimeBandFactors.am_peak")]
    [TestCase("{\"walk\":{\"speedKmh\":1e999},\"cycle\":{\"speedKmh\":16},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "walk.speedKmh")]
    [TestCase("[1, 2]", null)]
    [TestCase("null", null)]
    [TestCase("{\"walk\":{\"speedKmh\":4.8},\"cycle\":{\"speedKmh\":16},\"carTimeBandFactors\":{\"rush_hour\":{\"default\":0.5}},\"highways\":{\"residential\":{\"car\":true,\"walk\":true,\"cycle\":true,\"carSpeedKmh\":48}}}", "carTimeBandFactors.rush_hour")]
    [TestCase("{ not json", null)]
    public void Parse_InvalidProfile_ThrowsInputFileExceptionNamingFile(string json, string? field)
    {
        var ex = Assert.Throws<InputFileException>(() => StreetProfiles.Parse(json, "my.json"));
        Assert.That(ex!.File, Is.EqualTo("my.json"));
        if (field is not null)
        {
            Assert.That(ex.Field, Is.EqualTo(field));
        }
    }

    [Test]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var json = StreetProfiles.DefaultJson.Replace("\"walk\": { \"speedKmh\": 4.8 },", "// walking\n  \"walk\": { \"speedKmh\": 5.0, /* km/h */ },", StringComparison.Ordinal);
        Assert.That(json, Is.Not.EqualTo(StreetProfiles.DefaultJson));
        Assert.That(StreetProfiles.Parse(json, "my.json").WalkSpeedKmh, Is.EqualTo(5.0));
    }

    [Test]
    public void Load_MissingFile_ThrowsInputFileException()
    {
        Assert.Throws<InputFileException>(() => StreetProfiles.Load("/no/such/profiles.json"));
    }

    [Test]
    public void BuildFromPbf_ManyWaysSameTags_ProfileEvaluatedOncePerDistinctTagSet()
    {
        var streets = TestStreets.FromAscii("a - b - c - d - e")
            .Way("ab", "highway=residential", "name=A")
            .Way("bc", "highway=residential", "name=B")
            .Way("cd", "highway=residential", "name=C")
            .Way("de", "highway=primary");
        var network = streets.Build();
        Assert.That(network.BuildReport.RoutableWays, Is.EqualTo(4));
        Assert.That(network.BuildReport.DistinctTagSets, Is.EqualTo(2)); // names are not routing tags
    }
}
