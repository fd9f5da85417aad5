using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Equality;

/// <summary>Headline metrics, equality breakdowns and the options ranking of one appraisal.</summary>
public sealed record AppraisalAggregates(
    IReadOnlyList<OptionMetrics> Metrics,
    IReadOnlyList<EqualityRow> Equality,
    IReadOnlyList<RankingRow> Ranking,
    int SCurveHorizonMinutes)
{
    /// <summary>Time bands by upper bound, inclusive (see <see cref="Within"/>): "15-30" is over 15 up to and including 30 minutes.</summary>
    public static readonly IReadOnlyList<(string Name, double From, double To)> Bands =
        [("0-15", 0, 15), ("15-30", 15, 30), ("30-45", 30, 45), ("45-60", 45, 60), ("60+", 60, double.PositiveInfinity)];

    /// <summary>
    /// Computes everything from scored blocks. <paramref name="weightsByService"/>[s][zone] is demand for service s, or residents.
    /// The age dimension always weights by residents aged 65+ and under 65.
    /// </summary>
    /// <param name="visitsByService">Optional visits per year per zone, per service, for annual cost and carbon totals.</param>
    public static AppraisalAggregates Compute(ScoringResult result, IReadOnlyList<double[]> weightsByService, EqualitySpec? settings = null,
        RankingWeights? rankingWeights = null, IReadOnlyList<double[]>? visitsByService = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(weightsByService);
        settings ??= new EqualitySpec();
        var horizon = Horizon(result);
        var metrics = new List<OptionMetrics>(result.Blocks.Count);
        var equality = new List<EqualityRow>();
        var dimensions = EqualityDimensions.Build(result.Zones, settings);
        for (var o = 0; o < result.Options.Count; o++)
        {
            for (var m = 0; m < result.Modes.Count; m++)
            {
                for (var s = 0; s < result.Services.Count; s++)
                {
                    var block = result.Block(o, m, s);
                    var baseline = result.Block(0, m, s);
                    var weights = weightsByService[s];
                    metrics.Add(ComputeMetrics(block, baseline, weights, horizon, isBaseline: o == 0) with
                    {
                        Annual = visitsByService is null ? null : AnnualTotals.Of(block, visitsByService[s]),
                    });
                    EqualityImpact.AddRows(equality, block, baseline, weights, result.Zones, dimensions, settings, isBaseline: o == 0);
                }
            }
        }
        var ranking = OptionRanking.Rank(result, metrics, equality, rankingWeights);
        return new AppraisalAggregates(metrics, equality, ranking, horizon);
    }

    internal static OptionMetrics ComputeMetrics(ScoreBlock block, ScoreBlock baseline, double[] weights, int horizon, bool isBaseline)
    {
        double total = 0, reachable = 0, worse5 = 0, worse10 = 0, worse20 = 0, newlyUnreachable = 0, carbonTotal = 0, better = 0, worse = 0;
        var bands = new double[Bands.Count + 1];
        var histogram = new double[horizon + 1];
        var n = block.Count;
        for (var z = 0; z < n; z++)
        {
            var w = weights[z];
            if (!(w > 0))
            {
                continue;
            }
            total += w;
            var ok = block.Status[z] == ZoneStatus.Ok;
            if (ok)
            {
                reachable += w;
                var t = block.Minutes[z];
                var band = BandOf(t);
                bands[band] += w;
                var minute = (int)Math.Ceiling(t);
                if (minute <= horizon)
                {
                    histogram[Math.Max(0, minute)] += w;
                }
                if (!double.IsNaN(block.CarbonKg[z]))
                {
                    carbonTotal += w * block.CarbonKg[z];
                }
            }
            else
            {
                bands[Bands.Count] += w;
            }
            if (isBaseline || baseline.Status[z] != ZoneStatus.Ok)
            {
                continue;
            }
            if (!ok)
            {
                newlyUnreachable += w;
                worse += w;
                worse5 += w;
                worse10 += w;
                worse20 += w;
                continue;
            }
            var change = block.ChangeMinutes[z];
            better += change < 0 ? w : 0;
            worse += change > 0 ? w : 0;
            worse5 += change > 5 ? w : 0;
            worse10 += change > 10 ? w : 0;
            worse20 += change > 20 ? w : 0;
        }
        var curve = new double[horizon + 1];
        double cumulative = 0;
        for (var t = 0; t <= horizon; t++)
        {
            cumulative += histogram[t];
            curve[t] = total > 0 ? 100.0 * cumulative / total : 0;
        }
        var bandMap = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var b = 0; b < Bands.Count; b++)
        {
            bandMap[Bands[b].Name] = bands[b];
        }
        bandMap["unreachable"] = bands[Bands.Count];
        var hasCarbon = Array.Exists(block.CarbonKg, v => !double.IsNaN(v));
        return new OptionMetrics
        {
            Option = block.OptionId,
            Mode = block.Mode,
            Service = block.Service,
            Population = total,
            ReachablePopulation = reachable,
            UnreachablePopulation = total - reachable,
            MeanMinutes = Nullable(WeightedStats.Mean(block.Minutes, weights)),
            MedianMinutes = Nullable(WeightedStats.Quantile(block.Minutes, weights, 0.5)),
            P90Minutes = Nullable(WeightedStats.Quantile(block.Minutes, weights, 0.9)),
            MeanChange = Nullable(WeightedStats.Mean(block.ChangeMinutes, weights)),
            BetterOff = better,
            WorseOff = worse,
            Worse5 = worse5,
            Worse10 = worse10,
            Worse20 = worse20,
            NewlyUnreachable = newlyUnreachable,
            Bands = bandMap,
            MeanKm = Nullable(WeightedStats.Mean(block.Km, weights)),
            MeanCostGbp = Nullable(WeightedStats.Mean(block.CostGbp, weights)),
            MeanCarbonKg = Nullable(WeightedStats.Mean(block.CarbonKg, weights)),
            TotalCarbonKg = hasCarbon ? carbonTotal : null,
            MeanGeneralisedCostGbp = Nullable(WeightedStats.Mean(block.GeneralisedCostGbp, weights)),
            SCurvePercent = curve,
        };
    }

    internal static int BandOf(double minutes)
    {
        for (var b = 0; b < Bands.Count; b++)
        {
            if (Within.Minutes(minutes, Bands[b].To))
            {
                return b;
            }
        }
        return Bands.Count - 1;
    }

    internal static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    /// <summary>S-curve length: the longest reachable time over all blocks, rounded up, between 30 and 240 minutes.</summary>
    private static int Horizon(ScoringResult result)
    {
        double max = 0;
        foreach (var block in result.Blocks)
        {
            foreach (var t in block.Minutes)
            {
                if (t > max)
                {
                    max = t;
                }
            }
        }
        return (int)Math.Clamp(Math.Ceiling(max), 30, 240);
    }
}
