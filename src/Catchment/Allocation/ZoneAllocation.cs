namespace Geo.Catchment.Allocation;

/// <summary>
/// One row of allocation.csv: need of <see cref="Zone"/> (problem zone index) served by <see cref="Site"/> (problem site index,
/// -1 when no open site is reachable) at <see cref="Minutes"/> (NaN when unreachable). A zone has one row, or several
/// under split capacitated assignment.
/// </summary>
public readonly record struct ZoneAllocation(int Zone, int Site, double Minutes, double Need);
