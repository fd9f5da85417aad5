namespace Geo.Catchment.Reports;

/// <summary>An option's id and display name in summary.json (the baseline is listed first).</summary>
public sealed record OptionInfo(string Id, string Name);
