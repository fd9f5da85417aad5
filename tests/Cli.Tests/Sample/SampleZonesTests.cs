using NUnit.Framework;
using System.Globalization;
using System.Text.Json;
using Geo.Samples;
using Geo.Routing.Geometry;
using OsmSharp;
using OsmSharp.Streams;

namespace Geo.Cli.Tests.Sample;

[TestFixture]
public sealed class SampleZonesTests
{
    private List<Dictionary<string, string>> _zones = null!;

    [OneTimeSetUp]
    public void ReadZones() => _zones = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(SampleGenerator.ZonesFile)));

    [Test]
    public void Zones_IdsUniqueAndAboutOneHundred()
    {
        Assert.That(_zones, Has.Count.InRange(90, 110));
        Assert.That(_zones.Select(z => z["zone_id"]).Distinct().Count(), Is.EqualTo(_zones.Count));
        Assert.That(_zones.All(z => z["zone_id"].Length == 9 && z["zone_id"].StartsWith("S01", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Zones_AttributesInRange()
    {
        foreach (var z in _zones)
        {
            var population = Int(z["population"]);
            Assert.That(population, Is.InRange(1_000, 2_500), z["zone_id"]);
            Assert.That(Int(z["age65plus"]), Is.InRange(1, population - 1), z["zone_id"]);
            var decile = Int(z["imd_decile"]);
            Assert.That(decile, Is.InRange(1, 10), z["zone_id"]);
            var rank = Int(z["imd_rank"]);
            Assert.That(rank, Is.InRange((decile - 1) * 3284 + 1, decile * 3285), z["zone_id"]);
            Assert.That(double.Parse(z["car_access_share"], CultureInfo.InvariantCulture), Is.InRange(0.0, 1.0), z["zone_id"]);
        }
        Assert.That(_zones.Select(z => z["ward"]).Distinct().Count(), Is.InRange(8, 12));
        Assert.That(_zones.Select(z => z["local_authority"]).Distinct().Count(), Is.InRange(1, 2));
        Assert.That(_zones.Select(z => z["rural_urban"]).Distinct().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(_zones.Select(z => z["imd_decile"]).Distinct().Count(), Is.EqualTo(10), "every decile appears");
    }

    [Test]
    public void Zones_DeprivationInSouthgateAndOlderVillages()
    {
        var southgate = _zones.Where(z => z["ward"] == "Harrowby Southgate").ToList();
        Assert.That(southgate, Is.Not.Empty);
        Assert.That(southgate.All(z => Int(z["imd_decile"]) <= 3), Is.True);
        double OlderShare(IEnumerable<Dictionary<string, string>> zs) =>
            zs.Sum(z => Int(z["age65plus"])) / (double)zs.Sum(z => Int(z["population"]));
        var villages = _zones.Where(z => z["rural_urban"] == "Rural village and dispersed").ToList();
        var town = _zones.Where(z => z["zone_name"].StartsWith("Harrowby", StringComparison.Ordinal)).ToList();
        Assert.That(OlderShare(villages), Is.GreaterThan(OlderShare(town) + 0.05));
        Assert.That(town, Has.Count.GreaterThan(villages.Count / 2), "more zones in the town");
    }

    [Test]
    public void Zones_EachWithin300MetresOfRoadNode()
    {
        var wayNodes = new HashSet<long>();
        var coordinates = new Dictionary<long, GeoPoint>();
        using (var stream = File.OpenRead(SampleOutput.File(SampleGenerator.OsmFile)))
        {
            foreach (var geo in new PBFOsmStreamSource(stream))
            {
                if (geo is Node n)
                {
                    coordinates[n.Id!.Value] = new GeoPoint(n.Longitude!.Value, n.Latitude!.Value);
                }
                else if (geo is Way w)
                {
                    wayNodes.UnionWith(w.Nodes);
                }
            }
        }
        var roadPoints = wayNodes.Select(id => coordinates[id]).ToList();
        foreach (var z in _zones)
        {
            var p = new GeoPoint(Double(z["lon"]), Double(z["lat"]));
            var nearest = roadPoints.Min(r => GeoPoint.DistanceMetres(p, r));
            Assert.That(nearest, Is.LessThanOrEqualTo(300), z["zone_id"]);
        }
    }

    [Test]
    public void Boundaries_OnePolygonPerZoneContainingItsPoint()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SampleOutput.File(SampleGenerator.ZoneBoundariesFile)));
        var features = doc.RootElement.GetProperty("features");
        Assert.That(features.GetArrayLength(), Is.EqualTo(_zones.Count));
        var byId = _zones.ToDictionary(z => z["zone_id"]);
        var seen = new HashSet<string>();
        foreach (var feature in features.EnumerateArray())
        {
            var id = feature.GetProperty("properties").GetProperty("zone_id").GetString()!;
            Assert.That(seen.Add(id), Is.True, id);
            Assert.That(feature.GetProperty("geometry").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
            var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToList();
            Assert.That(ring[0], Is.EqualTo(ring[^1]), id + " ring closed");
            var zone = byId[id];
            Assert.That(Contains(ring, Double(zone["lon"]), Double(zone["lat"])), Is.True, id + " polygon holds its point");
        }
    }

    private static bool Contains(List<(double Lon, double Lat)> ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            if ((ring[i].Lat > y) != (ring[j].Lat > y)
                && x < (ring[j].Lon - ring[i].Lon) * (y - ring[i].Lat) / (ring[j].Lat - ring[i].Lat) + ring[i].Lon)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
