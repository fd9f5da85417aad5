namespace Geo.Core;

/// <summary>
/// Site kinds and per-option statuses of the results contract (sites.geojson, summary.json, maps), defined once for the
/// appraisal that writes them and the viewer that draws them (the web page reads them from the viewer's /api/site-statuses).
/// </summary>
public static class SiteStatuses
{
    /// <summary>Kind of a site in the baseline.</summary>
    public const string Existing = "existing";

    /// <summary>In the baseline and the option.</summary>
    public const string Open = "open";

    /// <summary>In the baseline only: closing in this option.</summary>
    public const string Closed = "closed";

    /// <summary>In the option only.</summary>
    public const string New = "new";

    /// <summary>In neither (kind of a site not in the baseline; status of a site that another option opens).</summary>
    public const string Candidate = "candidate";

    /// <summary>Viewer only: the site offers the mapped service in no option (a placement-only candidate); not drawn.</summary>
    public const string None = "none";

    /// <summary>Symbols are drawn first (bottom) to last (top): closing sites on top.</summary>
    public static readonly IReadOnlyList<string> DrawOrder = [Candidate, Open, New, Closed];

    /// <summary>Legend text for a status, the same on static maps and the web page ("closed" reads "closing").</summary>
    public static string Label(string status) => status switch
    {
        Closed => "closing",
        Candidate => "candidate (other option)",
        _ => status,
    };

    /// <summary>"existing" for a baseline site, else "candidate".</summary>
    public static string Kind(bool inBaseline) => inBaseline ? Existing : Candidate;

    /// <summary>Status of a site in an option from whether the baseline and the option have it.</summary>
    public static string Status(bool inBaseline, bool inOption) => (inBaseline, inOption) switch
    {
        (true, true) => Open,
        (true, false) => Closed,
        (false, true) => New,
        _ => Candidate,
    };
}
