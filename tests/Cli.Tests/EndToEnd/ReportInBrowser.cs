using Microsoft.Playwright;
using NUnit.Framework;

namespace Geo.Cli.Tests.EndToEnd;

/// <summary>Opens a report.html in the system Chromium (headless, driven by Playwright) and lists what went wrong.</summary>
internal static class ReportInBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>What the page did: problems (console errors, page errors, failed requests, non-local requests, broken images) and counts.</summary>
    /// <param name="CsvLinks">"Download CSV" links with a blob: URL (one per table expected).</param>
    /// <param name="MapImages">Static maps embedded (figure.map) and how many carry the OSM attribution in their PNG text.</param>
    public sealed record Outcome(IReadOnlyList<string> Problems, int Images, int Tables, string Title, int CsvLinks = 0, int MapImages = 0,
        int MapImagesWithAttribution = 0, string Text = "");

    public static async Task<Outcome> OpenAsync(string htmlPath)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore("Chromium not found: " + ChromiumPath + " (apt-get install -y chromium); report.html browser check skipped");
        }
        var problems = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 2000 } });
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                problems.Add("console " + m.Type + ": " + m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => problems.Add("request failed: " + r.Url + " (" + r.Failure + ")");
        page.Request += (_, r) =>
        {
            // Self-contained: nothing but the file itself and data: URIs.
            if (!r.Url.StartsWith("file://", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add("non-local request: " + r.Url);
            }
        };
        var response = await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load, Timeout = 60000 });
        if (response is not null && !response.Ok)
        {
            problems.Add("report.html answered " + response.Status);
        }
        var brokenImages = await page.EvaluateAsync<int>("() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length");
        if (brokenImages > 0)
        {
            problems.Add(brokenImages + " image(s) did not decode");
        }
        var images = await page.EvaluateAsync<int>("() => document.images.length");
        var tables = await page.EvaluateAsync<int>("() => document.querySelectorAll('table').length");
        var title = await page.TitleAsync();
        var csvLinks = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('a.csv')).filter(a => a.href.startsWith('blob:') && a.download.endsWith('.csv')).length");
        var maps = await page.EvaluateAsync<int>("() => document.querySelectorAll('figure.map img').length");
        var attributed = await page.EvaluateAsync<int>(
            "() => Array.from(document.querySelectorAll('figure.map img')).filter(i => atob(i.src.split(',')[1]).includes('OpenStreetMap contributors (ODbL)')).length");
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        await page.CloseAsync();
        return new Outcome(problems, images, tables, title, csvLinks, maps, attributed, text);
    }
}
