using System.Text.Json;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;
using Microsoft.Playwright;

namespace Geo.Viewer.Tests.Browser;

/// <summary>The viewer's need maps (a layer choice) and visit flows on the synthetic grid, in the system Chromium.</summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class NeedMapBrowserTests
{
    [Test]
    public async Task NeedLayer_PointsPerZoneAndFlows_LegendFromTheServerAndNoErrors()
    {
        using var results = SyntheticResults.Grid();
        // Care homes: two in the first zone, one in the sixth (zone centres); flows from two zones to H1.
        var z0 = results.Zones[0];
        var z5 = results.Zones[5];
        File.WriteAllText(results.Path(ResultsFolder.NeedPointsFile), JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new[] { (z0.Lon, z0.Lat), (z0.Lon + 0.001, z0.Lat), (z5.Lon, z5.Lat) }.Select(p => new
            {
                type = "Feature", properties = new { set = "care homes" }, geometry = new { type = "Point", coordinates = new[] { p.Item1, p.Item2 } },
            }),
        }));
        var specs = new List<NeedMapSpec>
        {
            new() { Layer = MapLayer.Density, Title = "Residents per km²" },
            new() { Layer = MapLayer.Points, PointSet = "care homes", Title = "Care homes per zone" },
        };
        File.WriteAllText(results.Path(ResultsFolder.NeedMapsFile), JsonSerializer.Serialize(specs, NeedMapSpec.Json));
        var lines = FlowLines.Build(ResultsFolder.Load(results.Folder), [(z0.Id, "H1", 40), (z5.Id, "H1", 10)], out _);
        File.WriteAllBytes(results.Path(ResultsFolder.FlowsFile), FlowLines.ToGeoJson(lines));

        await using var host = await ViewerHost.StartAsync(results.Folder);
        var (playwright, browser) = await SystemChromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
            var errors = new List<string>();
            // The browser's own /favicon.ico request (the page has none) is not the page's error.
            page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal)) { errors.Add(m.Text + " at " + m.Location); } };
            page.PageError += (_, e) => errors.Add(e);
            page.Response += (_, r) => { if (r.Status >= 400) { errors.Add(r.Status + " " + r.Url); } };
            await page.GotoAsync(host.Server.Address + "#layer=need&need=points-care-homes&flows=1");
            await page.WaitForFunctionAsync("() => window.geoViewer && window.geoViewer.ready", null, new() { Timeout = 60000 });

            var legend = await page.EvaluateAsync<JsonElement>("() => window.geoViewer.legend");
            Assert.That(legend.GetProperty("title").GetString(), Is.EqualTo("Care homes per zone (points)"));
            var counts = legend.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.That(counts, Is.EqualTo(new[] { 22, 1, 1 }), "0 care homes: 22 zones; 1: one zone; 2 or more: one zone");
            Assert.That(await page.TextContentAsync("#legend"), Does.Contain("care homes (3 points)"));
            Assert.That(await page.IsVisibleAsync("#needLabel"), Is.True, "need map choice shown");
            Assert.That(await page.IsVisibleAsync("#flowKey"), Is.True, "flow legend shown");
            Assert.That(await page.TextContentAsync("#flowKey"), Does.Contain("40 visits"));
            Assert.That(await page.EvaluateAsync<int>("() => window.geoViewer.needPointCount()"), Is.EqualTo(3));

            await page.SelectOptionAsync("#need", "density");
            await page.WaitForFunctionAsync("() => window.geoViewer.legend.title === 'Residents per km²'", null, new() { Timeout = 30000 });
            Assert.That(await page.EvaluateAsync<string?>("() => window.geoViewer.lastError"), Is.Null);
            Assert.That(await page.IsVisibleAsync("#banner"), Is.False);
            Assert.That(errors, Is.Empty);
        }
        finally
        {
            await SystemChromium.CloseAsync(playwright, browser);
        }
    }
}
