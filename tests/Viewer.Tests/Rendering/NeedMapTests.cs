using System.Text;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Viewer.Tests.Rendering;

/// <summary>
/// Need maps and flow lines on two square zones worked out by hand (areas as in Routing.Tests' PolygonAreaTests: A 39.2753540571
/// km², B 19.6376770286 km²). A has 3,927.5354 residents: 100 per km²; B is half A's area with the same residents,
/// 3,927.5354 too: 200 per km². Care homes: 2 in A, 1 in B, 1 outside. Households without a car: A 30 of 120 = 25%, B 20 of 40 = 50%.
/// Visits: Z_A to S1 30 + 10 (one line of 40), Z_B to S1 10, one row naming an unknown zone (5 visits, unmatched).
/// </summary>
[TestFixture]
public sealed class NeedMapTests
{
    private string _folder = null!;
    private ResultsFolder _results = null!;

    [OneTimeSetUp]
    public void Write()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-need-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ResultsFolder.ZonesFile), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"zone_id":"Z_A","zone_name":"Alpha","population":3927.5354,"households_no_car":30,"households_with_car":90,"obesity_pct":21.5},
              "geometry":{"type":"Polygon","coordinates":[[[-1.30,50.70],[-1.20,50.70],[-1.20,50.75],[-1.30,50.75],[-1.30,50.70]]]}},
             {"type":"Feature","properties":{"zone_id":"Z_B","zone_name":"Beta","population":3927.5354,"households_no_car":20,"households_with_car":20,"obesity_pct":30},
              "geometry":{"type":"Polygon","coordinates":[[[-1.20,50.70],[-1.15,50.70],[-1.15,50.75],[-1.20,50.75],[-1.20,50.70]]]}}]}
            """);
        File.WriteAllText(Path.Combine(_folder, ResultsFolder.SitesFile), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"site_id":"S1","site_name":"Clinic","kind":"existing"},"geometry":{"type":"Point","coordinates":[-1.22,50.72]}}]}
            """);
        File.WriteAllText(Path.Combine(_folder, ResultsFolder.NeedPointsFile), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"set":"care homes"},"geometry":{"type":"Point","coordinates":[-1.25,50.71]}},
             {"type":"Feature","properties":{"set":"care homes"},"geometry":{"type":"Point","coordinates":[-1.21,50.74]}},
             {"type":"Feature","properties":{"set":"care homes"},"geometry":{"type":"Point","coordinates":[-1.17,50.73]}},
             {"type":"Feature","properties":{"set":"care homes"},"geometry":{"type":"Point","coordinates":[0.0,51.5]}},
             {"type":"Feature","properties":{"set":"GP practices"},"geometry":{"type":"Point","coordinates":[-1.16,50.71]}}]}
            """);
        _results = ResultsFolder.Load(_folder);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Density_TwoSquares_ResidentsPerKm2()
    {
        var need = NeedValues.For(_results, new StaticMapRequest { Layer = MapLayer.Density });
        Assert.That(need.Values[0], Is.EqualTo(100).Within(0.01));
        Assert.That(need.Values[1], Is.EqualTo(200).Within(0.02));
        Assert.That(need.Title, Does.Contain("per km²"));
    }

    [Test]
    public void Points_CareHomes_CountedPerZoneWithOutsideReported()
    {
        var need = NeedValues.For(_results, new StaticMapRequest { Layer = MapLayer.Points, PointSet = "care homes" });
        Assert.That(need.Values, Is.EqualTo(new[] { 2.0, 1.0 }));
        Assert.That(need.Points, Has.Count.EqualTo(4));
        Assert.That(need.PointsOutside, Is.EqualTo(1));
        Assert.That(need.Title, Does.Contain("(points)"));
        Assert.Throws<ArgumentException>(() => NeedValues.For(_results, new StaticMapRequest { Layer = MapLayer.Points, PointSet = "dentists" }));
    }

    [Test]
    public void Percent_HouseholdsWithoutACar_OfTheDimensionsHouseholds()
    {
        var need = NeedValues.For(_results, new StaticMapRequest { Layer = MapLayer.Percent, Attribute = "households_no_car", Per = ["households_no_car", "households_with_car"] });
        Assert.That(need.Values, Is.EqualTo(new[] { 25.0, 50.0 }));
        var given = NeedValues.For(_results, new StaticMapRequest { Layer = MapLayer.Percent, Attribute = "obesity_pct" });
        Assert.That(given.Values, Is.EqualTo(new[] { 21.5, 30.0 }), "a column already in % is mapped as given");
        Assert.That(given.Title, Does.Contain("%"));
    }

    [Test]
    public void FlowLines_VisitsSummedPerPairAndUnmatchedCounted()
    {
        var lines = FlowLines.Build(_results, [("Z_A", "S1", 30), ("Z_B", "S1", 10), ("Z_A", "S1", 10), ("Z_X", "S1", 5)], out var unmatched);
        Assert.That(lines.Select(l => (l.GetString("zone_id"), l.GetNumber(FlowLines.VisitsProperty))), Is.EqualTo(new[] { ("Z_A", 40.0), ("Z_B", 10.0) }));
        Assert.That(unmatched, Is.EqualTo(5));
        Assert.That(lines[0].Parts[0][2..], Is.EqualTo(new[] { -1.22, 50.72 }), "lines end at the site");
        Assert.That(StaticMapRenderer.FlowWidthPx(40, 40), Is.EqualTo(18f));
        Assert.That(StaticMapRenderer.FlowWidthPx(10, 40), Is.EqualTo(4.5f), "width in proportion to visits");
        Assert.That(StaticMapRenderer.FlowWidthPx(0.1, 40), Is.EqualTo(1f), "at least one pixel");
    }

    [TestCase(MapLayer.Density, "Residents per km²")]
    [TestCase(MapLayer.Points, "Care homes per zone (points)")]
    [TestCase(MapLayer.Percent, "households_no_car (% of households_no_car + households_with_car)")]
    [TestCase(MapLayer.Flows, "Visits (line width)")]
    public void Render_EveryNewMap_CarriesTheAttributionAndSaysTheUnit(MapLayer layer, string unitText)
    {
        var request = new StaticMapRequest
        {
            Layer = layer, WidthPx = 1200, HeightPx = 900, PointSet = "care homes", // the size geo run draws
            Attribute = "households_no_car", Per = ["households_no_car", "households_with_car"],
            FlowLines = layer == MapLayer.Flows ? FlowLines.Build(_results, [("Z_A", "S1", 40), ("Z_B", "S1", 10)], out _) : null,
        };
        var png = StaticMapRenderer.RenderPng(_results, request, out var text);
        Assert.That(text, Does.Contain(Attribution.MapLine), "attribution drawn on the map");
        Assert.That(Encoding.Latin1.GetString(png), Does.Contain("OpenStreetMap contributors"), "attribution in the PNG text chunk");
        Assert.That(text, Has.Some.Contains(unitText), "the legend says the unit");
        if (layer != MapLayer.Flows)
        {
            Assert.That(text, Has.Some.Contains("zone"), "class counts say they count zones");
        }
        if (layer == MapLayer.Points)
        {
            Assert.That(text, Has.Some.EqualTo("care homes").And.Some.EqualTo("4 points").And.Some.EqualTo("1 outside the zones"));
        }
    }

    [Test]
    public void Render_Isochrones_LegendNamesEachBand()
    {
        using var grid = Geo.Viewer.Tests.TestSupport.SyntheticResults.Grid();
        var results = ResultsFolder.Load(grid.Folder);
        StaticMapRenderer.RenderPng(results, new StaticMapRequest { Option = "baseline", Mode = "car", ShowIsochrones = true, WidthPx = 1200, HeightPx = 900 }, out var text);
        Assert.That(text, Has.Some.EqualTo("isochrone: within 15 min"), "the synthetic results' 15-minute isochrone");
        Assert.That(text, Does.Contain(Attribution.MapLine));
    }

    [Test]
    public void Classification_Counts_ZeroIsAClassAndLabelsAreWholeNumbers()
    {
        var cls = MapClassification.Need("x", [0, 0, 0, 1, 1, 2, 3, 5, 8], counts: true);
        Assert.That(cls.Labels[0], Is.EqualTo("0"));
        Assert.That(cls.ClassOf(0), Is.Zero);
        Assert.That(cls.ClassOf(1), Is.EqualTo(1));
        Assert.That(cls.Labels[^1], Does.EndWith("or more"));
    }
}
