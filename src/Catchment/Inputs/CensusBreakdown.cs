namespace Geo.Catchment.Inputs;

/// <summary>A census breakdown of the zones (e.g. ethnicity): its groups' counts per zone, in people or households (<see cref="Scenarios.CensusSpec.Unit"/>).</summary>
public sealed record CensusBreakdown(string Dimension, string Unit, IReadOnlyList<CensusGroup> Groups);
