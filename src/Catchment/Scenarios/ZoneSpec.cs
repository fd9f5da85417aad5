namespace Geo.Catchment.Scenarios;

/// <summary>
/// Where zones come from. <see cref="File"/> (CSV or GeoJSON points) gives ids and coordinates (lon/lat or BNG easting/northing,
/// detected when not named) and may give any attribute; <see cref="Joins"/> add attributes from other files keyed by zone id;
/// <see cref="AgeGroups"/> sums a long census age table into population and 65+. Column names are matched case-insensitively.
/// </summary>
public sealed record ZoneSpec
{
    public string File { get; init; } = "";
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Lon { get; init; }
    public string? Lat { get; init; }
    public string? Easting { get; init; }
    public string? Northing { get; init; }
    public string? Population { get; init; }
    public string? Age65plus { get; init; }
    public string? ImdDecile { get; init; }
    public string? ImdRank { get; init; }
    /// <summary>Ward name column (shown beside the code).</summary>
    public string? Ward { get; init; }
    /// <summary>Ward code column (e.g. WD24CD): equality groups wards by code; without it, by name within local authority.</summary>
    public string? WardCode { get; init; }
    /// <summary>Local authority name column (shown beside the code).</summary>
    public string? LocalAuthority { get; init; }
    /// <summary>Local authority code column (e.g. LAD24CD): equality groups local authorities by code when given.</summary>
    public string? LocalAuthorityCode { get; init; }
    /// <summary>Extra columns of the zone file to carry (numeric when every value parses as a number, else categorical).</summary>
    public IReadOnlyList<string>? Extra { get; init; }
    /// <summary>Optional polygons: GeoJSON or GeoPackage (.gpkg; EPSG:27700 or 4326).</summary>
    public string? Boundaries { get; init; }
    public string? BoundaryId { get; init; }
    public IReadOnlyList<JoinSpec>? Joins { get; init; }
    public AgeGroupSpec? AgeGroups { get; init; }
    /// <summary>Census counts per group (ethnicity, disability, sex, households without a car) for the equality tables.</summary>
    public IReadOnlyList<CensusSpec>? Census { get; init; }
}
