namespace Geo.Viewer.Results;

/// <summary>A results file that is missing or could not be read; shown on the page as an error banner.</summary>
/// <param name="File">File name relative to the results folder, e.g. <c>summary.json</c>.</param>
/// <param name="Problem">What is wrong, with line and field where known.</param>
/// <param name="Required">True when the map cannot be drawn without it (zones.geojson, zone_results.csv, summary.json).</param>
public sealed record ResultsFileError(string File, string Problem, bool Required)
{
    public override string ToString() => File + ": " + Problem;
}
