using Geo.Catchment.Scenarios;
using System.Diagnostics;
using System.Globalization;
using Geo.Core;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Entry point for site placement: <see cref="Solve"/> validates a <see cref="PlacementProblem"/>, picks a solver and
/// returns a <see cref="PlacementResult"/>.
/// <para><b>Automatic solver choice</b> (<see cref="PlacementSolverChoice.Auto"/>), by zones-with-need x candidate sites:
/// exact when at most <see cref="ExactPairLimitMedian"/> pairs for p-median, p-center and capacitated p-median
/// (their models have one variable per pair), at most <see cref="ExactPairLimitCovering"/> for MCLP and LSCP (one
/// variable per zone and site); heuristic above. The exact solver always starts from the heuristic solution.</para>
/// <para><b>Exact</b>: p-median without equity constraints first tries to prove the heuristic optimal with a Lagrangian
/// bound, then SCIP (not above <see cref="MipPairLimitMedian"/> pairs: then the heuristic solution and the Lagrangian bound are returned); MCLP, LSCP, capacitated p-median and constrained p-median use SCIP MIPs; p-center is a binary search
/// over the distinct minutes, each step an LSCP-style MIP. At the time limit the best solution is returned with its bound
/// and gap (status <see cref="PlacementStatus.TimeLimitFeasible"/>); if the heuristic solution is better than the MIP's incumbent it is kept.</para>
/// <para><b>Heuristic</b>: p-median and MCLP: greedy + vertex substitution (fast interchange); LSCP: greedy cover and
/// removal of redundant sites; p-center: binary search with greedy covers then swaps; capacitated: p-median start then
/// swaps under a regret-greedy assignment; any equity violation is then repaired by swaps. Heuristics give no bound.</para>
/// <para>Errors: <see cref="InvalidPlacementProblemException"/> for a badly posed problem (wrong lengths, negative need or
/// capacity, a missing threshold...). A well-posed problem without a feasible selection is not an error: it returns status
/// <see cref="PlacementStatus.Infeasible"/> or <see cref="PlacementStatus.NoSolutionFound"/> and the reason.</para>
/// </summary>
public static class LocationAllocation
{
    /// <summary>Auto uses the exact solver up to this many zone x site pairs for p-median, p-center and capacitated p-median.</summary>
    public const long ExactPairLimitMedian = 250_000;
    /// <summary>Auto uses the exact solver up to this many zone x site pairs for MCLP and LSCP.</summary>
    public const long ExactPairLimitCovering = 2_000_000;
    /// <summary>Above this many pairs the p-median MIP is not attempted (its model alone takes tens of seconds to build); the
    /// exact path then returns the heuristic solution with the Lagrangian bound and gap.</summary>
    public const long MipPairLimitMedian = 500_000;
    /// <summary>Relative gap at or below which a solution is reported optimal.</summary>
    public const double OptimalityGapTolerance = 1e-6;
    /// <summary>Swap searches that evaluate selections in full are skipped above this many zone x site pairs.</summary>
    private const long FullSwapPairLimit = 2_000_000;

    /// <summary>
    /// Solves <paramref name="problem"/>. A badly posed problem throws <see cref="InvalidPlacementProblemException"/>; a well-posed
    /// one that has no feasible selection returns status <see cref="PlacementStatus.Infeasible"/> or
    /// <see cref="PlacementStatus.NoSolutionFound"/> with the <see cref="PlacementResult.Reason"/>.
    /// </summary>
    public static PlacementResult Solve(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        var clock = Stopwatch.StartNew();
        var inst = new PlacementInstance(problem);
        var notes = new List<string>();
        if (PlacementFeasibility.Check(inst, problem.Kind) is { } reason)
        {
            return PlacementResult.WithoutSelection(problem, PlacementStatus.Infeasible, reason, "feasibility check", clock.Elapsed.TotalSeconds, notes);
        }
        var pairs = (long)inst.ZoneCount * inst.SiteCount;
        var limit = problem.Kind is PlacementProblemKind.Mclp or PlacementProblemKind.Lscp ? ExactPairLimitCovering : ExactPairLimitMedian;
        var exact = problem.Solver switch
        {
            PlacementSolverChoice.Exact => true,
            PlacementSolverChoice.Heuristic => false,
            _ => pairs <= limit,
        };
        if (problem.Solver == PlacementSolverChoice.Auto)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"auto solver: {inst.ZoneCount} zones with need x {inst.SiteCount} sites = {pairs} pairs {(exact ? "<=" : ">")} {limit} -> {(exact ? "exact" : "heuristic")}"));
        }
        var deadline = problem.TimeLimitSeconds;
        var heuristic = RunHeuristic(inst, problem.Kind, clock, exact ? deadline * 0.25 : deadline, notes, out var heuristicName);
        var evaluation = SolutionEvaluator.Evaluate(inst, problem.Kind, heuristic);
        Selection selection;
        if (exact)
        {
            selection = RunExact(inst, problem.Kind, heuristic, evaluation, clock, deadline, notes);
        }
        else if (evaluation.Violation > 0)
        {
            selection = Selection.None(PlacementStatus.NoSolutionFound, "heuristic: " + heuristicName,
                $"the heuristic found no selection that satisfies the {PlacementFeasibility.DescribeConstraints(inst, problem.Kind)}; try --solver exact, which can prove whether one exists");
        }
        else
        {
            selection = new Selection(heuristic, PlacementStatus.Heuristic, double.NaN, "heuristic: " + heuristicName, null);
        }
        return selection.Status.HasSelection()
            ? BuildResult(inst, problem, selection, clock, notes)
            : PlacementResult.WithoutSelection(problem, selection.Status, selection.Reason!, selection.Solver, clock.Elapsed.TotalSeconds, notes);
    }

    /// <summary>What a solver path returns: the open sites (compact indices) with status, bound and solver name, or no
    /// selection (<see cref="Open"/> null) with the reason.</summary>
    private sealed record Selection(bool[]? Open, PlacementStatus Status, double Bound, string Solver, List<Assignment>? Assignment, string? Reason = null)
    {
        public static Selection None(PlacementStatus status, string solver, string reason) => new(null, status, double.NaN, solver, null, reason);
    }

    /// <summary>Extra seeded random starts of the interchange up to 1,000,000 zone x site pairs (3 up to 10,000,000, none above), within half the time limit.</summary>
    private const int InterchangeRestarts = 15;

    private static bool[] RandomSelection(PlacementInstance inst, Random random)
    {
        var open = (bool[])inst.Fixed.Clone();
        var candidates = new List<int>();
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (!inst.Fixed[s])
            {
                candidates.Add(s);
            }
        }
        for (var k = 0; k < inst.NewSites; k++)
        {
            var pick = k + random.Next(candidates.Count - k);
            (candidates[k], candidates[pick]) = (candidates[pick], candidates[k]);
            open[candidates[k]] = true;
        }
        return open;
    }

    private static bool[] RunHeuristic(PlacementInstance inst, PlacementProblemKind kind, Stopwatch clock, double deadline, List<string> notes, out string name)
    {
        bool[] open;
        var pairs = (long)inst.ZoneCount * inst.SiteCount;
        switch (kind)
        {
            case PlacementProblemKind.PMedian:
            case PlacementProblemKind.Mclp:
            {
                var interchange = VertexSubstitution.Create(inst, kind);
                open = interchange.Greedy(inst.NewSites);
                var cost = interchange.Improve(open, clock, deadline);
                // A fixed number of restarts by size keeps the answer independent of timing (unless half the time limit passes).
                var restartCount = pairs <= 1_000_000 ? InterchangeRestarts : pairs <= 10_000_000 ? 3 : 0;
                var restartDeadline = deadline * 0.5;
                // 1-swap local optima can be a few per cent off (coverage has plateaus): restart from seeded random selections.
                var restarts = 0;
                var random = new Random(12345);
                for (var k = 0; k < restartCount && clock.Elapsed.TotalSeconds < restartDeadline; k++)
                {
                    var start = RandomSelection(inst, random);
                    var startCost = interchange.Improve(start, clock, deadline);
                    restarts++;
                    if (startCost < cost)
                    {
                        cost = startCost;
                        open = start;
                    }
                }
                name = string.Create(CultureInfo.InvariantCulture, $"greedy + vertex substitution (fast interchange), best of {restarts + 1} starts");
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"vertex substitution made {interchange.Swaps} swaps"));
                break;
            }
            case PlacementProblemKind.Lscp:
            {
                var lists = new CoverLists(inst, inst.ThresholdMinutes);
                open = PlacementHeuristics.GreedyCover(inst, lists, int.MaxValue, out _);
                PlacementHeuristics.DropRedundant(inst, open, lists);
                PlacementHeuristics.AddUntilFeasible(inst, kind, open);
                name = "greedy set cover + redundancy removal";
                return open;
            }
            case PlacementProblemKind.PCenter:
            {
                open = PlacementHeuristics.PCenter(inst, clock, deadline);
                name = "binary search on the radius with greedy covers";
                if (pairs <= FullSwapPairLimit)
                {
                    PlacementHeuristics.SwapSearch(inst, kind, open, clock, deadline);
                    name += " + swaps";
                }
                break;
            }
            default:
            {
                var interchange = VertexSubstitution.Create(inst, PlacementProblemKind.PMedian);
                open = interchange.Greedy(inst.NewSites);
                interchange.Improve(open, clock, deadline);
                name = "uncapacitated p-median start + swaps under regret-greedy assignment";
                PlacementHeuristics.SwapSearch(inst, kind, open, clock, deadline);
                return open;
            }
        }
        if (inst.HasEquity && SolutionEvaluator.Evaluate(inst, kind, open).Violation > 0)
        {
            PlacementHeuristics.SwapSearch(inst, kind, open, clock, deadline);
            name += " + equity repair swaps";
        }
        return open;
    }

    private static Selection RunExact(
        PlacementInstance inst, PlacementProblemKind kind, bool[] heuristic, Evaluation heuristicEval, Stopwatch clock, double deadline, List<string> notes)
    {
        const string Scip = "exact: SCIP MIP (OR-Tools)";
        var hint = heuristicEval.Violation > 0 ? null : heuristic;
        var maximise = kind == PlacementProblemKind.Mclp;
        var lagrangian = double.NaN;
        if (kind == PlacementProblemKind.PMedian && !inst.HasEquity)
        {
            lagrangian = LagrangianPMedianBound.Compute(inst, heuristicEval.Objective, clock, deadline * 0.4, OptimalityGapTolerance, maxIterations: 5000);
            if (RelativeGap(heuristicEval.Objective, lagrangian) <= OptimalityGapTolerance)
            {
                return new Selection(heuristic, PlacementStatus.Optimal, Math.Min(lagrangian, heuristicEval.Objective), "exact: Lagrangian bound + vertex substitution", null);
            }
            var pairs = (long)inst.ZoneCount * inst.SiteCount;
            if (pairs > MipPairLimitMedian)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{pairs} zone x site pairs is too large for the p-median MIP (limit {MipPairLimitMedian}); the heuristic solution is returned with the Lagrangian bound"));
                return new Selection(heuristic, PlacementStatus.TimeLimitFeasible, lagrangian, "heuristic + Lagrangian bound (instance too large for the MIP)", null);
            }
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Lagrangian bound left a gap of {RelativeGap(heuristicEval.Objective, lagrangian):G3}; solving the MIP"));
        }
        if (kind == PlacementProblemKind.PCenter)
        {
            return PCenterExact(inst, heuristic, heuristicEval, clock, deadline);
        }
        var remaining = Math.Max(0.5, deadline - clock.Elapsed.TotalSeconds);
        var outcome = MipPlacementSolver.Solve(inst, kind, remaining, hint);
        if (!outcome.HasSolution)
        {
            if (outcome.ProvenInfeasible)
            {
                return Selection.None(PlacementStatus.Infeasible, Scip,
                    $"no selection satisfies the {PlacementFeasibility.DescribeConstraints(inst, kind)} (proven by the exact solver)");
            }
            if (heuristicEval.Violation > 0)
            {
                return Selection.None(PlacementStatus.NoSolutionFound, Scip,
                    $"the exact solver found no feasible selection within the time limit ({PlacementFeasibility.DescribeConstraints(inst, kind)}); raise --time-limit");
            }
            if (!double.IsNaN(lagrangian))
            {
                notes.Add("the MIP found no solution within the time limit; the heuristic solution is returned with the Lagrangian bound");
                return new Selection(heuristic, PlacementStatus.TimeLimitFeasible, lagrangian, "heuristic + Lagrangian bound (MIP timed out)", null);
            }
            notes.Add("the exact solver found no solution within the time limit; the heuristic solution is returned without a bound");
            return new Selection(heuristic, PlacementStatus.Heuristic, double.NaN, "heuristic (exact solver timed out)", null);
        }
        if (outcome.Proven)
        {
            return new Selection(outcome.Open, PlacementStatus.Optimal, outcome.Bound, Scip, outcome.Assignment);
        }
        // Time limit: keep the better of the MIP incumbent and the heuristic, with the best proven bound.
        var bound = outcome.Bound;
        if (!double.IsNaN(lagrangian) && (double.IsNaN(bound) || lagrangian > bound))
        {
            bound = lagrangian;
        }
        var mipEval = SolutionEvaluator.Evaluate(inst, kind, outcome.Open);
        var mipObjective = kind == PlacementProblemKind.CapacitatedPMedian ? outcome.Objective : mipEval.Objective;
        var heuristicBetter = heuristicEval.Violation == 0
            && (maximise ? heuristicEval.Objective > mipObjective : heuristicEval.Objective < mipObjective);
        notes.Add(heuristicBetter
            ? "time limit reached: the heuristic solution beat the MIP incumbent; the bound is the best proven"
            : "time limit reached: best MIP solution with its bound");
        return heuristicBetter
            ? new Selection(heuristic, PlacementStatus.TimeLimitFeasible, bound, Scip + ", time limit; heuristic incumbent", null)
            : new Selection(outcome.Open, PlacementStatus.TimeLimitFeasible, bound, Scip + ", time limit", outcome.Assignment);
    }

    private static Selection PCenterExact(PlacementInstance inst, bool[] heuristic, Evaluation heuristicEval, Stopwatch clock, double deadline)
    {
        const string Solver = "exact: binary search on the radius, SCIP covering MIPs (OR-Tools)";
        var radii = PlacementHeuristics.DistinctMinutes(inst);
        var lo = 0;
        var hi = radii.Length - 1;
        bool[]? best = null;
        if (heuristicEval.Violation == 0)
        {
            hi = Array.BinarySearch(radii, heuristicEval.Objective);
            hi = hi < 0 ? radii.Length - 1 : hi;
            best = heuristic;
        }
        var proven = true;
        while (lo < hi || best is null)
        {
            if (lo > hi)
            {
                return Selection.None(PlacementStatus.Infeasible, Solver,
                    $"no selection satisfies the {PlacementFeasibility.DescribeConstraints(inst, PlacementProblemKind.PCenter)} (proven by the exact solver)");
            }
            var mid = (lo + hi) / 2;
            var remaining = deadline - clock.Elapsed.TotalSeconds;
            if (remaining <= 0)
            {
                proven = false;
                break;
            }
            var outcome = MipPlacementSolver.Solve(inst, PlacementProblemKind.PCenter, remaining, null, radii[mid], inst.NewSites);
            if (outcome.HasSolution)
            {
                best = outcome.Open;
                PlacementHeuristics.FillByMedianGain(inst, best, inst.NewSites);
                hi = mid;
                if (best is not null && lo == hi)
                {
                    break;
                }
            }
            else if (outcome.ProvenInfeasible)
            {
                lo = mid + 1;
            }
            else
            {
                proven = false;
                break;
            }
        }
        if (best is null)
        {
            return Selection.None(PlacementStatus.NoSolutionFound, Solver, "the exact p-center search found no feasible selection within the time limit; raise --time-limit");
        }
        var boundValue = proven ? SolutionEvaluator.Evaluate(inst, PlacementProblemKind.PCenter, best).Objective : radii[Math.Min(lo, radii.Length - 1)];
        return new Selection(best, proven ? PlacementStatus.Optimal : PlacementStatus.TimeLimitFeasible, boundValue, Solver, null);
    }

    internal static double RelativeGap(double objective, double bound) =>
        double.IsNaN(bound) ? double.NaN : Math.Abs(objective - bound) / Math.Max(Math.Abs(objective), 1e-9);

    private static PlacementResult BuildResult(PlacementInstance inst, PlacementProblem problem, Selection selection, Stopwatch clock, List<string> notes)
    {
        var kind = problem.Kind;
        var open = selection.Open!;
        var assignment = selection.Assignment;
        var status = selection.Status;
        var bound = selection.Bound;
        if (kind == PlacementProblemKind.CapacitatedPMedian && assignment is null)
        {
            assignment = [];
            SolutionEvaluator.Evaluate(inst, kind, open, assignment);
        }
        var evaluation = SolutionEvaluator.Evaluate(inst, kind, open);
        var objective = evaluation.Objective;
        if (kind == PlacementProblemKind.CapacitatedPMedian)
        {
            objective = 0;
            foreach (var a in assignment!)
            {
                objective += a.Amount * inst.At(a.Zone, a.Site);
            }
        }
        if (status == PlacementStatus.Optimal && !double.IsNaN(bound))
        {
            bound = kind == PlacementProblemKind.Mclp ? Math.Max(bound, objective) : Math.Min(bound, objective);
        }
        var openSites = new List<int>();
        var newSites = new List<int>();
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (open[s])
            {
                openSites.Add(inst.SiteOf[s]);
                if (!inst.Fixed[s])
                {
                    newSites.Add(inst.SiteOf[s]);
                }
            }
        }
        openSites.Sort();
        newSites.Sort();
        var allocations = Allocate(inst, problem, openSites, assignment, out var zoneMinutes);
        var groups = Summaries(problem, zoneMinutes, out var core20, out var worstQuintile);
        return new PlacementResult
        {
            Problem = problem,
            Solver = selection.Solver,
            Status = status,
            Objective = objective,
            ObjectiveDescription = PlacementResult.DescribeObjective(kind),
            Bound = bound,
            Gap = RelativeGap(objective, bound),
            Seconds = clock.Elapsed.TotalSeconds,
            OpenSites = openSites,
            NewSites = newSites,
            Allocations = allocations,
            Groups = groups,
            Core20CoveredShare = core20,
            WorstQuintileMeanMinutes = worstQuintile,
            Notes = notes,
        };
    }

    private static List<ZoneAllocation> Allocate(PlacementInstance inst, PlacementProblem problem, List<int> openSites, List<Assignment>? assignment, out double[] zoneMinutes)
    {
        var zones = problem.ZoneCount;
        var sites = problem.SiteCount;
        var minutes = problem.Matrix.Minutes;
        zoneMinutes = new double[zones];
        List<ZoneAllocation>[]? assigned = null;
        if (assignment is not null)
        {
            assigned = new List<ZoneAllocation>[zones];
            foreach (var a in assignment)
            {
                var zone = inst.ZoneOf[a.Zone];
                var site = inst.SiteOf[a.Site];
                (assigned[zone] ??= []).Add(new ZoneAllocation(zone, site, minutes[(long)zone * sites + site], a.Amount));
            }
        }
        var result = new List<ZoneAllocation>(zones);
        for (var i = 0; i < zones; i++)
        {
            if (assigned?[i] is { } rows)
            {
                rows.Sort((a, b) => a.Site.CompareTo(b.Site));
                result.AddRange(rows);
                double sum = 0, weight = 0;
                foreach (var r in rows)
                {
                    sum += r.Minutes * r.Need;
                    weight += r.Need;
                }
                zoneMinutes[i] = weight > 0 ? sum / weight : double.NaN;
                continue;
            }
            var best = -1;
            var bestMinutes = double.NaN;
            foreach (var s in openSites)
            {
                var t = minutes[(long)i * sites + s];
                if (!double.IsNaN(t) && (best < 0 || t < bestMinutes))
                {
                    best = s;
                    bestMinutes = t;
                }
            }
            result.Add(new ZoneAllocation(i, best, bestMinutes, problem.Need[i]));
            zoneMinutes[i] = bestMinutes;
        }
        return result;
    }

    private static List<PlacementGroupSummary> Summaries(PlacementProblem problem, double[] zoneMinutes, out double? core20Share, out double? worstQuintile)
    {
        var threshold = problem.ThresholdMinutes;
        var list = new List<PlacementGroupSummary> { Summary("all", "all", problem.Need, zoneMinutes, threshold, null) };
        core20Share = null;
        worstQuintile = null;
        if (problem.ImdDecile is { } deciles)
        {
            for (var q = 0; q <= 5; q++)
            {
                var member = new bool[deciles.Length];
                var any = false;
                for (var i = 0; i < deciles.Length; i++)
                {
                    member[i] = (deciles[i] == 0 ? 0 : (deciles[i] + 1) / 2) == q;
                    any |= member[i];
                }
                if (!any)
                {
                    continue;
                }
                var summary = Summary("imd_quintile", q == 0 ? "unknown" : q.ToString(CultureInfo.InvariantCulture), problem.Need, zoneMinutes, threshold, member);
                list.Add(summary);
                if (q > 0 && summary.Weight > 0)
                {
                    var mean = summary.UnreachableWeight > 0 ? double.PositiveInfinity : summary.MeanMinutes;
                    worstQuintile = worstQuintile is null ? mean : Math.Max(worstQuintile.Value, mean);
                }
            }
            if (!double.IsNaN(threshold))
            {
                var core20 = new bool[deciles.Length];
                for (var i = 0; i < deciles.Length; i++)
                {
                    core20[i] = Imd.IsCore20(deciles[i]);
                }
                var summary = Summary("imd_core20", "core20", problem.Need, zoneMinutes, threshold, core20);
                list.Add(summary);
                core20Share = summary.CoveredShare;
            }
        }
        if (problem.ReportGroups is { } groups)
        {
            foreach (var (name, weights) in groups)
            {
                list.Add(Summary("group", name, weights, zoneMinutes, threshold, null));
            }
        }
        return list;
    }

    private static PlacementGroupSummary Summary(string dimension, string group, double[] weights, double[] zoneMinutes, double threshold, bool[]? member)
    {
        double weight = 0, sum = 0, reached = 0, covered = 0, unreachable = 0, max = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (member is not null && !member[i])
            {
                continue;
            }
            var w = weights[i];
            if (!(w > 0))
            {
                continue;
            }
            weight += w;
            var t = zoneMinutes[i];
            if (double.IsNaN(t))
            {
                unreachable += w;
                continue;
            }
            reached += w;
            sum += w * t;
            max = Math.Max(max, t);
            if (t <= threshold)
            {
                covered += w;
            }
        }
        double? share = double.IsNaN(threshold) ? null : weight > 0 ? covered / weight : 0;
        return new PlacementGroupSummary(dimension, group, weight, reached > 0 ? sum / reached : double.NaN, max, share, unreachable);
    }
}
