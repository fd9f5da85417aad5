namespace Geo.Viewer.Results;

/// <summary>Per-zone results for one option, mode and service (columns from zone_results.csv; NaN = missing).</summary>
public sealed class ScoreSet
{
    internal ScoreSet(string option, string mode, string service, string[] zoneIds, double[] minutes, double[] changeMinutes, string?[] siteIds, string[] statuses)
    {
        Option = option;
        Mode = mode;
        Service = service;
        ZoneIds = zoneIds;
        Minutes = minutes;
        ChangeMinutes = changeMinutes;
        SiteIds = siteIds;
        Statuses = statuses;
    }

    public string Option { get; }
    public string Mode { get; }
    public string Service { get; }
    public IReadOnlyList<string> ZoneIds { get; }
    public IReadOnlyList<double> Minutes { get; }
    public IReadOnlyList<double> ChangeMinutes { get; }
    public IReadOnlyList<string?> SiteIds { get; }
    public IReadOnlyList<string> Statuses { get; }
    public int Count => ZoneIds.Count;
}
