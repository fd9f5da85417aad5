namespace Geo.Catchment.Scenarios;

/// <summary>
/// Optional need maps for placement exercises (heat maps), drawn in the report, by <c>geo map</c> and in the viewer. With zone
/// boundaries, every run maps residents per km² and, when the scenario has providers, providers per zone; this block adds
/// point files, percentage columns and visits:
/// <code>"needMaps": { "points": [{ "label": "GP practices", "points": { "file": "gps.csv" } }], "percent": ["households_no_car"], "visits": "visits.csv" }</code>
/// </summary>
public sealed record NeedMapsSpec
{
    /// <summary>Point files counted per zone (point-in-polygon) and drawn over the zones, each with a label for the legend.</summary>
    public IReadOnlyList<NeedPointsSpec>? Points { get; init; }

    /// <summary>
    /// Zone columns mapped as percentages. A census group column (zones.census) becomes a share of its dimension: people
    /// groups of the zone's residents (population), household groups of the dimension's households (the sum of its groups);
    /// any other column (e.g. a joined obesity prevalence) is taken as already in %.
    /// </summary>
    public IReadOnlyList<string>? Percent { get; init; }

    /// <summary>Visits CSV (patient zone, site attended, optional count; the columns of <c>geo nearest --visits</c>) drawn as flow lines.</summary>
    public string? Visits { get; init; }
}

/// <summary>A labelled point file for the need maps.</summary>
public sealed record NeedPointsSpec
{
    public string Label { get; init; } = "";
    public SiteSpec Points { get; init; } = new();
}
