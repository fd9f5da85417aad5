namespace Geo.Catchment.Inputs;

/// <summary>One census group: its label, the zone column it came from, and its count per zone (NaN = unknown).</summary>
public sealed record CensusGroup(string Label, string Column, double[] Counts);
