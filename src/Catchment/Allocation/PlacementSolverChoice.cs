namespace Geo.Catchment.Allocation;

/// <summary>How to solve a placement problem. See <see cref="LocationAllocation"/> for the automatic thresholds.</summary>
public enum PlacementSolverChoice
{
    /// <summary>Exact when the instance is small enough (see <see cref="LocationAllocation"/>), heuristic otherwise.</summary>
    Auto,
    /// <summary>Proven optimum (or best found plus a bound and gap when the time limit is reached).</summary>
    Exact,
    /// <summary>Greedy start plus vertex substitution (Teitz-Bart, fast interchange); no bound.</summary>
    Heuristic,
}
