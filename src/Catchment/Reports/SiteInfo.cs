namespace Geo.Catchment.Reports;

/// <summary>A site in summary.json: id, name, kind (existing | candidate) and status per option id (open | closed | new | candidate).</summary>
public sealed record SiteInfo(string Id, string Name, string Kind, IReadOnlyDictionary<string, string> Status);
