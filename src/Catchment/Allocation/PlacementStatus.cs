namespace Geo.Catchment.Allocation;

/// <summary>What is known about the returned selection.</summary>
public enum PlacementStatus
{
    /// <summary>Proven optimal (gap at most <see cref="LocationAllocation.OptimalityGapTolerance"/>).</summary>
    Optimal,
    /// <summary>Feasible; the exact solver stopped at its time limit, see the bound and gap.</summary>
    TimeLimitFeasible,
    /// <summary>Feasible heuristic solution; no bound.</summary>
    Heuristic,
}
