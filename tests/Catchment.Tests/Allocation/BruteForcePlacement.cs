using Geo.Catchment.Scenarios;
using Geo.Catchment.Allocation;
using Google.OrTools.LinearSolver;

namespace Geo.Catchment.Tests.Allocation;

/// <summary>
/// Reference optimum by enumerating every selection of p candidates (LSCP: of every size, smallest first), written
/// independently of the library. Assignment: nearest open site; capacitated single assignment: every zone-to-site
/// assignment enumerated; capacitated split assignment: the transportation LP for each selection (GLOP).
/// Returns null when no selection is feasible.
/// </summary>
internal static class BruteForcePlacement
{
    public static double? Optimum(PlacementProblem problem)
    {
        var existing = Enumerable.Range(0, problem.SiteCount).Where(j => problem.IsExisting[j]).ToArray();
        var candidates = Enumerable.Range(0, problem.SiteCount).Where(j => problem.IsCandidate[j] && !problem.IsExisting[j]).ToArray();
        var maximise = problem.Kind == PlacementProblemKind.Mclp;
        if (problem.Kind == PlacementProblemKind.Lscp)
        {
            for (var k = 0; k <= candidates.Length; k++)
            {
                foreach (var subset in Subsets(candidates, k))
                {
                    if (Value(problem, [.. existing, .. subset]) is not null)
                    {
                        return k;
                    }
                }
            }
            return null;
        }
        double? best = null;
        foreach (var subset in Subsets(candidates, problem.NewSites))
        {
            var value = Value(problem, [.. existing, .. subset]);
            if (value is { } v && (best is null || (maximise ? v > best : v < best)))
            {
                best = v;
            }
        }
        return best;
    }

    /// <summary>Objective of one selection, null when infeasible.</summary>
    public static double? Value(PlacementProblem problem, int[] open)
    {
        var zones = Enumerable.Range(0, problem.ZoneCount).Where(i => problem.Need[i] > 0).ToArray();
        if (problem.Kind == PlacementProblemKind.CapacitatedPMedian)
        {
            return problem.SplitAssignment ? SplitValue(problem, zones, open) : SingleValue(problem, zones, open);
        }
        var nearest = Nearest(problem, zones, open);
        var needsRoute = problem.Kind is PlacementProblemKind.PMedian or PlacementProblemKind.PCenter || problem.MaxQuintileMeanMinutes is not null;
        if (needsRoute && zones.Any(i => double.IsPositiveInfinity(nearest[i])))
        {
            return null;
        }
        if (!Equitable(problem, zones, nearest, nearest))
        {
            return null;
        }
        switch (problem.Kind)
        {
            case PlacementProblemKind.PMedian:
                return zones.Sum(i => problem.Need[i] * nearest[i]);
            case PlacementProblemKind.Mclp:
                return zones.Where(i => nearest[i] <= problem.ThresholdMinutes).Sum(i => problem.Need[i]);
            case PlacementProblemKind.PCenter:
                return zones.Max(i => nearest[i]);
            case PlacementProblemKind.Lscp:
                return zones.All(i => nearest[i] <= problem.ThresholdMinutes) ? open.Count(j => !problem.IsExisting[j]) : null;
            default:
                throw new NotSupportedException();
        }
    }

    /// <summary>Core20 coverage is judged on the nearest open site; the quintile cap on the minutes to the allocated site.</summary>
    private static bool Equitable(PlacementProblem problem, int[] zones, double[] nearest, double[] minutes)
    {
        if (problem.Core20MinShare is { } floor)
        {
            var core = zones.Where(i => problem.ImdDecile![i] <= 2).ToArray();
            var total = core.Sum(i => problem.Need[i]);
            var covered = core.Where(i => nearest[i] <= problem.ThresholdMinutes).Sum(i => problem.Need[i]);
            if (total > 0 && covered < floor * total - 1e-9 * total)
            {
                return false;
            }
        }
        if (problem.MaxQuintileMeanMinutes is { } cap)
        {
            for (var q = 1; q <= 5; q++)
            {
                var members = zones.Where(i => (problem.ImdDecile![i] + 1) / 2 == q).ToArray();
                var weight = members.Sum(i => problem.Need[i]);
                if (weight > 0 && members.Sum(i => problem.Need[i] * minutes[i]) / weight > cap * (1 + 1e-9))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static double? SingleValue(PlacementProblem problem, int[] zones, int[] open)
    {
        var capacity = open.Select(j => problem.Capacity![j]).ToArray();
        var choice = new int[zones.Length];
        double? best = null;
        var minutes = new double[problem.ZoneCount];
        var nearest = Nearest(problem, zones, open);
        void Recurse(int k, double cost)
        {
            if (k == zones.Length)
            {
                foreach (var (zone, index) in zones.Select((z, index) => (z, index)))
                {
                    minutes[zone] = problem.Matrix.MinutesAt(zone, open[choice[index]]);
                }
                if (Equitable(problem, zones, nearest, minutes) && (best is null || cost < best))
                {
                    best = cost;
                }
                return;
            }
            var i = zones[k];
            for (var o = 0; o < open.Length; o++)
            {
                var t = problem.Matrix.MinutesAt(i, open[o]);
                if (double.IsNaN(t) || capacity[o] < problem.Need[i] - 1e-9)
                {
                    continue;
                }
                capacity[o] -= problem.Need[i];
                choice[k] = o;
                Recurse(k + 1, cost + problem.Need[i] * t);
                capacity[o] += problem.Need[i];
            }
        }
        Recurse(0, 0);
        return best;
    }

    private static double? SplitValue(PlacementProblem problem, int[] zones, int[] open)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var x = new Variable?[zones.Length, open.Length];
        var capacityRows = open.Select(j => solver.MakeConstraint(double.NegativeInfinity, problem.Capacity![j], "")).ToArray();
        var quintileRows = new Constraint?[6];
        if (problem.MaxQuintileMeanMinutes is { } cap)
        {
            for (var q = 1; q <= 5; q++)
            {
                var weight = zones.Where(i => (problem.ImdDecile![i] + 1) / 2 == q).Sum(i => problem.Need[i]);
                if (weight > 0)
                {
                    quintileRows[q] = solver.MakeConstraint(double.NegativeInfinity, cap * weight, "");
                }
            }
        }
        for (var k = 0; k < zones.Length; k++)
        {
            var i = zones[k];
            var one = solver.MakeConstraint(1, 1, "");
            for (var o = 0; o < open.Length; o++)
            {
                var t = problem.Matrix.MinutesAt(i, open[o]);
                if (double.IsNaN(t))
                {
                    continue;
                }
                var v = solver.MakeNumVar(0, 1, "");
                x[k, o] = v;
                one.SetCoefficient(v, 1);
                capacityRows[o].SetCoefficient(v, problem.Need[i]);
                solver.Objective().SetCoefficient(v, problem.Need[i] * t);
                quintileRows[(problem.ImdDecile?[i] + 1 ?? 0) / 2]?.SetCoefficient(v, problem.Need[i] * t);
            }
        }
        if (problem.Core20MinShare is not null)
        {
            // Coverage does not depend on the assignment: check it on nearest open sites.
            var nearest = Nearest(problem, zones, open);
            var withoutCap = problem with { MaxQuintileMeanMinutes = null };
            if (!Equitable(withoutCap, zones, nearest, nearest))
            {
                return null;
            }
        }
        solver.Objective().SetMinimization();
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? solver.Objective().Value() : null;
    }

    private static double[] Nearest(PlacementProblem problem, int[] zones, int[] open)
    {
        var nearest = new double[problem.ZoneCount];
        foreach (var i in zones)
        {
            nearest[i] = open.Select(j => problem.Matrix.MinutesAt(i, j)).Where(t => !double.IsNaN(t)).DefaultIfEmpty(double.PositiveInfinity).Min();
        }
        return nearest;
    }

    public static IEnumerable<int[]> Subsets(int[] items, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }
        for (var first = 0; first <= items.Length - k; first++)
        {
            foreach (var rest in Subsets(items[(first + 1)..], k - 1))
            {
                yield return [items[first], .. rest];
            }
        }
    }
}
