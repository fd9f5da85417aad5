namespace Geo.Catchment.Equality;

/// <summary>
/// Headline figures for one option x mode x service, weighted by demand (or residents). Minutes statistics cover reachable
/// zones; <see cref="Population"/> is the whole weight. Worse-by counts include zones reachable in the baseline that become
/// unreachable. Bands: "0-15", "15-30", "30-45", "45-60", "60+" (upper bound inclusive: "15-30" is over 15 up to and including 30 minutes; see <see cref="Scoring.Within"/>) and "unreachable".
/// <see cref="SCurvePercent"/>[t] = % of the whole weight reaching a site within t minutes.
/// </summary>
public sealed record OptionMetrics
{
    public required string Option { get; init; }
    public required string Mode { get; init; }
    public required string Service { get; init; }
    public double Population { get; init; }
    public double ReachablePopulation { get; init; }
    public double UnreachablePopulation { get; init; }
    public double? MeanMinutes { get; init; }
    public double? MedianMinutes { get; init; }
    public double? P90Minutes { get; init; }
    public double? MeanChange { get; init; }
    /// <summary>Weight whose time falls against the baseline (both reachable).</summary>
    public double BetterOff { get; init; }
    /// <summary>Weight whose time rises against the baseline, or who can no longer reach a site.</summary>
    public double WorseOff { get; init; }
    public double Worse5 { get; init; }
    public double Worse10 { get; init; }
    public double Worse20 { get; init; }
    public double NewlyUnreachable { get; init; }
    public required IReadOnlyDictionary<string, double> Bands { get; init; }
    public double? MeanKm { get; init; }
    public double? MeanCostGbp { get; init; }
    public double? MeanCarbonKg { get; init; }
    /// <summary>Sum of weight x carbon per visit: the total if every unit of weight makes one visit.</summary>
    public double? TotalCarbonKg { get; init; }
    public double? MeanGeneralisedCostGbp { get; init; }
    public required IReadOnlyList<double> SCurvePercent { get; init; }
    /// <summary>Yearly totals when the scenario gives visits per year; null otherwise.</summary>
    public AnnualTotals? Annual { get; init; }
}
