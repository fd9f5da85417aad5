using Geo.Catchment.Scenarios;
namespace Geo.Catchment.Allocation;

/// <summary>Objective and constraint violation of one selection; <see cref="Violation"/> 0 means feasible.</summary>
internal readonly record struct Evaluation(double Objective, double Violation)
{
    /// <summary>Lexicographic (violation, objective) comparison in the minimising sense.</summary>
    public bool IsBetterThan(Evaluation other, bool maximise, double tolerance = 1e-9)
    {
        if (Violation < other.Violation - 1e-12)
        {
            return true;
        }
        if (Violation > other.Violation + 1e-12)
        {
            return false;
        }
        var scale = Math.Max(1, Math.Abs(other.Objective));
        return maximise ? Objective > other.Objective + tolerance * scale : Objective < other.Objective - tolerance * scale;
    }
}

/// <summary>One share of a zone's need assigned to a site (compact indices).</summary>
internal readonly record struct Assignment(int Zone, int Site, double Amount);

/// <summary>
/// Evaluates a selection of open sites exactly as the solvers and the brute-force tests define the problems:
/// uncapacitated problems assign every zone to its nearest open site; the capacitated p-median assigns by a
/// regret-ordered greedy (heuristic only: the exact solver optimises the assignment itself).
/// </summary>
internal static class SolutionEvaluator
{
    public static Evaluation Evaluate(PlacementInstance inst, PlacementProblemKind kind, bool[] open, List<Assignment>? assignment = null)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        Span<double> quintileMinutes = stackalloc double[6];
        var needsRoute = kind is PlacementProblemKind.PMedian or PlacementProblemKind.PCenter or PlacementProblemKind.CapacitatedPMedian
            || inst.MaxQuintileMeanMinutes is not null;
        var openCount = 0;
        for (var s = 0; s < m; s++)
        {
            if (open[s] && !inst.Fixed[s])
            {
                openCount++;
            }
        }
        double[]? zoneMinutes = null;
        double unassigned = 0;
        double objective = 0;
        if (kind == PlacementProblemKind.CapacitatedPMedian)
        {
            zoneMinutes = new double[n];
            unassigned = AssignCapacitated(inst, open, zoneMinutes, assignment, out objective);
        }
        double covered = 0;
        double core20Covered = 0;
        double unreachable = 0;
        double worst = 0;
        for (var z = 0; z < n; z++)
        {
            var row = (long)z * m;
            var best = double.PositiveInfinity;
            for (var s = 0; s < m; s++)
            {
                if (open[s])
                {
                    var t = inst.Minutes[row + s];
                    if (t < best)
                    {
                        best = t;
                    }
                }
            }
            var w = inst.Need[z];
            if (Scoring.Within.Minutes(best, inst.ThresholdMinutes))
            {
                covered += w;
                if (inst.Core20[z])
                {
                    core20Covered += w;
                }
            }
            if (double.IsPositiveInfinity(best))
            {
                unreachable += w;
            }
            var used = zoneMinutes is null ? best : zoneMinutes[z];
            if (zoneMinutes is null && kind == PlacementProblemKind.PMedian)
            {
                objective += w * best;
            }
            if (used > worst)
            {
                worst = used;
            }
            quintileMinutes[inst.Quintile[z]] += w * used;
        }
        objective = kind switch
        {
            PlacementProblemKind.Mclp => covered,
            PlacementProblemKind.Lscp => openCount,
            PlacementProblemKind.PCenter => worst,
            _ => objective,
        };
        var violation = 0.0;
        if (needsRoute && unreachable > 0)
        {
            violation += 1 + unreachable / inst.TotalNeed;
        }
        if (kind == PlacementProblemKind.Lscp && covered < inst.TotalNeed)
        {
            violation += 1 + (inst.TotalNeed - covered) / inst.TotalNeed;
        }
        if (unassigned > 0)
        {
            violation += 1 + unassigned / inst.TotalNeed;
        }
        if (inst.Core20MinShare is { } floor && inst.Core20Need > 0)
        {
            var share = core20Covered / inst.Core20Need;
            if (share < floor - 1e-9)
            {
                violation += floor - share;
            }
        }
        if (inst.MaxQuintileMeanMinutes is { } cap)
        {
            for (var q = 1; q <= 5; q++)
            {
                if (inst.QuintileNeed[q] > 0)
                {
                    var mean = quintileMinutes[q] / inst.QuintileNeed[q];
                    if (double.IsNaN(mean) || mean > cap * (1 + 1e-9))
                    {
                        violation += double.IsFinite(mean) ? (mean - cap) / cap : 1;
                    }
                }
            }
        }
        return new Evaluation(objective, violation);
    }

    /// <summary>
    /// Regret-ordered greedy capacitated assignment (zones with the largest gap between their best and second-best open site go first).
    /// Single assignment puts a zone's whole need on its nearest open site with room; split assignment fills sites in order of minutes.
    /// Returns the need that could not be assigned.
    /// </summary>
    private static double AssignCapacitated(PlacementInstance inst, bool[] open, double[] zoneMinutes, List<Assignment>? assignment, out double cost)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var capacity = inst.Capacity!;
        var remaining = new double[m];
        var openSites = new List<int>();
        for (var s = 0; s < m; s++)
        {
            if (open[s])
            {
                remaining[s] = capacity[s];
                openSites.Add(s);
            }
        }
        var regret = new double[n];
        var order = new int[n];
        for (var z = 0; z < n; z++)
        {
            order[z] = z;
            double b1 = double.PositiveInfinity, b2 = double.PositiveInfinity;
            foreach (var s in openSites)
            {
                var t = inst.At(z, s);
                if (t < b1)
                {
                    b2 = b1;
                    b1 = t;
                }
                else if (t < b2)
                {
                    b2 = t;
                }
            }
            regret[z] = -(double.IsPositiveInfinity(b2) ? double.MaxValue : (b2 - b1) * inst.Need[z]);
        }
        Array.Sort(regret, order);
        var split = inst.Problem.SplitAssignment;
        var sorted = new List<int>(openSites.Count);
        double unassigned = 0;
        cost = 0;
        foreach (var z in order)
        {
            sorted.Clear();
            sorted.AddRange(openSites);
            sorted.Sort((a, b) => inst.At(z, a).CompareTo(inst.At(z, b)));
            var left = inst.Need[z];
            double weightedMinutes = 0;
            foreach (var s in sorted)
            {
                var t = inst.At(z, s);
                if (double.IsPositiveInfinity(t) || left <= 0)
                {
                    break;
                }
                var take = split ? Math.Min(left, remaining[s]) : (remaining[s] >= left - 1e-9 ? left : 0);
                if (take <= 0)
                {
                    continue;
                }
                remaining[s] -= take;
                left -= take;
                weightedMinutes += take * t;
                cost += take * t;
                assignment?.Add(new Assignment(z, s, take));
            }
            if (left > 1e-9)
            {
                unassigned += left;
                zoneMinutes[z] = double.PositiveInfinity;
            }
            else
            {
                zoneMinutes[z] = weightedMinutes / inst.Need[z];
            }
        }
        return unassigned;
    }
}
