namespace Geo.Catchment.Reports;

/// <summary>
/// The placement outcome in summary.json: problem (pmedian, mclp...), status (optimal, time_limit, heuristic, infeasible,
/// no_solution_found), the reason when there is no selection, and the new sites chosen (ids). Details in placement/placement.json.
/// </summary>
public sealed record PlacementSummary(string Problem, string Status, string? Reason, IReadOnlyList<string> NewSites);
