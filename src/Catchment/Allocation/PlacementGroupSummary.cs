namespace Geo.Catchment.Allocation;

/// <summary>
/// Access for one group of zones under the chosen sites. <see cref="Dimension"/> is "all" (weighted by need),
/// "imd_quintile" (group "1".."5" or "unknown", weighted by need) or "group" (group = a report column such as
/// "population" or "age65plus", weighted by that column). Minutes are to the allocated site; unreachable zones are left
/// out of the mean and counted in <see cref="UnreachableWeight"/>. <see cref="CoveredShare"/> is the weight share within
/// the threshold (null when there is no threshold).
/// </summary>
public sealed record PlacementGroupSummary(string Dimension, string Group, double Weight, double MeanMinutes, double MaxMinutes, double? CoveredShare, double UnreachableWeight);
