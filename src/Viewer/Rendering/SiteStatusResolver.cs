using Geo.Core;

using Geo.Viewer.Results;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Status of a site for one option and one service, and the order site symbols are drawn in. The web page gets these
/// statuses from /api/site-statuses (<see cref="Server.SiteStatusJson"/>) and keeps no rule of its own.
/// </summary>
/// <remarks>
/// sites.geojson's <c>status_&lt;option&gt;</c> is per site (open if the site is in both the baseline and the option, whatever
/// services it offers). When <c>services_&lt;option&gt;</c> lists (";"-separated) are present the status is derived per
/// service instead: a site that loses the mapped service is "closed" on that service's map even if it keeps another one.
/// Without those lists the per-site status is used as written.
/// </remarks>
public static class SiteStatusResolver
{
    /// <summary>Drawn first (bottom) to last (top).</summary>
    public static IReadOnlyList<string> DrawOrder => SiteStatuses.DrawOrder;

    /// <summary>Status "none": the site never offers the service in any option (a placement-only candidate); not drawn.</summary>
    public const string None = SiteStatuses.None;

    /// <summary>
    /// "open", "closed", "new" or "candidate" (in some option but not this one), or <see cref="None"/> when the site offers the
    /// service in no option at all. <paramref name="option"/> null: "open" for existing sites, <see cref="None"/> otherwise.
    /// </summary>
    /// <param name="site">A sites.geojson feature.</param>
    /// <param name="option">Option id, or null for maps that are not about an option.</param>
    /// <param name="service">Mapped service; null or empty uses the per-site status.</param>
    /// <param name="baselineId">Id of the baseline option (first option in summary.json).</param>
    /// <param name="optionIds">Every option id including the baseline.</param>
    public static string StatusFor(GeoFeature site, string? option, string? service, string baselineId, IReadOnlyList<string> optionIds)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(optionIds);
        bool perService = !string.IsNullOrEmpty(service) && site.Properties.ContainsKey("services_" + baselineId);
        if (option is null)
        {
            bool existing = perService ? Offers(site, baselineId, service!) : site.GetString("kind") != SiteStatuses.Candidate;
            return existing ? SiteStatuses.Open : None;
        }

        if (perService)
        {
            bool inBase = Offers(site, baselineId, service!);
            bool inOption = Offers(site, option, service!);
            if (inBase || inOption)
            {
                return SiteStatuses.Status(inBase, inOption);
            }

            foreach (string o in optionIds)
            {
                if (Offers(site, o, service!))
                {
                    return SiteStatuses.Candidate;
                }
            }

            return None;
        }

        string status = site.GetString("status_" + option) ?? (site.GetString("kind") == SiteStatuses.Candidate ? SiteStatuses.Candidate : SiteStatuses.Open);
        if (status != SiteStatuses.Candidate)
        {
            return status;
        }

        foreach (string o in optionIds)
        {
            if (site.GetString("status_" + o) is { } s && s != SiteStatuses.Candidate)
            {
                return SiteStatuses.Candidate;
            }
        }

        return None;
    }

    /// <summary>Index in <see cref="DrawOrder"/>; -1 for statuses that are not drawn.</summary>
    public static int OrderOf(string status)
    {
        for (int i = 0; i < DrawOrder.Count; i++)
        {
            if (DrawOrder[i] == status)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Offers(GeoFeature site, string option, string service)
    {
        string? list = site.GetString("services_" + option);
        if (string.IsNullOrEmpty(list))
        {
            return false;
        }

        foreach (string s in list.Split(';'))
        {
            if (s.Trim() == service)
            {
                return true;
            }
        }

        return false;
    }
}
