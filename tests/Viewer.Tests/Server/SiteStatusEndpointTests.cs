using System.Text.Json;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Server;

/// <summary>/api/site-statuses gives the page every site status (one rule, in C#); app.js keeps no copy of it.</summary>
[TestFixture]
public sealed class SiteStatusEndpointTests
{
    [Test]
    public async Task SiteStatuses_EverySiteOptionAndService_AsTheStaticMapsResolveThem()
    {
        using var results = SyntheticResults.Grid();
        await using var host = await ViewerHost.StartAsync(results.Folder);
        using var res = await host.Http.GetAsync(new Uri("/api/site-statuses", UriKind.Relative));
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        var folder = ResultsFolder.Load(results.Folder);
        var optionIds = folder.Options.Select(o => o.Id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("drawOrder").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(SiteStatuses.DrawOrder));
            Assert.That(root.GetProperty("labels").GetProperty(SiteStatuses.Closed).GetString(), Is.EqualTo("closing"));
            Assert.That(folder.Sites, Is.Not.Empty);
            var checkedCount = 0;
            foreach (var site in folder.Sites)
            {
                var statuses = root.GetProperty("sites").GetProperty(site.GetString("site_id")!);
                foreach (var option in optionIds)
                {
                    foreach (var service in folder.Services)
                    {
                        Assert.That(statuses.GetProperty(option + "|" + service).GetString(),
                            Is.EqualTo(SiteStatusResolver.StatusFor(site, option, service, optionIds[0], optionIds)), site.GetString("site_id") + " " + option);
                        checkedCount++;
                    }
                }
            }
            Assert.That(checkedCount, Is.EqualTo(folder.Sites.Count * optionIds.Length * folder.Services.Count));
            // The grid closes H2 in option A: the page must be told so.
            Assert.That(root.GetProperty("sites").GetProperty("H2").GetProperty("A|" + SyntheticResults.Service).GetString(), Is.EqualTo(SiteStatuses.Closed));
        });
    }

    /// <summary>#13: the page reads statuses from the server; the per-option properties the rule reads never appear in app.js.</summary>
    [Test]
    public void AppJs_HasNoCopyOfTheSiteStatusRule()
    {
        string appJs = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot(), "src", "Viewer", "wwwroot", "app.js"));
        Assert.Multiple(() =>
        {
            Assert.That(appJs, Does.Contain("/api/site-statuses"));
            Assert.That(appJs, Does.Not.Contain("'services_'").And.Not.Contain("'status_'").And.Not.Contain("siteStatusFor"));
            Assert.That(appJs, Does.Not.Contain("'candidate', 'open', 'new', 'closed'"), "no own draw order");
        });
    }
}
