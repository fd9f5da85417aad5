using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Infeasibility that does not depend on the selection, found before any solver runs: p above the candidates, zones with
/// need and no route to any site, LSCP zones beyond the threshold of every site, a Core20 floor or capacities out of
/// reach even with the best candidates open. Each reason is one line naming the zones or values at fault.
/// </summary>
internal static class PlacementFeasibility
{
    /// <summary>The reason no selection can satisfy the problem, or null when these checks pass.</summary>
    public static string? Check(PlacementInstance inst, PlacementProblemKind kind)
    {
        if (kind != PlacementProblemKind.Lscp && inst.NewSites > inst.CandidateCount)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"p = {inst.NewSites} new sites is larger than the {inst.CandidateCount} candidate sites that are not already existing; lower p or add candidates");
        }
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var needsRoute = kind is PlacementProblemKind.PMedian or PlacementProblemKind.PCenter or PlacementProblemKind.CapacitatedPMedian
            || inst.MaxQuintileMeanMinutes is not null;
        var unreachable = new List<string>();
        var uncovered = new List<string>();
        double core20Reachable = 0;
        for (var z = 0; z < n; z++)
        {
            var best = double.PositiveInfinity;
            for (var s = 0; s < m; s++)
            {
                best = Math.Min(best, inst.At(z, s));
            }
            if (double.IsPositiveInfinity(best))
            {
                unreachable.Add(inst.ZoneId(z));
            }
            if (!Within.Minutes(best, inst.ThresholdMinutes))
            {
                uncovered.Add(inst.ZoneId(z));
            }
            else if (inst.Core20[z])
            {
                core20Reachable += inst.Need[z];
            }
        }
        if (needsRoute && unreachable.Count > 0)
        {
            return $"{unreachable.Count} zone(s) with need > 0 have no route to any existing or candidate site: {List(unreachable)}; give them a route or a need of 0";
        }
        if (kind == PlacementProblemKind.Lscp && uncovered.Count > 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"LSCP: {uncovered.Count} zone(s) are more than {inst.ThresholdMinutes} minutes from every existing and candidate site: {List(uncovered)}; raise the threshold, add candidates or give them a need of 0");
        }
        if (inst.Core20MinShare is { } floor && inst.Core20Need > 0 && core20Reachable / inst.Core20Need < floor - 1e-9)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the Core20 coverage floor {floor:P1} cannot be met: even with every candidate open only {core20Reachable / inst.Core20Need:P1} of Core20 need is within {inst.ThresholdMinutes} minutes");
        }
        return kind == PlacementProblemKind.CapacitatedPMedian ? CheckCapacity(inst) : null;
    }

    /// <summary>The constraints of the problem in words, for the reasons the solvers give.</summary>
    public static string DescribeConstraints(PlacementInstance inst, PlacementProblemKind kind)
    {
        var parts = new List<string>();
        if (kind == PlacementProblemKind.CapacitatedPMedian)
        {
            parts.Add("site capacities");
        }
        if (kind == PlacementProblemKind.Lscp)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"coverage of every zone within {inst.ThresholdMinutes} minutes"));
        }
        if (inst.Core20MinShare is { } floor)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Core20 coverage floor ({floor:P1} of Core20 need within {inst.ThresholdMinutes} minutes)"));
        }
        if (inst.MaxQuintileMeanMinutes is { } cap)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"IMD quintile mean-minutes cap ({cap} minutes)"));
        }
        if (parts.Count == 0)
        {
            parts.Add("routes from every zone with need to an open site");
        }
        return string.Join(" and ", parts) + $" with p = {inst.NewSites} new sites";
    }

    private static string? CheckCapacity(PlacementInstance inst)
    {
        var capacity = inst.Capacity!;
        double fixedCapacity = 0;
        var candidateCapacity = new List<double>();
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (inst.Fixed[s])
            {
                fixedCapacity += capacity[s];
            }
            else
            {
                candidateCapacity.Add(capacity[s]);
            }
        }
        candidateCapacity.Sort();
        candidateCapacity.Reverse();
        var most = fixedCapacity;
        for (var k = 0; k < inst.NewSites && k < candidateCapacity.Count; k++)
        {
            most += candidateCapacity[k];
        }
        return most < inst.TotalNeed * (1 - 1e-12)
            ? string.Create(CultureInfo.InvariantCulture,
                $"capacities cannot hold the need: total need {inst.TotalNeed:G6} exceeds the largest capacity of the existing sites plus {inst.NewSites} candidates ({most:G6})")
            : null;
    }

    private static string List(List<string> ids) =>
        ids.Count <= 20 ? string.Join(", ", ids) : string.Join(", ", ids.Take(20)) + $" and {ids.Count - 20} more";
}
