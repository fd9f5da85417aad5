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
}
