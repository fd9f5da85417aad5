using Geo.Catchment.Scenarios;
using System.Diagnostics;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Heuristics for the problems the fast interchange does not cover (LSCP, p-center, capacitated p-median) and for
/// repairing equity violations: greedy set cover, binary search on the radius, and a plain first-improvement
/// swap search that evaluates each selection in full (O(zones x sites) per evaluation). The matrix is read by rows; the
/// cover searches use <see cref="CoverLists"/> (zones per site, transposed once) instead of column reads.
/// </summary>
internal static class PlacementHeuristics
{
    /// <summary>
    /// Greedy set cover within <paramref name="radius"/>: from the fixed sites, repeatedly opens the candidate that covers
    /// the most uncovered zones (ties: most uncovered need, then lowest index). Stops when all are covered or
    /// <paramref name="maxNew"/> are open. <paramref name="complete"/> tells whether every zone is covered.
    /// </summary>
    public static bool[] GreedyCover(PlacementInstance inst, double radius, int maxNew, out bool complete) =>
        GreedyCover(inst, new CoverLists(inst, radius), maxNew, out complete);

    /// <inheritdoc cref="GreedyCover(PlacementInstance, double, int, out bool)"/>
    public static bool[] GreedyCover(PlacementInstance inst, CoverLists lists, int maxNew, out bool complete)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var open = (bool[])inst.Fixed.Clone();
        var covered = new bool[n];
        var left = n;
        // Uncovered zones each site covers, kept up to date as zones get covered (integers: exact).
        var count = new int[m];
        for (var s = 0; s < m; s++)
        {
            if (open[s])
            {
                left -= Cover(lists.Of(s), covered, inst, lists.Radius, count: null);
            }
        }
        for (var s = 0; s < m; s++)
        {
            foreach (var z in lists.Of(s))
            {
                count[s] += covered[z] ? 0 : 1;
            }
        }
        var added = 0;
        while (left > 0 && added < maxNew)
        {
            var best = -1;
            var bestNeed = double.NaN;
            for (var s = 0; s < m; s++)
            {
                if (open[s] || count[s] == 0 || (best >= 0 && count[s] < count[best]))
                {
                    continue;
                }
                if (best < 0 || count[s] > count[best])
                {
                    best = s;
                    bestNeed = double.NaN;
                    continue;
                }
                // Tie on count: most uncovered need, summed in zone order as a fresh sum would be.
                if (double.IsNaN(bestNeed))
                {
                    bestNeed = UncoveredNeed(inst, lists.Of(best), covered);
                }
                var need = UncoveredNeed(inst, lists.Of(s), covered);
                if (need > bestNeed)
                {
                    best = s;
                    bestNeed = need;
                }
            }
            if (best < 0)
            {
                break;
            }
            open[best] = true;
            added++;
            left -= Cover(lists.Of(best), covered, inst, lists.Radius, count);
        }
        complete = left == 0;
        return open;
    }

    /// <summary>Marks <paramref name="zones"/> covered; for each newly covered zone, one row read lowers the count of every site covering it. Returns how many were newly covered.</summary>
    private static int Cover(ReadOnlySpan<int> zones, bool[] covered, PlacementInstance inst, double radius, int[]? count)
    {
        var newly = 0;
        var m = inst.SiteCount;
        foreach (var z in zones)
        {
            if (covered[z])
            {
                continue;
            }
            covered[z] = true;
            newly++;
            if (count is null)
            {
                continue;
            }
            var row = inst.Minutes.AsSpan((int)((long)z * m), m);
            for (var s = 0; s < m; s++)
            {
                if (row[s] <= radius)
                {
                    count[s]--;
                }
            }
        }
        return newly;
    }

    private static double UncoveredNeed(PlacementInstance inst, ReadOnlySpan<int> zones, bool[] covered)
    {
        double need = 0;
        foreach (var z in zones)
        {
            if (!covered[z])
            {
                need += inst.Need[z];
            }
        }
        return need;
    }

    /// <summary>Removes opened candidates (last opened first is not tracked; highest index first) that are not needed for coverage.</summary>
    public static void DropRedundant(PlacementInstance inst, bool[] open, double radius) => DropRedundant(inst, open, new CoverLists(inst, radius));

    /// <inheritdoc cref="DropRedundant(PlacementInstance, bool[], double)"/>
    public static void DropRedundant(PlacementInstance inst, bool[] open, CoverLists lists)
    {
        var coverCount = new int[inst.ZoneCount];
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (open[s])
            {
                foreach (var z in lists.Of(s))
                {
                    coverCount[z]++;
                }
            }
        }
        for (var s = inst.SiteCount - 1; s >= 0; s--)
        {
            if (!open[s] || inst.Fixed[s])
            {
                continue;
            }
            var needed = false;
            foreach (var z in lists.Of(s))
            {
                if (coverCount[z] == 1)
                {
                    needed = true;
                    break;
                }
            }
            if (!needed)
            {
                open[s] = false;
                foreach (var z in lists.Of(s))
                {
                    coverCount[z]--;
                }
            }
        }
    }

    /// <summary>
    /// Opens further candidates one at a time, each the one lowering the need-weighted minutes most, until <paramref name="target"/>
    /// new sites are open. One row-major pass per site opened; the site opened last is folded into the nearest minutes during the next.
    /// </summary>
    public static void FillByMedianGain(PlacementInstance inst, bool[] open, int target)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var opened = 0;
        for (var s = 0; s < m; s++)
        {
            if (open[s] && !inst.Fixed[s])
            {
                opened++;
            }
        }
        var d1 = new double[n];
        for (var z = 0; z < n; z++)
        {
            d1[z] = double.PositiveInfinity;
            for (var s = 0; s < m; s++)
            {
                if (open[s])
                {
                    d1[z] = Math.Min(d1[z], inst.At(z, s));
                }
            }
        }
        var gain = new double[m];
        var last = -1;
        while (opened < target)
        {
            Array.Clear(gain);
            for (var z = 0; z < n; z++)
            {
                var row = inst.Minutes.AsSpan((int)((long)z * m), m);
                if (last >= 0)
                {
                    d1[z] = Math.Min(d1[z], row[last]);
                }
                var d = d1[z];
                var w = inst.Need[z];
                for (var s = 0; s < m; s++)
                {
                    var t = row[s];
                    if (t < d && !open[s])
                    {
                        gain[s] += double.IsPositiveInfinity(d) ? 1e18 : w * (d - t);
                    }
                }
            }
            var best = -1;
            var bestGain = double.NegativeInfinity;
            for (var s = 0; s < m; s++)
            {
                if (!open[s] && gain[s] > bestGain)
                {
                    bestGain = gain[s];
                    best = s;
                }
            }
            if (best < 0)
            {
                return;
            }
            open[best] = true;
            opened++;
            last = best;
        }
    }

    /// <summary>p-center heuristic: binary search over the distinct minutes for the smallest radius a greedy cover reaches with p new sites (stops early at the deadline once a cover is known).</summary>
    public static bool[] PCenter(PlacementInstance inst, Stopwatch clock, double deadlineSeconds)
    {
        var radii = DistinctMinutes(inst);
        var lo = 0;
        var hi = radii.Length - 1;
        bool[]? best = null;
        while (lo <= hi && (best is null || clock.Elapsed.TotalSeconds < deadlineSeconds))
        {
            var mid = (lo + hi) / 2;
            var open = GreedyCover(inst, radii[mid], inst.NewSites, out var complete);
            if (complete)
            {
                best = open;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        best ??= GreedyCover(inst, double.PositiveInfinity, inst.NewSites, out _);
        FillByMedianGain(inst, best, inst.NewSites);
        return best;
    }

    /// <summary>Sorted distinct finite minutes of the compact matrix, at least the largest "nearest site over all sites" minutes.</summary>
    public static double[] DistinctMinutes(PlacementInstance inst)
    {
        double lower = 0;
        for (var z = 0; z < inst.ZoneCount; z++)
        {
            var best = double.PositiveInfinity;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                best = Math.Min(best, inst.At(z, s));
            }
            lower = Math.Max(lower, best);
        }
        var set = new HashSet<double>();
        foreach (var t in inst.Minutes)
        {
            if (double.IsFinite(t) && t >= lower)
            {
                set.Add(t);
            }
        }
        var radii = set.ToArray();
        Array.Sort(radii);
        return radii;
    }

    /// <summary>
    /// First-improvement swap search on (violation, objective) with full evaluation of every selection. Keeps the number of
    /// new sites. Stops at a 1-swap local optimum or at the deadline.
    /// </summary>
    public static Evaluation SwapSearch(PlacementInstance inst, PlacementProblemKind kind, bool[] open, Stopwatch clock, double deadlineSeconds)
    {
        var maximise = kind == PlacementProblemKind.Mclp;
        var current = SolutionEvaluator.Evaluate(inst, kind, open);
        var m = inst.SiteCount;
        var improved = true;
        while (improved && clock.Elapsed.TotalSeconds < deadlineSeconds)
        {
            improved = false;
            for (var add = 0; add < m && !improved; add++)
            {
                if (open[add])
                {
                    continue;
                }
                for (var remove = 0; remove < m && !improved; remove++)
                {
                    if (!open[remove] || inst.Fixed[remove])
                    {
                        continue;
                    }
                    open[add] = true;
                    open[remove] = false;
                    var trial = SolutionEvaluator.Evaluate(inst, kind, open);
                    if (trial.IsBetterThan(current, maximise))
                    {
                        current = trial;
                        improved = true;
                    }
                    else
                    {
                        open[add] = false;
                        open[remove] = true;
                    }
                }
                if (clock.Elapsed.TotalSeconds >= deadlineSeconds)
                {
                    break;
                }
            }
        }
        return current;
    }

    /// <summary>Adds candidates one at a time (each the one reducing the violation most) until feasible or none helps. Used by LSCP.</summary>
    public static Evaluation AddUntilFeasible(PlacementInstance inst, PlacementProblemKind kind, bool[] open)
    {
        var current = SolutionEvaluator.Evaluate(inst, kind, open);
        while (current.Violation > 0)
        {
            var best = -1;
            var bestEval = current;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                if (open[s])
                {
                    continue;
                }
                open[s] = true;
                var trial = SolutionEvaluator.Evaluate(inst, kind, open);
                open[s] = false;
                if (trial.Violation < bestEval.Violation - 1e-12)
                {
                    bestEval = trial;
                    best = s;
                }
            }
            if (best < 0)
            {
                break;
            }
            open[best] = true;
            current = bestEval;
        }
        return current;
    }
}
