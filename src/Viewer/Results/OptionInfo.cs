namespace Geo.Viewer.Results;

/// <summary>An option listed in summary.json (the baseline is an option too).</summary>
public sealed record OptionInfo(string Id, string Name);
