namespace Geo.Catchment.Equality;

/// <summary>
/// One group of one dimension (imd_quintile, core20, age, ward, local_authority or a categorical zone column) for one
/// option x mode x service. <see cref="Ratio"/> = group mean change / whole-population mean change (null unless that is a lengthening, > 0).
/// </summary>
public sealed record EqualityRow
{
    public required string Option { get; init; }
    public required string Mode { get; init; }
    public required string Service { get; init; }
    public required string Dimension { get; init; }
    /// <summary>The group's key: an area code (ward, local authority), an IMD quintile 1-5, "core20"/"other", or a category value.</summary>
    public required string Group { get; init; }
    /// <summary>Name shown beside the key, e.g. "Brooklands (Trafford)" for a ward code; null when the key is its own name.</summary>
    public string? GroupName { get; init; }
    /// <summary>Zones in the group.</summary>
    public int Zones { get; init; }
    /// <summary>Residents of the group's zones; for age and census groups the group's own count (households for household groups). The size test for <see cref="SmallGroup"/>, whatever the weighting.</summary>
    public double Residents { get; init; }
    /// <summary>Fewer zones or residents than the scenario's minimum group size: shown, but never flagged.</summary>
    public bool SmallGroup { get; init; }
    /// <summary>What <see cref="Population"/>, the worse-off counts and the bands count: "people" or "households" for age and
    /// census rows (weighted by their counts); null = the appraisal's weighting (residents or demand).</summary>
    public string? Unit { get; init; }
    public double Population { get; init; }
    public double? MeanMinutes { get; init; }
    public double? MedianMinutes { get; init; }
    public double? P90Minutes { get; init; }
    public double? MeanChange { get; init; }
    public double? OverallMeanChange { get; init; }
    public double Worse5 { get; init; }
    public double Worse10 { get; init; }
    public double Worse20 { get; init; }
    /// <summary>Weight by travel-time band, as in <see cref="OptionMetrics.Bands"/> (including "unreachable").</summary>
    public IReadOnlyDictionary<string, double>? Bands { get; init; }
    public bool Flag { get; init; }
    public double? Ratio { get; init; }
}
