namespace Geo.Catchment.Allocation;

/// <summary>Stable lower-case codes of <see cref="PlacementStatus"/>, used in placement.json, summary.json, the report and messages.</summary>
public static class PlacementStatusNames
{
    public static string ToCode(this PlacementStatus status) => status switch
    {
        PlacementStatus.Optimal => "optimal",
        PlacementStatus.TimeLimitFeasible => "time_limit",
        PlacementStatus.Heuristic => "heuristic",
        PlacementStatus.Infeasible => "infeasible",
        PlacementStatus.NoSolutionFound => "no_solution_found",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True when the status comes with a selection of sites (every status but Infeasible and NoSolutionFound).</summary>
    public static bool HasSelection(this PlacementStatus status) => status is not (PlacementStatus.Infeasible or PlacementStatus.NoSolutionFound);
}
