namespace Geo.Catchment.Inputs;

/// <summary>
/// Which columns of a point file hold the id and the coordinates. Any column left null is detected from the header
/// (see <see cref="PointFileReader"/>). Give either Lon and Lat (WGS84 degrees) or Easting and Northing (British National Grid metres).
/// </summary>
public sealed record PointColumns
{
    public string? Id { get; init; }
    public string? Lon { get; init; }
    public string? Lat { get; init; }
    public string? Easting { get; init; }
    public string? Northing { get; init; }

    /// <summary>When true, a repeated id keeps its first row and the rest are skipped and counted; when false (default) it is an error.</summary>
    public bool DeduplicateIds { get; init; }

    /// <summary>Prefix of the command-line options that set these columns (e.g. "--origin-"), used in error messages.</summary>
    public string? OptionPrefix { get; init; }
}
