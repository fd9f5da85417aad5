namespace Geo.Catchment.Equality;

/// <summary>An option's place (1 = best) and score (0-100, higher is better) in the appraisal; see <see cref="OptionRanking"/>.</summary>
public sealed record RankingRow(string Option, int Rank, double Score);
