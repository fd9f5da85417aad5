using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Tests.TestSupport;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests.Browser;

/// <summary>End-to-end tests of the map page in the system Chromium (Debian package), driven by Playwright for .NET.</summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class ViewerBrowserTests
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchAsync() => (_playwright, _browser) = await SystemChromium.LaunchAsync();

    [OneTimeTearDown]
    public Task CloseAsync() => SystemChromium.CloseAsync(_playwright, _browser);

    private static string OutputPath(string name)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "viewer-test-output");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private async Task<IPage> OpenAsync(ViewerHost host, string hash = "", int width = 1400, int height = 900)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                TestContext.Out.WriteLine("browser console: " + m.Text);
            }
        };
        page.PageError += (_, e) => TestContext.Out.WriteLine("page error: " + e);
        await page.GotoAsync(host.Server.Address + hash);
        await page.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.ready", null, new() { Timeout = 60000 });
        return page;
    }

    private static async Task<T> EvalAsync<T>(IPage page, string js) => await page.EvaluateAsync<T>(js);

    private static async Task SelectAndWaitAsync(IPage page, string selector, string value)
    {
        await page.EvaluateAsync("() => { window.geoViewer.lastSwitchMs = null; }");
        await page.SelectOptionAsync(selector, value);
        await page.WaitForFunctionAsync("() => window.geoViewer.lastSwitchMs !== null", null, new() { Timeout = 30000 });
    }

    private static double[] LegendBreaks(JsonElement legend) => legend.GetProperty("breaks").EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Test]
    public async Task Page_SyntheticGrid_DrawsZonesSwitchesOptionAndModeShowsTooltip()
    {
        using var results = SyntheticResults.Grid();
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host);

        Assert.That(await EvalAsync<string?>(page, "() => window.geoViewer.lastError"), Is.Null);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(24));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.renderedFeatureCount()"), Is.EqualTo(24), "all 24 polygons drawn on screen");
        Assert.That(await page.IsVisibleAsync("#banner"), Is.False);

        // Default view: the first non-baseline option (A), first mode, time layer, legend equal to the C# classification.
        var legend = await EvalAsync<JsonElement>(page, "() => window.geoViewer.legend");
        Assert.That(legend.GetProperty("layer").GetString(), Is.EqualTo("time"));
        Assert.That(LegendBreaks(legend), Is.EqualTo(MapClassification.TravelTime().Breaks));
        Assert.That(legend.GetProperty("colours").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(Palettes.TravelTime));

        // Switch option and mode through the controls; the legend counts must equal counts computed here from the data.
        await SelectAndWaitAsync(page, "#option", "B");
        await SelectAndWaitAsync(page, "#mode", "walk");
        await SelectAndWaitAsync(page, "#layer", "change");
        legend = await EvalAsync<JsonElement>(page, "() => window.geoViewer.legend");
        var change = MapClassification.Change();
        Assert.That(LegendBreaks(legend), Is.EqualTo(change.Breaks));
        var expectedCounts = new int[change.Colours.Count];
        int expectedNoData = 0;
        double[] b = results.Minutes[("B", "walk")], baseMinutes = results.Minutes[("baseline", "walk")];
        for (int i = 0; i < b.Length; i++)
        {
            int c = change.ClassOf(Math.Round(b[i] - baseMinutes[i], 2));
            if (c < 0)
            {
                expectedNoData++;
            }
            else
            {
                expectedCounts[c]++;
            }
        }

        Assert.That(legend.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(expectedCounts));
        Assert.That(legend.GetProperty("noData").GetInt32(), Is.EqualTo(expectedNoData).And.EqualTo(1), "zone Z001 is unreachable on foot");
        Assert.That(await page.TextContentAsync("#legend"), Does.Contain("slower by 30+ min").And.Contain("no data"));

        // Hover a zone and read its tooltip.
        var pt = await EvalAsync<JsonElement>(page, "() => window.geoViewer.zoneScreenPoint('Z007')");
        await page.Mouse.MoveAsync((float)pt.GetProperty("x").GetDouble(), (float)pt.GetProperty("y").GetDouble());
        await page.WaitForSelectorAsync("#tooltip:not([hidden])", new() { Timeout = 10000 });
        string tip = (await page.TextContentAsync("#tooltip"))!;
        int z7 = results.IndexOf("Z007");
        string minutes = Math.Round(results.Minutes[("B", "walk")][z7], 1).ToString("0.0", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        Assert.That(tip, Does.Contain("Zone 7").And.Contain("Z007").And.Contain(minutes + " min"), tip);
        Assert.That(tip, Does.Contain("IMD decile" + results.Zones[z7].ImdDecile.ToString(CultureInfo.InvariantCulture)), tip);

        string shot = OutputPath("browser-grid-B-walk-change.png");
        await page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot);

        // The URL hash reproduces the view in a fresh page.
        string url = page.Url;
        Assert.That(url, Does.Contain("option=B").And.Contain("mode=walk").And.Contain("layer=change"));
        var page2 = await _browser.NewPageAsync();
        await page2.GotoAsync(url);
        await page2.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.ready", null, new() { Timeout = 60000 });
        var state = await EvalAsync<JsonElement>(page2, "() => window.geoViewer.state");
        Assert.That((state.GetProperty("option").GetString(), state.GetProperty("mode").GetString(), state.GetProperty("layer").GetString()), Is.EqualTo(("B", "walk", "change")));
        Assert.That(await page2.InputValueAsync("#option"), Is.EqualTo("B"));
        await page2.CloseAsync();
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_ImdAndLocalAuthorityFilters_HideZones()
    {
        using var results = SyntheticResults.Grid();
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host);
        await page.EvaluateAsync("() => { window.geoViewer.lastSwitchMs = null; }");
        await page.UncheckAsync("#imdq input[value='1']");
        await page.WaitForFunctionAsync("() => window.geoViewer.lastSwitchMs !== null");
        int expected = results.Zones.Count(z => (z.ImdDecile + 1) / 2 != 1);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(expected));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.renderedFeatureCount()"), Is.EqualTo(expected));
        await SelectAndWaitAsync(page, "#la", "West Borough");
        expected = results.Zones.Count(z => (z.ImdDecile + 1) / 2 != 1 && z.La == "West Borough");
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(expected));
        Assert.That(page.Url, Does.Contain("imdq=2%2C3%2C4%2C5").And.Contain("la=West+Borough"));

        // Time band filter: only zones whose travel time is in the 10-20 minute band (class 1).
        await SelectAndWaitAsync(page, "#la", string.Empty);
        await page.CheckAsync("#imdq input[value='1']");
        await SelectAndWaitAsync(page, "#band", "1");
        double[] a = results.Minutes[("A", "car")];
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(a.Count(m => m is >= 10 and < 20)));

        // Any numeric zone attribute: quintile breaks computed in the page equal the C# classification.
        await SelectAndWaitAsync(page, "#band", string.Empty);
        await SelectAndWaitAsync(page, "#layer", "attr");
        await SelectAndWaitAsync(page, "#attr", "area_km2");
        var legend = await EvalAsync<JsonElement>(page, "() => window.geoViewer.legend");
        var expectedBreaks = MapClassification.Quantiles("area_km2", results.Zones.Select(z => Math.Round(1.5 + (z.ImdDecile * 0.3), 2))).Breaks;
        Assert.That(LegendBreaks(legend), Is.EqualTo(expectedBreaks).Within(1e-9));
        Assert.That(page.Url, Does.Contain("layer=attr").And.Contain("attr=area_km2"));
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_CorruptSummary_ShowsBannerNamingFileButStillDrawsMap()
    {
        using var results = SyntheticResults.Grid();
        await File.WriteAllTextAsync(results.Path("summary.json"), "{ \"scenario\": ");
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host);
        Assert.That(await page.IsVisibleAsync("#banner"), Is.True);
        Assert.That(await page.TextContentAsync("#banner"), Does.StartWith("summary.json: not valid JSON at line"));
        Assert.That(await EvalAsync<string?>(page, "() => window.geoViewer.lastError"), Does.Contain("summary.json"));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(24));
        string shot = OutputPath("browser-corrupt-summary.png");
        await page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot);
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_MissingZoneResults_ShowsFatalBanner()
    {
        using var results = SyntheticResults.Grid();
        File.Delete(results.Path("zone_results.csv"));
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host);
        Assert.That(await page.GetAttributeAsync("#banner", "class"), Does.Contain("fatal"));
        Assert.That(await page.TextContentAsync("#banner"), Does.Contain("zone_results.csv: file not found"));
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_OnlineTilesUnreachable_NoBannerAndZonesStillDrawn()
    {
        using var results = SyntheticResults.Grid();
        await using var host = await ViewerHost.StartAsync(results.Folder, "http://127.0.0.1:9/{z}/{x}/{y}.png");
        var page = await OpenAsync(host, "#tiles=1");
        Assert.That(await page.IsVisibleAsync("#tilesLabel"), Is.True);
        Assert.That(await page.IsCheckedAsync("#showTiles"), Is.True);
        Assert.That(await page.IsVisibleAsync("#banner"), Is.False, await page.TextContentAsync("#banner") ?? string.Empty);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.renderedFeatureCount()"), Is.EqualTo(24));
        await page.CloseAsync();
    }

    [Test]
    public async Task Page_PointZones_DrawnAsCircles()
    {
        using var results = SyntheticResults.Grid(points: true);
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.renderedFeatureCount()"), Is.EqualTo(24));
        await page.CloseAsync();
    }

    [Test]
    [Category("Slow")]
    public async Task Page_IsleOfWightBoundaries_Renders89Polygons()
    {
        string boundaries = RepoPaths.SharedData("isle-of-wight/lsoa/lsoa21_boundaries_iow.geojson");
        if (!File.Exists(boundaries))
        {
            Assert.Ignore("Isle of Wight boundaries not found: " + boundaries);
        }

        using var results = SyntheticResults.FromBoundaries(boundaries);
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host, "#option=B&mode=car&layer=change&sites=1&roads=1&alloc=1&placement=1&iso=1", 1400, 1400);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(89));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.renderedFeatureCount()"), Is.EqualTo(89));
        string shot = OutputPath("browser-iow-B-car-change.png");
        await page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot);
        await page.CloseAsync();
    }

    /// <summary>
    /// 1,702 Greater Manchester LSOA polygons: every zone is shown after the first render, after each option switch (first
    /// fetch, then cached) and after a layer switch, and the legend follows the view. Timings belong in benchmarks, not here.
    /// </summary>
    [Test]
    [Category("Slow")]
    public async Task Page_GreaterManchester1702Polygons_ShowsEveryZoneAfterEachSwitch()
    {
        string boundaries = RepoPaths.SharedData("greater-manchester-partial/lsoa/lsoa21_boundaries_gm.geojson");
        if (!File.Exists(boundaries))
        {
            Assert.Ignore("Greater Manchester boundaries not found: " + boundaries);
        }

        using var results = SyntheticResults.FromBoundaries(boundaries);
        await using var host = await ViewerHost.StartAsync(results.Folder);
        var page = await OpenAsync(host, string.Empty, 1600, 1000);
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.zoneCount"), Is.EqualTo(1702));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(1702), "first render");
        foreach (string option in new[] { "B", "baseline", "A", "B", "baseline", "A" })
        {
            await page.EvaluateAsync<double>("async (o) => await window.geoViewer.setView({ option: o })", option);
            Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(1702), "after switching to option " + option);
        }

        await page.EvaluateAsync<double>("async () => await window.geoViewer.setView({ layer: 'change' })");
        Assert.That(await EvalAsync<string>(page, "() => window.geoViewer.legend.layer"), Is.EqualTo("change"));
        Assert.That(await EvalAsync<int>(page, "() => window.geoViewer.featureCount"), Is.EqualTo(1702), "after switching to the change layer");
        string shot = OutputPath("browser-gm-1702.png");
        await page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot);
        await page.CloseAsync();
    }
}
