namespace Geo.Catchment.Scenarios;

/// <summary>
/// Optional isochrones for <c>geo run</c>: for each road mode, around every site open in the baseline or any option, the area
/// reachable within each band, written to isochrones/&lt;mode&gt;.geojson and drawn over the baseline travel time in the report.
/// <code>"isochrones": { "modes": ["car"], "minutes": [10, 20, 30] }</code>
/// </summary>
public sealed record IsochroneSpec
{
    public static readonly IReadOnlyList<double> DefaultMinutes = [10, 20, 30];

    /// <summary>Road modes (car, walk, cycle). Default: car.</summary>
    public IReadOnlyList<string> Modes { get; init; } = ["car"];

    /// <summary>Bands in minutes ("within T minutes" means &lt;= T). Default: 10, 20, 30.</summary>
    public IReadOnlyList<double> Minutes { get; init; } = DefaultMinutes;
}
