namespace Geo.Catchment.Allocation;

/// <summary>What is known about the returned selection.</summary>
public enum PlacementStatus
{
    /// <summary>Proven optimal (gap at most <see cref="LocationAllocation.OptimalityGapTolerance"/>).</summary>
    Optimal,
    /// <summary>Feasible, with a proven bound and gap: the exact solver stopped at its time limit, or the p-median was too large for the MIP (<see cref="LocationAllocation.MipPairLimitMedian"/>).</summary>
    TimeLimitFeasible,
    /// <summary>Feasible heuristic solution; no bound.</summary>
    Heuristic,
}
