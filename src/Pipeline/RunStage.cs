namespace Geo.Pipeline;

/// <summary>One finished stage of <c>geo run</c>, for the closing summary table.</summary>
public sealed record RunStage(string Name, double Seconds, string Detail);
