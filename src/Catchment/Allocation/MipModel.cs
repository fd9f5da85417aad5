using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Google.OrTools.LinearSolver;

namespace Geo.Catchment.Allocation;

/// <summary>
/// One SCIP model of <see cref="MipPlacementSolver"/>, built step by step: site variables, then the constraints of the
/// problem kind, the assignment, the equity rows and the hint; then solved and read back. The steps must run in the order
/// <see cref="MipPlacementSolver.Solve"/> calls them (the order variables and rows are created in is the model SCIP sees).
/// </summary>
internal sealed class MipModel : IDisposable
{
    private readonly PlacementInstance _inst;
    private readonly Solver _solver;
    private readonly Variable?[] _y;
    private readonly List<Variable> _candidates = [];
    private readonly Objective _objective;
    /// <summary>Objective part fixed by the existing sites (MCLP need they already cover).</summary>
    private double _constant;
    /// <summary>Assignment variables x_zs, when the model has them.</summary>
    private List<(int Zone, int Site, Variable X)>? _x;

    /// <summary>Creates the solver (single-threaded SCIP, so deterministic) and one binary y_s per candidate site (existing sites are constants).</summary>
    public MipModel(PlacementInstance inst)
    {
        _inst = inst;
        _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP solver is not available");
        _solver.SuppressOutput();
        _solver.SetNumThreads(1);
        _y = new Variable?[inst.SiteCount];
        for (var s = 0; s < inst.SiteCount; s++)
        {
            if (!inst.Fixed[s])
            {
                _y[s] = _solver.MakeBoolVar("y" + s);
                _candidates.Add(_y[s]!);
            }
        }
        _objective = _solver.Objective();
    }

    public bool IsCapacitated { get; init; }

    /// <summary>LSCP and the p-center test at radius r: every zone within r of an open site, fewest new sites, at most <paramref name="maxNew"/> (-1 = no limit).</summary>
    public void AddCoverConstraints(double radius, int maxNew)
    {
        for (var z = 0; z < _inst.ZoneCount; z++)
        {
            if (CoveredByFixed(z, radius))
            {
                continue;
            }
            var row = _solver.MakeConstraint(1, double.PositiveInfinity, "");
            for (var s = 0; s < _inst.SiteCount; s++)
            {
                if (_y[s] is { } v && _inst.At(z, s) <= radius)
                {
                    row.SetCoefficient(v, 1);
                }
            }
        }
        foreach (var v in _candidates)
        {
            _objective.SetCoefficient(v, 1);
        }
        _objective.SetMinimization();
        if (maxNew >= 0)
        {
            AddNewSiteCount(0, maxNew);
        }
    }

    /// <summary>Sum of y between <paramref name="least"/> and <paramref name="most"/> (exactly p for the p-problems).</summary>
    public void AddNewSiteCount(int least, int most)
    {
        var count = _solver.MakeConstraint(least, most, "");
        foreach (var v in _candidates)
        {
            count.SetCoefficient(v, 1);
        }
    }

    /// <summary>
    /// x_zs with sum_s x_zs = 1 per zone and x_zs &lt;= y_s; capacity rows for the capacitated model; need x minutes in the
    /// objective for the p-medians. Uncapacitated: only pairs no slower than the zone's nearest existing site (and within
    /// <paramref name="assignRadius"/>) get an x. Single assignment (capacitated, not split) makes x binary.
    /// </summary>
    public void AddAssignment(PlacementProblemKind kind, double assignRadius)
    {
        _x = [];
        var capacityRows = IsCapacitated ? CapacityRows() : new Constraint?[_inst.SiteCount];
        var single = IsCapacitated && !_inst.Problem.SplitAssignment;
        var median = kind is PlacementProblemKind.PMedian or PlacementProblemKind.CapacitatedPMedian;
        for (var z = 0; z < _inst.ZoneCount; z++)
        {
            var limit = IsCapacitated ? assignRadius : Math.Min(assignRadius, NearestFixedMinutes(z));
            var one = _solver.MakeConstraint(1, 1, "");
            var usedFixed = false;
            for (var s = 0; s < _inst.SiteCount; s++)
            {
                var t = _inst.At(z, s);
                if (!double.IsFinite(t) || t > limit)
                {
                    continue;
                }
                if (!IsCapacitated && _inst.Fixed[s])
                {
                    // The nearest existing site is enough; slower existing sites are never better.
                    if (usedFixed)
                    {
                        continue;
                    }
                    usedFixed = true;
                }
                var xv = single ? _solver.MakeBoolVar("") : _solver.MakeNumVar(0, 1, "");
                one.SetCoefficient(xv, 1);
                _x.Add((z, s, xv));
                if (_y[s] is { } v)
                {
                    var link = _solver.MakeConstraint(double.NegativeInfinity, 0, "");
                    link.SetCoefficient(xv, 1);
                    link.SetCoefficient(v, -1);
                }
                capacityRows[s]?.SetCoefficient(xv, _inst.Need[z]);
                if (median)
                {
                    _objective.SetCoefficient(xv, _inst.Need[z] * t);
                }
            }
        }
        if (median)
        {
            _objective.SetMinimization();
        }
    }

    /// <summary>For each IMD quintile: sum need_z t_zs x_zs &lt;= cap x quintile need (needs <see cref="AddAssignment"/> first).</summary>
    public void AddQuintileCap(double capMinutes)
    {
        var rows = new Constraint?[6];
        for (var q = 1; q <= 5; q++)
        {
            if (_inst.QuintileNeed[q] > 0)
            {
                rows[q] = _solver.MakeConstraint(double.NegativeInfinity, capMinutes * _inst.QuintileNeed[q], "");
            }
        }
        foreach (var (z, s, xv) in _x!)
        {
            rows[_inst.Quintile[z]]?.SetCoefficient(xv, _inst.Need[z] * _inst.At(z, s));
        }
    }

    /// <summary>MCLP: maximise sum need_z c_z with c_z &lt;= sum of y within the threshold; need already covered by existing sites is a constant.</summary>
    public void AddCoverageObjective()
    {
        for (var z = 0; z < _inst.ZoneCount; z++)
        {
            if (CoveredByFixed(z, _inst.ThresholdMinutes))
            {
                _constant += _inst.Need[z];
                continue;
            }
            if (CoverageVariable(z) is { } c)
            {
                _objective.SetCoefficient(c, _inst.Need[z]);
            }
        }
        _objective.SetMaximization();
    }

    /// <summary>Core20 floor: v_z &lt;= sum of y within the threshold for Core20 zones; sum need_z v_z &gt;= floor x Core20 need (less what existing sites cover).</summary>
    public void AddCore20Floor(double floorShare)
    {
        var coveredByFixed = 0.0;
        var terms = new List<(Variable, double)>();
        for (var z = 0; z < _inst.ZoneCount; z++)
        {
            if (!_inst.Core20[z])
            {
                continue;
            }
            if (CoveredByFixed(z, _inst.ThresholdMinutes))
            {
                coveredByFixed += _inst.Need[z];
                continue;
            }
            if (CoverageVariable(z) is { } v)
            {
                terms.Add((v, _inst.Need[z]));
            }
        }
        var required = floorShare * _inst.Core20Need - coveredByFixed - 1e-9 * _inst.Core20Need;
        if (required > 0)
        {
            var row = _solver.MakeConstraint(required, double.PositiveInfinity, "");
            foreach (var (v, w) in terms)
            {
                row.SetCoefficient(v, w);
            }
        }
    }

    /// <summary>Starts SCIP from <paramref name="open"/>; uncapacitated models also get each zone on its nearest hinted site.</summary>
    public void SetHint(bool[] open)
    {
        var vars = new List<Variable>();
        var values = new List<double>();
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            if (_y[s] is { } v)
            {
                vars.Add(v);
                values.Add(open[s] ? 1 : 0);
            }
        }
        if (_x is not null && !IsCapacitated)
        {
            var nearest = new int[_inst.ZoneCount];
            var nearestMinutes = new double[_inst.ZoneCount];
            Array.Fill(nearest, -1);
            foreach (var (z, s, _) in _x)
            {
                if (open[s] && (nearest[z] < 0 || _inst.At(z, s) < nearestMinutes[z]))
                {
                    nearest[z] = s;
                    nearestMinutes[z] = _inst.At(z, s);
                }
            }
            foreach (var (z, s, xv) in _x)
            {
                vars.Add(xv);
                values.Add(nearest[z] == s ? 1 : 0);
            }
        }
        _solver.SetHint([.. vars], [.. values]);
    }

    /// <summary>Solves within <paramref name="timeLimitSeconds"/> (at least 0.5 s) to <see cref="MipPlacementSolver.RelativeGap"/>.</summary>
    public Solver.ResultStatus Solve(double timeLimitSeconds)
    {
        _solver.SetTimeLimit(Math.Max(500, (long)(timeLimitSeconds * 1000)));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, MipPlacementSolver.RelativeGap);
        return _solver.Solve(parameters);
    }

    /// <summary>The open sites, the capacitated assignment, the objective and the bound of a solved model.</summary>
    public MipOutcome ReadBack(Solver.ResultStatus status)
    {
        var open = (bool[])_inst.Fixed.Clone();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            var infeasible = status == Solver.ResultStatus.INFEASIBLE;
            return new MipOutcome(false, infeasible, infeasible, open, double.NaN, double.NaN, null);
        }
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            if (_y[s] is { } v && v.SolutionValue() > 0.5)
            {
                open[s] = true;
            }
        }
        List<Assignment>? assignment = null;
        if (IsCapacitated && _x is not null)
        {
            assignment = [];
            foreach (var (z, s, xv) in _x)
            {
                var share = xv.SolutionValue();
                if (share > 1e-9)
                {
                    assignment.Add(new Assignment(z, s, share * _inst.Need[z]));
                }
            }
        }
        var value = _objective.Value() + _constant;
        var bound = status == Solver.ResultStatus.OPTIMAL ? value : _objective.BestBound() + _constant;
        return new MipOutcome(true, status == Solver.ResultStatus.OPTIMAL, false, open, value, bound, assignment);
    }

    public void Dispose() => _solver.Dispose();

    /// <summary>Capacity rows: sum_z need_z x_zs - capacity_s y_s &lt;= 0 for candidates, &lt;= capacity_s for existing sites.</summary>
    private Constraint?[] CapacityRows()
    {
        var rows = new Constraint?[_inst.SiteCount];
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            rows[s] = _solver.MakeConstraint(double.NegativeInfinity, _inst.Fixed[s] ? _inst.Capacity![s] : 0, "");
            if (_y[s] is { } v)
            {
                rows[s]!.SetCoefficient(v, -_inst.Capacity![s]);
            }
        }
        return rows;
    }

    private double NearestFixedMinutes(int z)
    {
        var nearest = double.PositiveInfinity;
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            if (_inst.Fixed[s])
            {
                nearest = Math.Min(nearest, _inst.At(z, s));
            }
        }
        return nearest;
    }

    private bool CoveredByFixed(int z, double radius)
    {
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            if (_inst.Fixed[s] && _inst.At(z, s) <= radius)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>c_z in [0, 1] with c_z &lt;= sum of y within the threshold of zone z; null when no candidate is within it.</summary>
    private Variable? CoverageVariable(int z)
    {
        Constraint? row = null;
        Variable? c = null;
        for (var s = 0; s < _inst.SiteCount; s++)
        {
            if (_y[s] is { } v && Within.Minutes(_inst.At(z, s), _inst.ThresholdMinutes))
            {
                if (row is null)
                {
                    c = _solver.MakeNumVar(0, 1, "");
                    row = _solver.MakeConstraint(double.NegativeInfinity, 0, "");
                    row.SetCoefficient(c, 1);
                }
                row.SetCoefficient(v, -1);
            }
        }
        return c;
    }
}
