using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Viewer.Tests.Rendering;

[TestFixture]
public sealed class SiteStatusResolverTests
{
    private static readonly string[] OptionIds = ["baseline", "A", "B"];

    private static GeoFeature Site(params (string Key, string Value)[] props)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in props)
        {
            d[k] = v;
        }

        return new GeoFeature(GeoGeometryKind.Point, [new[] { -1.3, 50.7 }], d);
    }

    /// <summary>Reference rule from the results contract, written out per service: in baseline / in option.</summary>
    private static string Reference(bool inBase, bool inOption, bool inAnyOption) => (inBase, inOption) switch
    {
        (true, true) => "open",
        (true, false) => "closed",
        (false, true) => "new",
        _ => inAnyOption ? "candidate" : SiteStatusResolver.None,
    };

    [Test]
    public void StatusFor_EveryServiceListCombination_MatchesContractRule()
    {
        string[] lists = [string.Empty, "outpatients", "diagnostics", "outpatients;diagnostics", "diagnostics; outpatients"];
        foreach (string b in lists)
        {
            foreach (string a in lists)
            {
                foreach (string c in lists)
                {
                    var site = Site(("kind", b.Length > 0 ? "existing" : "candidate"), ("services_baseline", b), ("services_A", a), ("services_B", c),
                        ("status_A", "open"), ("status_B", "open"));
                    foreach (string service in new[] { "outpatients", "diagnostics" })
                    {
                        bool Has(string l) => l.Split(';').Any(x => x.Trim() == service);
                        string want = Reference(Has(b), Has(a), Has(b) || Has(a) || Has(c));
                        Assert.That(SiteStatusResolver.StatusFor(site, "A", service, "baseline", OptionIds), Is.EqualTo(want),
                            $"baseline='{b}' A='{a}' B='{c}' service={service}");
                    }
                }
            }
        }
    }

    [Test]
    public void StatusFor_SiteKeepsOtherService_ClosedForLostService()
    {
        // The per-site status says "open" (the site stays in option A), but outpatients leave it.
        var site = Site(("kind", "existing"), ("status_A", "open"), ("services_baseline", "outpatients;diagnostics"), ("services_A", "diagnostics"));
        Assert.Multiple(() =>
        {
            Assert.That(SiteStatusResolver.StatusFor(site, "A", "outpatients", "baseline", OptionIds), Is.EqualTo("closed"));
            Assert.That(SiteStatusResolver.StatusFor(site, "A", "diagnostics", "baseline", OptionIds), Is.EqualTo("open"));
        });
    }

    [Test]
    public void StatusFor_NoServiceLists_UsesPerSiteStatusAndDropsPlacementOnlyCandidates()
    {
        var closing = Site(("kind", "existing"), ("status_baseline", "open"), ("status_A", "closed"), ("status_B", "open"));
        var newInB = Site(("kind", "candidate"), ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "new"));
        var never = Site(("kind", "candidate"), ("status_baseline", "candidate"), ("status_A", "candidate"), ("status_B", "candidate"));
        Assert.Multiple(() =>
        {
            Assert.That(SiteStatusResolver.StatusFor(closing, "A", "outpatients", "baseline", OptionIds), Is.EqualTo("closed"));
            Assert.That(SiteStatusResolver.StatusFor(newInB, "A", "outpatients", "baseline", OptionIds), Is.EqualTo("candidate"));
            Assert.That(SiteStatusResolver.StatusFor(newInB, "B", null, "baseline", OptionIds), Is.EqualTo("new"));
            Assert.That(SiteStatusResolver.StatusFor(never, "A", "outpatients", "baseline", OptionIds), Is.EqualTo(SiteStatusResolver.None));
            Assert.That(SiteStatusResolver.StatusFor(closing, null, null, "baseline", OptionIds), Is.EqualTo("open"));
            Assert.That(SiteStatusResolver.StatusFor(never, null, null, "baseline", OptionIds), Is.EqualTo(SiteStatusResolver.None));
        });
    }

    [Test]
    public void OrderOf_DrawOrder_CandidatesBottomClosingTop()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SiteStatusResolver.OrderOf("candidate"), Is.LessThan(SiteStatusResolver.OrderOf("open")));
            Assert.That(SiteStatusResolver.OrderOf("open"), Is.LessThan(SiteStatusResolver.OrderOf("new")));
            Assert.That(SiteStatusResolver.OrderOf("new"), Is.LessThan(SiteStatusResolver.OrderOf("closed")));
            Assert.That(SiteStatusResolver.OrderOf(SiteStatusResolver.None), Is.EqualTo(-1));
        });
    }
}
