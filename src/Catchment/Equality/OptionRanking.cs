using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Equality;

/// <summary>
/// Ranks the baseline and options on headline metrics. For each mode x service, four criteria are scaled across the options
/// so the best option scores 1 and the worst 0 (all equal: 1): weighted mean minutes, p90 minutes, share of the weight over
/// 30 minutes or unreachable, and the number of equality flags, weighted by <see cref="RankingWeights"/> (defaults 0.4, 0.3,
/// 0.2, 0.1; settable in the scenario). An option with no reachable zone scores 0 on the time criteria.
/// Score = 100 x the weighted criteria / the sum of the weights, averaged over every mode x service;
/// rank 1 = highest score (ties keep file order).
/// </summary>
public static class OptionRanking
{
    public static IReadOnlyList<RankingRow> Rank(ScoringResult result, IReadOnlyList<OptionMetrics> metrics, IReadOnlyList<EqualityRow> equality,
        RankingWeights? weights = null)
    {
        weights ??= new RankingWeights();
        var total = weights.Total > 0 ? weights.Total : 1;
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(equality);
        var options = result.Options.Count;
        var score = new double[options];
        var pairs = 0;
        foreach (var mode in result.Modes)
        {
            foreach (var service in result.Services)
            {
                pairs++;
                var mean = new double[options];
                var p90 = new double[options];
                var over30 = new double[options];
                var flags = new double[options];
                for (var o = 0; o < options; o++)
                {
                    var id = result.Options[o].Id;
                    var m = metrics.First(x => x.Option == id && x.Mode == mode && x.Service == service);
                    mean[o] = m.MeanMinutes ?? double.NaN;
                    p90[o] = m.P90Minutes ?? double.NaN;
                    var over = m.Bands["30-45"] + m.Bands["45-60"] + m.Bands["60+"] + m.Bands["unreachable"];
                    over30[o] = m.Population > 0 ? over / m.Population : 0;
                    flags[o] = equality.Count(e => e.Option == id && e.Mode == mode && e.Service == service && e.Flag);
                }
                var a = Scale(mean);
                var b = Scale(p90);
                var c = Scale(over30);
                var d = Scale(flags);
                for (var o = 0; o < options; o++)
                {
                    score[o] += (weights.MeanMinutes * a[o] + weights.P90Minutes * b[o] + weights.Over30Minutes * c[o] + weights.EqualityFlags * d[o]) / total;
                }
            }
        }
        var order = Enumerable.Range(0, options).OrderByDescending(o => Math.Round(score[o], 9)).ThenBy(o => o).ToArray();
        var rows = new RankingRow[options];
        for (var r = 0; r < order.Length; r++)
        {
            var o = order[r];
            rows[r] = new RankingRow(result.Options[o].Id, r + 1, Math.Round(100.0 * score[o] / Math.Max(1, pairs), 2));
        }
        return rows;
    }

    /// <summary>Lower is better: best -> 1, worst -> 0, all equal -> 1; NaN (nothing reachable) -> 0.</summary>
    internal static double[] Scale(double[] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }
        var scaled = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scaled[i] = double.IsNaN(values[i]) ? 0 : max - min < 1e-12 ? 1 : (max - values[i]) / (max - min);
        }
        return scaled;
    }
}
