namespace Geo.Catchment.Allocation;

/// <summary>
/// The chosen sites and how every zone is served. Objective units: p-median and capacitated p-median = sum of need x minutes;
/// MCLP = need within the threshold; LSCP = number of new sites; p-center = worst minutes. <see cref="Bound"/> is the best
/// proven bound on the optimum (NaN for heuristics) and <see cref="Gap"/> = |objective - bound| / max(|objective|, 1e-9).
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
}
