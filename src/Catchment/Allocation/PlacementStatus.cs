namespace Geo.Catchment.Allocation;

/// <summary>What is known about the returned selection (text forms: <see cref="PlacementStatusNames"/>).</summary>
public enum PlacementStatus
{
    /// <summary>Proven optimal (gap at most <see cref="LocationAllocation.OptimalityGapTolerance"/>).</summary>
    Optimal,
    /// <summary>Feasible, with a proven bound and gap: the exact solver stopped at its time limit, or the p-median was too large for the MIP (<see cref="LocationAllocation.MipPairLimitMedian"/>).</summary>
    TimeLimitFeasible,
    /// <summary>Feasible heuristic solution; no bound.</summary>
    Heuristic,
    /// <summary>No selection can satisfy the problem (p above the candidates, a zone out of reach of every site, capacities or
    /// an equity target out of reach, or proven by the exact solver); <see cref="PlacementResult.Reason"/> says why. No sites.</summary>
    Infeasible,
    /// <summary>No feasible selection was found within the solver's means (the heuristic, or the exact solver's time limit),
    /// but none was proven impossible either; <see cref="PlacementResult.Reason"/> says what to try. No sites.</summary>
    NoSolutionFound,
}
