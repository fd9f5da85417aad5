namespace Geo.Catchment.Scenarios;

/// <summary>A site file (CSV or GeoJSON points): id, name and coordinate columns (detected when null).</summary>
public sealed record SiteSpec
{
    public string File { get; init; } = "";
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Lon { get; init; }
    public string? Lat { get; init; }
    public string? Easting { get; init; }
    public string? Northing { get; init; }
    /// <summary>Keep the first row of a repeated id (e.g. NHS Choices hospitals repeated per OrganisationCode); default false = error.</summary>
    public bool Deduplicate { get; init; }
    /// <summary>
    /// Optional row filter: keep only rows whose column (name matched ignoring case) equals the value (trimmed, ignoring case),
    /// e.g. <c>{ "on_isle_of_wight": "true" }</c>; every entry must match. Applied after <see cref="Deduplicate"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Where { get; init; }
    /// <summary>Optional further site files read after this one (each with its own columns and filter); ids must stay unique across files.</summary>
    public IReadOnlyList<SiteSpec>? Also { get; init; }
}
