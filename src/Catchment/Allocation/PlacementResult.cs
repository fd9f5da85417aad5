using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Allocation;

/// <summary>
/// The chosen sites and how every zone is served. Objective units: p-median and capacitated p-median = sum of need x minutes;
/// MCLP = need within the threshold; LSCP = number of new sites; p-center = worst minutes. <see cref="Bound"/> is the best
/// proven bound on the optimum (NaN for heuristics) and <see cref="Gap"/> = |objective - bound| / max(|objective|, 1e-9).
/// When <see cref="Status"/> is <see cref="PlacementStatus.Infeasible"/> or <see cref="PlacementStatus.NoSolutionFound"/> there is no
/// selection: no sites, no allocations or groups, NaN objective, and <see cref="Reason"/> says why.
/// </summary>
public sealed record PlacementResult
{
    public required PlacementProblem Problem { get; init; }
    /// <summary>e.g. "exact: SCIP MIP (OR-Tools)", "exact: Lagrangian bound + vertex substitution", "heuristic: greedy + vertex substitution".</summary>
    public required string Solver { get; init; }
    public required PlacementStatus Status { get; init; }
    public required double Objective { get; init; }
    public required string ObjectiveDescription { get; init; }
    public required double Bound { get; init; }
    public required double Gap { get; init; }
    public required double Seconds { get; init; }
    /// <summary>Open sites (problem site indices, ascending): existing plus new.</summary>
    public required IReadOnlyList<int> OpenSites { get; init; }
    /// <summary>New sites chosen among the candidates (problem site indices, ascending).</summary>
    public required IReadOnlyList<int> NewSites { get; init; }
    /// <summary>Every zone (including zero-need zones, served by their nearest open site), in zone order.</summary>
    public required IReadOnlyList<ZoneAllocation> Allocations { get; init; }
    public required IReadOnlyList<PlacementGroupSummary> Groups { get; init; }
    /// <summary>Share of Core20 need (IMD decile 1-2) within the threshold; null without deciles or threshold.</summary>
    public double? Core20CoveredShare { get; init; }
    /// <summary>Largest need-weighted mean minutes over the IMD quintiles; null without deciles.</summary>
    public double? WorstQuintileMeanMinutes { get; init; }
    /// <summary>Why the solver was chosen, and anything else worth telling the analyst.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>Why there is no selection (one line naming the constraint and the zones or values at fault); null when there is one.</summary>
    public string? Reason { get; init; }

    /// <summary>True when sites were chosen (see <see cref="PlacementStatusNames.HasSelection"/>).</summary>
    public bool HasSelection => Status.HasSelection();

    /// <summary>What <see cref="Objective"/> measures for a problem kind.</summary>
    public static string DescribeObjective(PlacementProblemKind kind) => kind switch
    {
        PlacementProblemKind.Mclp => "need within the threshold (maximised)",
        PlacementProblemKind.Lscp => "number of new sites (minimised)",
        PlacementProblemKind.PCenter => "worst minutes from a zone with need to its site (minimised)",
        _ => "sum of need x minutes to the allocated site (minimised)",
    };

    /// <summary>A result without a selection: <paramref name="status"/> is Infeasible or NoSolutionFound.</summary>
    public static PlacementResult WithoutSelection(PlacementProblem problem, PlacementStatus status, string reason, string solver,
        double seconds, IReadOnlyList<string> notes)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(status.HasSelection(), true, nameof(status));
        return new PlacementResult
        {
            Problem = problem,
            Solver = solver,
            Status = status,
            Objective = double.NaN,
            ObjectiveDescription = DescribeObjective(problem.Kind),
            Bound = double.NaN,
            Gap = double.NaN,
            Seconds = seconds,
            OpenSites = [],
            NewSites = [],
            Allocations = [],
            Groups = [],
            Notes = notes,
            Reason = reason,
        };
    }
}
