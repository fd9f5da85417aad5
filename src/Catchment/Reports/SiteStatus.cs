using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Reports;

/// <summary>
/// Site kind and status in an option (results contract) for a scenario's sites, by the rules in <see cref="SiteStatuses"/>.
/// </summary>
public static class SiteStatus
{
    public static string Kind(Scenario scenario, string siteId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return SiteStatuses.Kind(scenario.Baseline.Sites.ContainsKey(siteId));
    }

    public static string Status(Scenario scenario, OptionSpec option, string siteId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        return SiteStatuses.Status(scenario.Baseline.Sites.ContainsKey(siteId), option.Sites.ContainsKey(siteId));
    }
}
