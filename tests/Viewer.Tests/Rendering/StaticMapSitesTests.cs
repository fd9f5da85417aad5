using System.Text.Json.Nodes;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;
using SkiaSharp;

namespace Geo.Viewer.Tests.Rendering;

/// <summary>Site symbols on static maps: draw order, per-service status, placement-only candidates; placement and isochrone layers.</summary>
[TestFixture]
public sealed class StaticMapSitesTests
{
    private static readonly SKColor ClosingRed = new(0xB2, 0x18, 0x2B);

    private static JsonObject SiteFeature(string id, double lon, double lat, params (string Key, string Value)[] props)
    {
        var p = new JsonObject { ["site_id"] = id, ["site_name"] = id };
        foreach (var (k, v) in props)
        {
            p[k] = v;
        }

        return new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = p,
            ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
        };
    }

    private static void WriteSites(SyntheticResults results, params JsonObject[] features)
    {
        File.WriteAllText(results.Path("sites.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) }.ToJsonString());
    }

    private static JsonObject Closing(double lon, double lat) => SiteFeature("H1", lon, lat, ("kind", "existing"),
        ("status_baseline", "open"), ("status_A", "closed"), ("status_B", "open"));

    /// <summary>New in option B, so a candidate on option A's map.</summary>
    private static JsonObject OtherOptionCandidate(string id, double lon, double lat) => SiteFeature(id, lon, lat, ("kind", "candidate"),
        ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "new"));

    private static JsonObject PlacementOnly(string id, double lon, double lat) => SiteFeature(id, lon, lat, ("kind", "candidate"),
        ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "candidate"));

    private static SKBitmap Render(SyntheticResults results, StaticMapRequest request) =>
        SKBitmap.Decode(StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), request));

    private static int CountColour(SKBitmap bmp, SKColor colour)
    {
        int n = 0;
        for (int y = 0; y < bmp.Height; y++)
        {
            for (int x = 0; x < bmp.Width; x++)
            {
                var c = bmp.GetPixel(x, y);
                if (c.Red == colour.Red && c.Green == colour.Green && c.Blue == colour.Blue)
                {
                    n++;
                }
            }
        }

        return n;
    }

    private static int CountDark(SKBitmap bmp)
    {
        int n = 0;
        for (int y = 0; y < bmp.Height; y++)
        {
            for (int x = 0; x < bmp.Width; x++)
            {
                var c = bmp.GetPixel(x, y);
                n += c.Red < 0x50 && c.Green < 0x50 && c.Blue < 0x50 ? 1 : 0;
            }
        }

        return n;
    }

    private static bool SamePixels(SKBitmap a, SKBitmap b)
    {
        return a.Width == b.Width && a.Height == b.Height && a.GetPixelSpan().SequenceEqual(b.GetPixelSpan());
    }

    private static readonly StaticMapRequest OptionA = new() { Option = "A", Mode = "car", Layer = MapLayer.Change, WidthPx = 800, HeightPx = 600 };

    [Test]
    public void Render_ClosingSiteUnderCoLocatedCandidates_ClosingMarkerDrawnOnTop()
    {
        using var results = SyntheticResults.Grid();
        WriteSites(results, Closing(-1.35, 50.64));
        using var alone = Render(results, OptionA);
        int redAlone = CountColour(alone, ClosingRed);
        Assert.That(redAlone, Is.GreaterThan(40), "closing X (and its legend entry) drawn in red");

        // Candidates at the same point, listed after the closing site (the old renderer drew in file order).
        WriteSites(results, Closing(-1.35, 50.64), OtherOptionCandidate("C1", -1.35, 50.64), OtherOptionCandidate("C2", -1.35, 50.64));
        using var covered = Render(results, OptionA);
        Assert.That(CountColour(covered, ClosingRed), Is.EqualTo(redAlone), "candidates must not cover the closing marker");
        Assert.That(SamePixels(alone, covered), Is.False, "the candidate squares show around the closing marker");
    }

    [Test]
    public void Render_PlacementOnlyCandidates_LeftOffAppraisalMap()
    {
        using var results = SyntheticResults.Grid();
        WriteSites(results, Closing(-1.35, 50.64));
        using var without = Render(results, OptionA);
        WriteSites(results, Closing(-1.35, 50.64), PlacementOnly("P1", -1.31, 50.62), PlacementOnly("P2", -1.29, 50.65));
        using var with = Render(results, OptionA);
        Assert.That(SamePixels(without, with), Is.True);

        WriteSites(results, Closing(-1.35, 50.64), OtherOptionCandidate("C1", -1.31, 50.62));
        using var withCandidate = Render(results, OptionA);
        Assert.That(SamePixels(without, withCandidate), Is.False, "a site that is in another option is drawn as a candidate");
    }

    [Test]
    public void Render_SiteLosesMappedServiceButKeepsAnother_DrawnAsClosing()
    {
        using var results = SyntheticResults.Grid();
        var perSiteOpen = SiteFeature("H1", -1.35, 50.64, ("kind", "existing"), ("status_baseline", "open"), ("status_A", "open"), ("status_B", "open"),
            ("services_baseline", "outpatients;diagnostics"), ("services_A", "diagnostics"), ("services_B", "outpatients;diagnostics"));
        WriteSites(results, perSiteOpen);
        using var outpatients = Render(results, OptionA with { Service = "outpatients" });
        using var defaultService = Render(results, OptionA);
        WriteSites(results, Closing(-1.35, 50.64));
        using var closing = Render(results, OptionA);
        Assert.That(SamePixels(outpatients, closing), Is.True, "outpatients leave H1 in option A: closing marker");
        Assert.That(SamePixels(defaultService, closing), Is.True, "default service is the first one in zone_results (outpatients)");
    }

    [Test]
    public void SitesToDraw_MixedStatuses_CandidatesFirstClosingLast()
    {
        using var results = SyntheticResults.Grid();
        WriteSites(results, Closing(-1.35, 50.64), OtherOptionCandidate("C1", -1.31, 50.62), PlacementOnly("P1", -1.31, 50.62),
            SiteFeature("H2", -1.30, 50.63, ("kind", "existing"), ("status_baseline", "open"), ("status_A", "open"), ("status_B", "open")),
            SiteFeature("N1", -1.32, 50.63, ("kind", "candidate"), ("status_baseline", "candidate"), ("status_A", "new"), ("status_B", "candidate")));
        var drawn = StaticMapRenderer.SitesToDraw(ResultsFolder.Load(results.Folder), "A", "outpatients");
        Assert.That(drawn.Select(d => d.Site.GetString("site_id") + ":" + d.Status), Is.EqualTo(new[] { "C1:candidate", "H2:open", "N1:new", "H1:closed" }));
    }

    [Test]
    public void Render_PlacementLayer_DrawsAllocationLinesColouredByMinutes()
    {
        using var results = SyntheticResults.Grid();
        Directory.Delete(results.Path("placement"), recursive: true);
        Directory.CreateDirectory(results.Path("placement"));
        File.WriteAllText(results.Path("placement/placement.geojson"), new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(SiteFeature("H1", -1.39, 50.61, ("kind", "existing")), SiteFeature("C3", -1.34, 50.64, ("kind", "new"))),
        }.ToJsonString());
        // Zones Z000..Z023: Z000 to H1 in 5 min (class 0), the others to C3 in 35 min (class 3).
        var csv = new System.Text.StringBuilder("zone_id,site_id,minutes,need\n");
        for (int z = 0; z < 24; z++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Z{z:000},{(z == 0 ? "H1" : "C3")},{(z == 0 ? 5 : 35)},100\n");
        }

        File.WriteAllText(results.Path("placement/allocation.csv"), csv.ToString());
        var folder = ResultsFolder.Load(results.Folder);
        var placement = StaticMapRenderer.PlacementFeatures(folder);
        double[] minutes = StaticMapRenderer.AllocationMinutes(folder.Zones, placement);
        Assert.That(minutes, Has.Length.EqualTo(24));
        Assert.That(minutes[0], Is.EqualTo(5));
        Assert.That(minutes.Skip(1), Is.All.EqualTo(35));

        using var bmp = SKBitmap.Decode(StaticMapRenderer.RenderPng(folder, new StaticMapRequest { Layer = MapLayer.Placement, WidthPx = 800, HeightPx = 600 }));
        // Lines in class 3 colour appear in the map area (left of the legend), not only in the legend swatch.
        var c3 = SKColor.Parse(Palettes.TravelTime[3]);
        int inMap = 0;
        for (int y = 60; y < bmp.Height; y++)
        {
            for (int x = 0; x < bmp.Width - 200; x++)
            {
                if (bmp.GetPixel(x, y) == c3)
                {
                    inMap++;
                }
            }
        }

        Assert.That(inMap, Is.GreaterThan(100));
    }

    [Test]
    public void Render_PlacementLayerWithoutPlacement_ThrowsInputFileException()
    {
        using var results = SyntheticResults.Grid();
        Directory.Delete(results.Path("placement"), recursive: true);
        var ex = Assert.Throws<InputFileException>(() => StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), new StaticMapRequest { Layer = MapLayer.Placement }));
        Assert.That(ex!.Message, Does.Contain("placement"));
    }

    [Test]
    public void Render_Isochrones_DrawnWhenAskedAndMissingIsAnError()
    {
        using var results = SyntheticResults.Grid();
        var request = OptionA with { ShowIsochrones = true };
        Directory.Delete(results.Path("isochrones"), recursive: true);
        Assert.Throws<InputFileException>(() => StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), request));
        Directory.CreateDirectory(results.Path("isochrones"));
        File.WriteAllText(results.Path("isochrones/h1_car.geojson"), new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["minutes"] = 10 },
                ["geometry"] = new JsonObject
                {
                    ["type"] = "Polygon",
                    ["coordinates"] = new JsonArray(new JsonArray(new JsonArray(-1.38, 50.61), new JsonArray(-1.30, 50.61), new JsonArray(-1.30, 50.66), new JsonArray(-1.38, 50.66), new JsonArray(-1.38, 50.61))),
                },
            }),
        }.ToJsonString());
        using var plain = SKBitmap.Decode(StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), OptionA));
        using var withIso = SKBitmap.Decode(StaticMapRenderer.RenderPng(ResultsFolder.Load(results.Folder), request));
        Assert.That(SamePixels(plain, withIso), Is.False);
        Assert.That(CountDark(withIso), Is.GreaterThan(CountDark(plain) + 200), "dashed outline of a polygon about 300 x 300 px");
    }
}
