namespace Geo.Catchment.Reports.Methods;

/// <summary>
/// One input file of a run: what it is used for, the file, its date or version (from the file where it says so, e.g. the
/// OSM header or GTFS feed_info, else the edition read from its name and the file's modified date), licence where known.
/// </summary>
public sealed record DataSource(string Role, string File, string? Version, string? Licence, string? Detail);
