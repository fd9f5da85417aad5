using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Gtfs;
using Geo.Viewer.Results;

namespace Geo.Fuzz;

/// <summary>
/// One harness per reader. A harness feeds the bytes to the reader the way the CLI does (through a file where the reader
/// takes a path). The documented refusals (<see cref="InputFileException"/>, exit 3; <see cref="ComputationException"/>,
/// exit 5) are expected; any other exception escapes and is a crash for the fuzzer.
/// </summary>
internal static class Targets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["pbf"] = bytes => WithFile(bytes, ".osm.pbf", path => StreetNetwork.BuildFromPbf(path)),
        ["gtfs"] = bytes => WithFile(bytes, ".zip", path => GtfsReader.Read(path)),
        ["csv"] = bytes => WithFile(bytes, ".csv", path => CsvTable.Read(path)),
        ["geojson"] = bytes =>
        {
            WithFile(bytes, ".geojson", path => ZoneBoundaries.Read(path, "zone_id"));
            try
            {
                GeoJsonReader.ReadFeatureCollection(bytes);
            }
            catch (FormatException)
            {
                // The viewer's reader refuses with FormatException, which ResultsFolder reports as a file error.
            }
        },
        ["scenario-json"] = bytes => WithFile(bytes, ".json", path => ScenarioReader.Read(path)),
        ["scenario-yaml"] = bytes => WithFile(bytes, ".yaml", path => ScenarioReader.Read(path)),
    };

    /// <summary>Runs <paramref name="target"/>; the documented input errors are swallowed, anything else propagates.</summary>
    public static void RunExpected(Action<byte[]> target, byte[] bytes)
    {
        try
        {
            target(bytes);
        }
        catch (Exception ex) when (ex is InputFileException or ComputationException)
        {
            // A clean refusal naming the file: what the CLI turns into exit 3 or 5.
        }
    }

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "geo-fuzz-" + Environment.ProcessId);

    private static void WithFile(byte[] bytes, string extension, Action<string> read)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "input" + extension);
        File.WriteAllBytes(path, bytes);
        read(path);
    }
}
