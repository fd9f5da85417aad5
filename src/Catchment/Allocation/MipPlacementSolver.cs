using Geo.Catchment.Scenarios;

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
        var buildClock = System.Diagnostics.Stopwatch.StartNew();
        using var model = new MipModel(inst) { IsCapacitated = kind == PlacementProblemKind.CapacitatedPMedian };
        var isCoverTest = kind == PlacementProblemKind.Lscp || !double.IsNaN(radius);
        if (isCoverTest)
        {
            model.AddCoverConstraints(double.IsNaN(radius) ? inst.ThresholdMinutes : radius, maxNew);
        }
        else
        {
            model.AddNewSiteCount(inst.NewSites, inst.NewSites);
        }
        if (kind is PlacementProblemKind.PMedian or PlacementProblemKind.CapacitatedPMedian || inst.MaxQuintileMeanMinutes is not null)
        {
            model.AddAssignment(kind, isCoverTest && kind != PlacementProblemKind.Lscp ? radius : double.PositiveInfinity);
            if (inst.MaxQuintileMeanMinutes is { } cap)
            {
                model.AddQuintileCap(cap);
            }
        }
        if (kind == PlacementProblemKind.Mclp)
        {
            model.AddCoverageObjective();
        }
        if (inst.Core20MinShare is { } floor && inst.Core20Need > 0)
        {
            model.AddCore20Floor(floor);
        }
        if (hint is not null)
        {
            model.SetHint(hint);
        }
        // The model build counts against the time limit.
        var status = model.Solve(timeLimitSeconds - buildClock.Elapsed.TotalSeconds);
        return model.ReadBack(status);
    }
}
