using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Equality;

/// <summary>
/// Per-group means and flags. A group is flagged (options only, never the baseline) when its weighted mean change exceeds the
/// whole population's mean change by more than <see cref="EqualitySpec.AbsoluteMarginMinutes"/> (default 2 min) AND by more
/// than <see cref="EqualitySpec.RelativeMargin"/> (default 10%) of the absolute whole-population mean change.
/// </summary>
public static class EqualityImpact
{
    /// <summary>The flag rule on its own (see the class summary).</summary>
    public static bool IsFlagged(double groupMeanChange, double overallMeanChange, EqualitySpec settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (double.IsNaN(groupMeanChange) || double.IsNaN(overallMeanChange))
        {
            return false;
        }
        var excess = groupMeanChange - overallMeanChange;
        return excess > settings.AbsoluteMarginMinutes && excess > settings.RelativeMargin * Math.Abs(overallMeanChange);
    }

    internal static void AddRows(List<EqualityRow> rows, ScoreBlock block, ScoreBlock baseline, double[] weights, ZoneTable zones,
        EqualityDimensions dimensions, EqualitySpec settings, bool isBaseline)
    {
        var overall = WeightedStats.Mean(block.ChangeMinutes, weights);
        foreach (var dimension in dimensions.Grouped)
        {
            var g = dimension.Groups.Length;
            var sums = new GroupSums(g);
            for (var z = 0; z < block.Count; z++)
            {
                var group = dimension.GroupOf[z];
                if (group >= 0)
                {
                    sums.Add(group, weights[z], block, baseline, z, isBaseline);
                }
            }
            for (var i = 0; i < g; i++)
            {
                rows.Add(sums.Row(i, block, dimension.Name, dimension.Groups[i], overall, settings, isBaseline));
            }
        }
        if (dimensions.HasAge)
        {
            var residents = zones.Population;
            var overallResidents = WeightedStats.Mean(block.ChangeMinutes, residents);
            var sums = new GroupSums(2);
            for (var z = 0; z < block.Count; z++)
            {
                var old = zones.Age65Plus[z];
                if (double.IsNaN(old))
                {
                    continue;
                }
                sums.Add(0, residents[z] - old, block, baseline, z, isBaseline);
                sums.Add(1, old, block, baseline, z, isBaseline);
            }
            rows.Add(sums.Row(0, block, "age", "under 65", overallResidents, settings, isBaseline));
            rows.Add(sums.Row(1, block, "age", "65+", overallResidents, settings, isBaseline));
        }
    }

    private sealed class GroupSums(int groups)
    {
        private readonly double[] _weight = new double[groups];
        private readonly double[] _minutesSum = new double[groups];
        private readonly double[] _minutesWeight = new double[groups];
        private readonly double[] _changeSum = new double[groups];
        private readonly double[] _changeWeight = new double[groups];
        private readonly double[] _worse10 = new double[groups];

        public void Add(int group, double w, ScoreBlock block, ScoreBlock baseline, int z, bool isBaseline)
        {
            if (!(w > 0))
            {
                return;
            }
            _weight[group] += w;
            if (block.Status[z] == ZoneStatus.Ok)
            {
                _minutesSum[group] += w * block.Minutes[z];
                _minutesWeight[group] += w;
            }
            var change = block.ChangeMinutes[z];
            if (!double.IsNaN(change))
            {
                _changeSum[group] += w * change;
                _changeWeight[group] += w;
                _worse10[group] += change > 10 ? w : 0;
            }
            else if (!isBaseline && baseline.Status[z] == ZoneStatus.Ok && block.Status[z] != ZoneStatus.Ok)
            {
                _worse10[group] += w;
            }
        }

        public EqualityRow Row(int i, ScoreBlock block, string dimension, string group, double overall, EqualitySpec settings, bool isBaseline)
        {
            var mean = _minutesWeight[i] > 0 ? _minutesSum[i] / _minutesWeight[i] : double.NaN;
            var change = _changeWeight[i] > 0 ? _changeSum[i] / _changeWeight[i] : double.NaN;
            return new EqualityRow
            {
                Option = block.OptionId,
                Mode = block.Mode,
                Service = block.Service,
                Dimension = dimension,
                Group = group,
                Population = _weight[i],
                MeanMinutes = AppraisalAggregates.Nullable(mean),
                MeanChange = AppraisalAggregates.Nullable(change),
                OverallMeanChange = AppraisalAggregates.Nullable(overall),
                Worse10 = _worse10[i],
                Flag = !isBaseline && IsFlagged(change, overall, settings),
                Ratio = !double.IsNaN(change) && !double.IsNaN(overall) && overall != 0 ? change / overall : null,
            };
        }
    }
}
