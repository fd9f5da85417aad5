using System.Globalization;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Weights of the options ranking's four criteria (scenario "ranking"); they need not sum to 1 (the score divides by their sum).
/// Defaults: mean minutes 0.4, 90th percentile minutes 0.3, share over 30 minutes or unreachable 0.2, equality flags 0.1.
/// </summary>
public sealed record RankingWeights
{
    public double MeanMinutes { get; init; } = 0.4;
    public double P90Minutes { get; init; } = 0.3;
    public double Over30Minutes { get; init; } = 0.2;
    public double EqualityFlags { get; init; } = 0.1;

    public double Total => MeanMinutes + P90Minutes + Over30Minutes + EqualityFlags;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"score 0-100 (higher is better), averaged over mode x service: per criterion the best option scores 1 and the worst 0; weights (set \"ranking\" in the scenario): mean minutes {MeanMinutes:0.##}, 90th percentile minutes {P90Minutes:0.##}, share over 30 minutes or unreachable {Over30Minutes:0.##}, equality flags {EqualityFlags:0.##}");
}
