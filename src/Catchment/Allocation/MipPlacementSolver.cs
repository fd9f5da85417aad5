using Geo.Catchment.Scenarios;
using Google.OrTools.LinearSolver;

namespace Geo.Catchment.Allocation;

/// <summary>Outcome of one MIP solve. <see cref="HasSolution"/> false with <see cref="ProvenInfeasible"/> true: no selection satisfies the constraints.</summary>
internal sealed record MipOutcome(bool HasSolution, bool Proven, bool ProvenInfeasible, bool[] Open, double Objective, double Bound, List<Assignment>? Assignment);

/// <summary>
/// Exact models solved with SCIP through Google.OrTools.LinearSolver (the OR-Tools 9.15 NuGet package ships SCIP, CBC and HiGHS;
/// SCIP is used, single-threaded and therefore deterministic). Variables: y_s (open candidate, binary; existing sites are constants),
/// x_zs (assignment, continuous except the single-assignment capacitated model), c_z (coverage, continuous in [0,1]).
/// <list type="bullet">
/// <item>p-median: min sum need_z t_zs x_zs; sum_s x_zs = 1; x_zs &lt;= y_s; sum y = p. Only pairs no slower than the zone's nearest existing site get an x.</item>
/// <item>capacitated: plus sum_z need_z x_zs &lt;= capacity_s y_s.</item>
/// <item>MCLP: max sum need_z c_z; c_z &lt;= sum_{s within T} y_s; sum y = p.</item>
/// <item>LSCP (and the p-center feasibility test at radius r): min sum y; sum_{s within r} y_s &gt;= 1 for each zone.</item>
/// <item>Core20 floor: v_z &lt;= sum_{s within T} y_s for Core20 zones; sum need_z v_z &gt;= floor x Core20 need.</item>
/// <item>Quintile cap: for each quintile, sum need_z t_zs x_zs &lt;= cap x quintile need (assignment variables are added when needed).</item>
/// </list>
/// </summary>
internal static class MipPlacementSolver
{
    /// <summary>Relative gap SCIP is asked to close.</summary>
    public const double RelativeGap = 1e-7;

    /// <param name="radius">For LSCP and the p-center test: the coverage radius (minutes); otherwise ignored.</param>
    /// <param name="maxNew">For the p-center test: at most this many new sites (-1 = no limit).</param>
    public static MipOutcome Solve(PlacementInstance inst, PlacementProblemKind kind, double timeLimitSeconds, bool[]? hint,
        double radius = double.NaN, int maxNew = -1)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var buildClock = System.Diagnostics.Stopwatch.StartNew();
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP solver is not available");
        solver.SuppressOutput();
        solver.SetNumThreads(1);
        var y = new Variable?[m];
        var candidates = new List<Variable>();
        for (var s = 0; s < m; s++)
        {
            if (!inst.Fixed[s])
            {
                y[s] = solver.MakeBoolVar("y" + s);
                candidates.Add(y[s]!);
            }
        }
        var objective = solver.Objective();
        double constant = 0;
        var cover = kind is PlacementProblemKind.Lscp;
        var isCoverTest = cover || !double.IsNaN(radius);
        if (isCoverTest)
        {
            var r = double.IsNaN(radius) ? inst.ThresholdMinutes : radius;
            for (var z = 0; z < n; z++)
            {
                if (CoveredByFixed(inst, z, r))
                {
                    continue;
                }
                var row = solver.MakeConstraint(1, double.PositiveInfinity, "");
                for (var s = 0; s < m; s++)
                {
                    if (y[s] is { } v && inst.At(z, s) <= r)
                    {
                        row.SetCoefficient(v, 1);
                    }
                }
            }
            foreach (var v in candidates)
            {
                objective.SetCoefficient(v, 1);
            }
            objective.SetMinimization();
            if (maxNew >= 0)
            {
                var count = solver.MakeConstraint(0, maxNew, "");
                foreach (var v in candidates)
                {
                    count.SetCoefficient(v, 1);
                }
            }
        }
        else
        {
            var count = solver.MakeConstraint(inst.NewSites, inst.NewSites, "");
            foreach (var v in candidates)
            {
                count.SetCoefficient(v, 1);
            }
        }

        var capacitated = kind == PlacementProblemKind.CapacitatedPMedian;
        var needAssignment = kind is PlacementProblemKind.PMedian or PlacementProblemKind.CapacitatedPMedian || inst.MaxQuintileMeanMinutes is not null;
        List<(int Zone, int Site, Variable X)>? x = null;
        if (needAssignment)
        {
            x = [];
            var assignRadius = isCoverTest && kind != PlacementProblemKind.Lscp ? radius : double.PositiveInfinity;
            var capacityRows = new Constraint?[m];
            if (capacitated)
            {
                for (var s = 0; s < m; s++)
                {
                    capacityRows[s] = solver.MakeConstraint(double.NegativeInfinity, inst.Fixed[s] ? inst.Capacity![s] : 0, "");
                    if (y[s] is { } v)
                    {
                        capacityRows[s]!.SetCoefficient(v, -inst.Capacity![s]);
                    }
                }
            }
            var single = capacitated && !inst.Problem.SplitAssignment;
            for (var z = 0; z < n; z++)
            {
                var limit = assignRadius;
                if (!capacitated)
                {
                    for (var s = 0; s < m; s++)
                    {
                        if (inst.Fixed[s])
                        {
                            limit = Math.Min(limit, inst.At(z, s));
                        }
                    }
                }
                var one = solver.MakeConstraint(1, 1, "");
                var usedFixed = false;
                for (var s = 0; s < m; s++)
                {
                    var t = inst.At(z, s);
                    if (!double.IsFinite(t) || t > limit)
                    {
                        continue;
                    }
                    if (!capacitated && inst.Fixed[s])
                    {
                        // The nearest existing site is enough; slower existing sites are never better.
                        if (usedFixed || t > limit)
                        {
                            continue;
                        }
                        usedFixed = true;
                    }
                    var xv = single ? solver.MakeBoolVar("") : solver.MakeNumVar(0, 1, "");
                    one.SetCoefficient(xv, 1);
                    x.Add((z, s, xv));
                    if (y[s] is { } v)
                    {
                        var link = solver.MakeConstraint(double.NegativeInfinity, 0, "");
                        link.SetCoefficient(xv, 1);
                        link.SetCoefficient(v, -1);
                    }
                    capacityRows[s]?.SetCoefficient(xv, inst.Need[z]);
                    if (kind is PlacementProblemKind.PMedian or PlacementProblemKind.CapacitatedPMedian)
                    {
                        objective.SetCoefficient(xv, inst.Need[z] * t);
                    }
                }
            }
            if (kind is PlacementProblemKind.PMedian or PlacementProblemKind.CapacitatedPMedian)
            {
                objective.SetMinimization();
            }
            if (inst.MaxQuintileMeanMinutes is { } cap)
            {
                var rows = new Constraint?[6];
                for (var q = 1; q <= 5; q++)
                {
                    if (inst.QuintileNeed[q] > 0)
                    {
                        rows[q] = solver.MakeConstraint(double.NegativeInfinity, cap * inst.QuintileNeed[q], "");
                    }
                }
                foreach (var (z, s, xv) in x)
                {
                    rows[inst.Quintile[z]]?.SetCoefficient(xv, inst.Need[z] * inst.At(z, s));
                }
            }
        }

        if (kind == PlacementProblemKind.Mclp)
        {
            for (var z = 0; z < n; z++)
            {
                if (CoveredByFixed(inst, z, inst.ThresholdMinutes))
                {
                    constant += inst.Need[z];
                    continue;
                }
                var c = CoverageVariable(solver, inst, y, z);
                if (c is not null)
                {
                    objective.SetCoefficient(c, inst.Need[z]);
                }
            }
            objective.SetMaximization();
        }

        if (inst.Core20MinShare is { } floor && inst.Core20Need > 0)
        {
            var coveredByFixed = 0.0;
            var terms = new List<(Variable, double)>();
            for (var z = 0; z < n; z++)
            {
                if (!inst.Core20[z])
                {
                    continue;
                }
                if (CoveredByFixed(inst, z, inst.ThresholdMinutes))
                {
                    coveredByFixed += inst.Need[z];
                    continue;
                }
                if (CoverageVariable(solver, inst, y, z) is { } v)
                {
                    terms.Add((v, inst.Need[z]));
                }
            }
            var required = floor * inst.Core20Need - coveredByFixed - 1e-9 * inst.Core20Need;
            if (required > 0)
            {
                var row = solver.MakeConstraint(required, double.PositiveInfinity, "");
                foreach (var (v, w) in terms)
                {
                    row.SetCoefficient(v, w);
                }
            }
        }

        if (hint is not null)
        {
            var vars = new List<Variable>();
            var values = new List<double>();
            for (var s = 0; s < m; s++)
            {
                if (y[s] is { } v)
                {
                    vars.Add(v);
                    values.Add(hint[s] ? 1 : 0);
                }
            }
            if (x is not null && !capacitated)
            {
                // Complete hint: each zone on its nearest hinted site among its assignment variables.
                var nearest = new int[n];
                var nearestMinutes = new double[n];
                Array.Fill(nearest, -1);
                foreach (var (z, s, _) in x)
                {
                    if (hint[s] && (nearest[z] < 0 || inst.At(z, s) < nearestMinutes[z]))
                    {
                        nearest[z] = s;
                        nearestMinutes[z] = inst.At(z, s);
                    }
                }
                foreach (var (z, s, xv) in x)
                {
                    vars.Add(xv);
                    values.Add(nearest[z] == s ? 1 : 0);
                }
            }
            solver.SetHint([.. vars], [.. values]);
        }
        // The model build counts against the time limit.
        solver.SetTimeLimit(Math.Max(500, (long)((timeLimitSeconds - buildClock.Elapsed.TotalSeconds) * 1000)));

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, RelativeGap);
        var status = solver.Solve(parameters);
        var open = (bool[])inst.Fixed.Clone();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            var infeasible = status == Solver.ResultStatus.INFEASIBLE;
            return new MipOutcome(false, infeasible, infeasible, open, double.NaN, double.NaN, null);
        }
        for (var s = 0; s < m; s++)
        {
            if (y[s] is { } v && v.SolutionValue() > 0.5)
            {
                open[s] = true;
            }
        }
        List<Assignment>? assignment = null;
        if (capacitated && x is not null)
        {
            assignment = [];
            foreach (var (z, s, xv) in x)
            {
                var share = xv.SolutionValue();
                if (share > 1e-9)
                {
                    assignment.Add(new Assignment(z, s, share * inst.Need[z]));
                }
            }
        }
        var value = objective.Value() + constant;
        var bound = objective.BestBound() + constant;
        if (status == Solver.ResultStatus.OPTIMAL)
        {
            bound = value;
        }
        return new MipOutcome(true, status == Solver.ResultStatus.OPTIMAL, false, open, value, bound, assignment);
    }

    private static bool CoveredByFixed(PlacementInstance inst, int z, double radius)
    {
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (inst.Fixed[s] && inst.At(z, s) <= radius)
            {
                return true;
            }
        }
        return false;
    }

    private static Variable? CoverageVariable(Solver solver, PlacementInstance inst, Variable?[] y, int z)
    {
        Constraint? row = null;
        Variable? c = null;
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (y[s] is { } v && Scoring.Within.Minutes(inst.At(z, s), inst.ThresholdMinutes))
            {
                if (row is null)
                {
                    c = solver.MakeNumVar(0, 1, "");
                    row = solver.MakeConstraint(double.NegativeInfinity, 0, "");
                    row.SetCoefficient(c, 1);
                }
                row.SetCoefficient(v, -1);
            }
        }
        return c;
    }
}
