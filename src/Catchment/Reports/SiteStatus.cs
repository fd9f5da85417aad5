using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Reports;

/// <summary>
/// Site kinds and statuses (results contract): kind "existing" if in the baseline else "candidate"; status in an option:
/// "open" (baseline and option), "closed" (baseline only), "new" (option only), "candidate" (neither).
/// </summary>
public static class SiteStatus
{
    public static string Kind(Scenario scenario, string siteId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Baseline.Sites.ContainsKey(siteId) ? "existing" : "candidate";
    }

    public static string Status(Scenario scenario, OptionSpec option, string siteId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        var inBaseline = scenario.Baseline.Sites.ContainsKey(siteId);
        var inOption = option.Sites.ContainsKey(siteId);
        return (inBaseline, inOption) switch
        {
            (true, true) => "open",
            (true, false) => "closed",
            (false, true) => "new",
            _ => "candidate",
        };
    }
}
