using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Equality;

/// <summary>
/// Per-group aggregates (weight, mean, median and p90 minutes, mean change, worse by more than 5/10/20 minutes, bands) and
/// flags. A group is flagged (options only, never the baseline) when it is worse off (its weighted mean change is a lengthening)
/// AND that change exceeds the whole population's mean change by more than <see cref="EqualitySpec.AbsoluteMarginMinutes"/>
/// (default 2 min) AND by more than <see cref="EqualitySpec.RelativeMargin"/> (default 10%) of the absolute whole-population
/// mean change AND it is not small: it has at least <see cref="EqualitySpec.MinGroupZones"/> zones and
/// <see cref="EqualitySpec.MinGroupPeople"/> residents (smaller groups are shown, marked small, never flagged).
/// A group that gains, but less than everyone else, is not flagged. Age and census groups (each zone weighted by its count
/// of the group's people or households) are compared with the whole resident population's mean change.
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
        if (groupMeanChange <= 0)
        {
            return false;
        }
        var excess = groupMeanChange - overallMeanChange;
        return excess > settings.AbsoluteMarginMinutes && excess > settings.RelativeMargin * Math.Abs(overallMeanChange);
    }

    /// <summary>
    /// A group too small to flag: fewer zones than <see cref="EqualitySpec.MinGroupZones"/>, or a count below the minimum for
    /// its unit (<see cref="EqualitySpec.MinGroupPeople"/> for people, <see cref="EqualitySpec.MinGroupHouseholds"/> for households).
    /// </summary>
    public static bool IsSmall(int zones, double count, EqualitySpec settings, string? unit = CensusSpec.People)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return zones < settings.MinGroupZones || count < settings.MinGroupCount(unit);
    }

    internal static void AddRows(List<EqualityRow> rows, ScoreBlock block, ScoreBlock baseline, double[] weights, ZoneTable zones,
        EqualityDimensions dimensions, EqualitySpec settings, bool isBaseline)
    {
        var overall = WeightedStats.Mean(block.ChangeMinutes, weights);
        foreach (var dimension in dimensions.Grouped)
        {
            for (var g = 0; g < dimension.Groups.Length; g++)
            {
                var members = dimension.Members.AsSpan(dimension.GroupStart[g], dimension.GroupStart[g + 1] - dimension.GroupStart[g]);
                rows.Add(Row(members, weights, block, baseline, dimension.Name, dimension.Groups[g], overall, settings, isBaseline, zones.Population)
                    with { GroupName = dimension.GroupNames[g] });
            }
        }
        if (dimensions.HasAge)
        {
            var overallResidents = WeightedStats.Mean(block.ChangeMinutes, zones.Population);
            var all = dimensions.AgeMembers;
            rows.Add(Row(all, dimensions.UnderSixtyFive, block, baseline, "age", "under 65", overallResidents, settings, isBaseline, dimensions.UnderSixtyFive)
                with { Unit = CensusSpec.People });
            rows.Add(Row(all, zones.Age65Plus, block, baseline, "age", "65+", overallResidents, settings, isBaseline, zones.Age65Plus)
                with { Unit = CensusSpec.People });
        }
        if (dimensions.Census.Count > 0)
        {
            // Census groups, like age, weight each zone by its count and compare with the whole resident population.
            var overallResidents = WeightedStats.Mean(block.ChangeMinutes, zones.Population);
            foreach (var g in dimensions.Census)
            {
                rows.Add(Row(g.Members, g.Counts, block, baseline, g.Dimension, g.Group, overallResidents, settings, isBaseline, g.Counts, g.Unit) with { Unit = g.Unit });
            }
        }
    }

    private static EqualityRow Row(ReadOnlySpan<int> members, double[] weights, ScoreBlock block, ScoreBlock baseline,
        string dimension, string group, double overall, EqualitySpec settings, bool isBaseline, double[] residentsOf, string countUnit = CensusSpec.People)
    {
        var n = members.Length;
        var w = new double[n];
        var minutes = new double[n];
        var change = new double[n];
        double total = 0, worse5 = 0, worse10 = 0, worse20 = 0, residents = 0;
        var bands = new double[AppraisalAggregates.Bands.Count + 1];
        for (var i = 0; i < n; i++)
        {
            var z = members[i];
            var weight = weights[z];
            w[i] = weight;
            residents += residentsOf[z] > 0 ? residentsOf[z] : 0;
            minutes[i] = block.Minutes[z];
            change[i] = block.ChangeMinutes[z];
            if (!(weight > 0))
            {
                continue;
            }
            total += weight;
            var ok = block.Status[z] == ZoneStatus.Ok;
            bands[ok ? AppraisalAggregates.BandOf(block.Minutes[z]) : AppraisalAggregates.Bands.Count] += weight;
            if (isBaseline || baseline.Status[z] != ZoneStatus.Ok)
            {
                continue;
            }
            var c = ok ? change[i] : double.PositiveInfinity; // newly unreachable counts as worse by any margin
            worse5 += c > 5 ? weight : 0;
            worse10 += c > 10 ? weight : 0;
            worse20 += c > 20 ? weight : 0;
        }
        var bandMap = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var b = 0; b < AppraisalAggregates.Bands.Count; b++)
        {
            bandMap[AppraisalAggregates.Bands[b].Name] = bands[b];
        }
        bandMap["unreachable"] = bands[AppraisalAggregates.Bands.Count];
        var meanChange = WeightedStats.Mean(change, w);
        var small = IsSmall(n, residents, settings, countUnit);
        return new EqualityRow
        {
            Option = block.OptionId,
            Mode = block.Mode,
            Service = block.Service,
            Dimension = dimension,
            Group = group,
            Population = total,
            Zones = n,
            Residents = residents,
            SmallGroup = small,
            MeanMinutes = AppraisalAggregates.Nullable(WeightedStats.Mean(minutes, w)),
            MedianMinutes = AppraisalAggregates.Nullable(WeightedStats.Quantile(minutes, w, 0.5)),
            P90Minutes = AppraisalAggregates.Nullable(WeightedStats.Quantile(minutes, w, 0.9)),
            MeanChange = AppraisalAggregates.Nullable(meanChange),
            OverallMeanChange = AppraisalAggregates.Nullable(overall),
            Worse5 = worse5,
            Worse10 = worse10,
            Worse20 = worse20,
            Bands = bandMap,
            Flag = !isBaseline && !small && IsFlagged(meanChange, overall, settings),
            // A ratio of two changes only reads sensibly when the population as a whole travels longer.
            Ratio = !double.IsNaN(meanChange) && !double.IsNaN(overall) && overall > 0 ? meanChange / overall : null,
        };
    }
}
