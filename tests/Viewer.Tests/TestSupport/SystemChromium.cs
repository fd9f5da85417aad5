using Microsoft.Playwright;

namespace Geo.Viewer.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET (there is no browser download here). Browser fixtures call
/// <see cref="LaunchAsync"/> in their one-time set-up; it ignores the fixture with a clear message when Chromium is absent.
/// </summary>
internal static class SystemChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore("Chromium not found: " + ExecutablePath + " (apt-get install -y chromium); browser tests skipped");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static async Task CloseAsync(IPlaywright? playwright, IBrowser? browser)
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
