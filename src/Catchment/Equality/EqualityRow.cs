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
    public required string Group { get; init; }
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
