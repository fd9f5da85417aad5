using System.Text.Json;
using System.Text.Json.Nodes;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests.Browser;

/// <summary>Site markers on the web page follow the same per-service status and draw order as the static maps.</summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class ViewerSitesBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchAsync() => (_playwright, _browser) = await SystemChromium.LaunchAsync();

    [OneTimeTearDown]
    public Task CloseAsync() => SystemChromium.CloseAsync(_playwright, _browser);

    private static JsonObject Site(string id, double lon, double lat, params (string Key, string Value)[] props)
    {
        var p = new JsonObject { ["site_id"] = id, ["site_name"] = id };
        foreach (var (k, v) in props)
        {
            p[k] = v;
        }

        return new JsonObject { ["type"] = "Feature", ["properties"] = p, ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) } };
    }

    /// <summary>Keys for the isochrone and placement layers appear with the layers; isochrone lines take the travel-time colour of their minutes.</summary>
    [Test]
    public async Task Page_IsochroneAndPlacementLayers_HaveLegends()
    {
        using var results = SyntheticResults.Grid();
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        await page.GotoAsync(host.Server.Address + "#option=A&mode=car");
        await page.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.ready", null, new() { Timeout = 60000 });
        Assert.That(await page.IsHiddenAsync("#isoKey"), Is.True, "isochrones are off at first");
        await page.EvaluateAsync("() => window.geoViewer.setView({ iso: true, placement: true })");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.IsVisibleAsync("#isoKey"), Is.True);
            Assert.That(await page.TextContentAsync("#isoKey"), Does.Contain("reachable within").And.Contain("15 min"));
            // 15 minutes is in the "over 10 to 20 min" class of the travel-time palette.
            Assert.That(await page.EvaluateAsync<string>("() => window.geoViewer.isochroneBands[0].colour"), Is.EqualTo("#8fd744"));
            Assert.That(await page.IsVisibleAsync("#placementKey"), Is.True);
            Assert.That(await page.TextContentAsync("#placementKey"), Does.Contain("chosen site").And.Contain("zone to its allocated site"));
            Assert.That(await page.TextContentAsync("#siteKey"), Does.Contain("closing").And.Contain("candidate (other option)"), "site labels from the server");
        });
        await page.EvaluateAsync("() => window.geoViewer.setView({ iso: false, placement: false })");
        Assert.That(await page.IsHiddenAsync("#isoKey"), Is.True);
        Assert.That(await page.IsHiddenAsync("#placementKey"), Is.True);
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_SitesForOptionAndService_MatchStaticMapOrderAndStatus()
    {
        using var results = SyntheticResults.Grid();
        // H1 keeps diagnostics but loses outpatients in A (per-site status "open"); C3 and C4 co-located with H1;
        // C3 is new in B; C4 is a placement-only candidate.
        var features = new JsonArray(
            Site("H1", -1.35, 50.64, ("kind", "existing"), ("status_baseline", "open"), ("status_A", "open"), ("status_B", "open"),
                ("services_baseline", "outpatients;diagnostics"), ("services_A", "diagnostics"), ("services_B", "outpatients;diagnostics")),
            Site("C3", -1.35, 50.64, ("kind", "candidate"), ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "new"),
                ("services_baseline", string.Empty), ("services_A", string.Empty), ("services_B", "outpatients")),
            Site("C4", -1.35, 50.64, ("kind", "candidate"), ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "candidate"),
                ("services_baseline", string.Empty), ("services_A", string.Empty), ("services_B", string.Empty)),
            Site("H2", -1.30, 50.62, ("kind", "existing"), ("status_baseline", "open"), ("status_A", "open"), ("status_B", "open"),
                ("services_baseline", "outpatients"), ("services_A", "outpatients"), ("services_B", "outpatients")));
        File.WriteAllText(results.Path("sites.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());
        var folder = ResultsFolder.Load(results.Folder);

        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        await page.GotoAsync(host.Server.Address + "#option=A&mode=car&sites=1");
        await page.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.ready", null, new() { Timeout = 60000 });
        Assert.That(await page.EvaluateAsync<string?>("() => window.geoViewer.lastError"), Is.Null);

        foreach (string option in new[] { "A", "B", "baseline" })
        {
            await page.EvaluateAsync("(o) => window.geoViewer.setView({ option: o })", option);
            var sites = await page.EvaluateAsync<JsonElement>("() => window.geoViewer.sites");
            var onPage = sites.EnumerateArray().Select(e => e.GetProperty("id").GetString() + ":" + e.GetProperty("status").GetString()).ToArray();
            var expected = StaticMapRenderer.SitesToDraw(folder, option, SyntheticResults.Service).Select(d => d.Site.GetString("site_id") + ":" + d.Status).ToArray();
            Assert.That(onPage, Is.EqualTo(expected), "option " + option);
        }

        await page.EvaluateAsync("() => window.geoViewer.setView({ option: 'A' })");
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "viewer-test-output");
        Directory.CreateDirectory(dir);
        string shot = Path.Combine(dir, "page-sites-A.png");
        await page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot);

        // H1 (closing for outpatients in A) shares its point with candidate C3: the red X is on top of C3's white square.
        var pt = await page.EvaluateAsync<JsonElement>("() => window.geoViewer.screenPoint(-1.35, 50.64)");
        using (var bmp = SkiaSharp.SKBitmap.Decode(shot))
        {
            var c = bmp.GetPixel((int)Math.Round(pt.GetProperty("x").GetDouble()), (int)Math.Round(pt.GetProperty("y").GetDouble()));
            Assert.That(c.Red > 140 && c.Green < 90 && c.Blue < 90, Is.True, "closing red at the shared point, got " + c);
        }

        Assert.That(StaticMapRenderer.SitesToDraw(folder, "A", SyntheticResults.Service).Select(d => d.Site.GetString("site_id") + ":" + d.Status),
            Is.EqualTo(new[] { "C3:candidate", "H2:open", "H1:closed" }));

        // Hovering a site shows its name, its status in the option and the zones it serves (worked out from the scores here).
        await page.EvaluateAsync("() => window.geoViewer.setView({ option: 'baseline' })");
        var scores = StaticMapRenderer.FindScores(folder, new StaticMapRequest { Option = "baseline", Mode = "car", Service = SyntheticResults.Service });
        var population = folder.Zones.ToDictionary(z => z.GetString("zone_id")!, z => z.GetNumber("population"));
        double people = 0, weighted = 0;
        int served = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (scores.SiteIds[i] == "H2" && !double.IsNaN(scores.Minutes[i]))
            {
                served++;
                people += population[scores.ZoneIds[i]];
                weighted += population[scores.ZoneIds[i]] * scores.Minutes[i];
            }
        }

        Assert.That(served, Is.GreaterThan(0), "H2 serves zones in the baseline of the synthetic scores");
        var h2 = await page.EvaluateAsync<JsonElement>("() => window.geoViewer.screenPoint(-1.30, 50.62)");
        await page.Mouse.MoveAsync((float)h2.GetProperty("x").GetDouble(), (float)h2.GetProperty("y").GetDouble());
        await page.WaitForSelectorAsync("#tooltip:not([hidden])", new() { Timeout = 10000 });
        string tip = (await page.TextContentAsync("#tooltip"))!;
        string mean = Math.Round(weighted / people, 1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        mean = mean.EndsWith(".0", StringComparison.Ordinal) ? mean[..^2] : mean;
        Assert.Multiple(() =>
        {
            Assert.That(tip, Does.StartWith("H2"), tip);
            Assert.That(tip, Does.Contain("Status (baseline)open"), tip);
            Assert.That(tip, Does.Contain("Serves" + served + (served == 1 ? " zone, " : " zones, ") + Math.Round(people).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " people"), tip);
            Assert.That(tip, Does.Contain("Mean time (car)" + mean + " min"), tip);
        });

        await page.CloseAsync();
    }
}
