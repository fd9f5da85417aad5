using System.Security.Cryptography;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Pipeline;

/// <summary>
/// The street network for a run: a given .geonet, else the cached <c>network/streets.geonet</c> in the results folder
/// when it was built from the same OSM file (SHA-256), else built from the scenario's OSM file and saved there.
/// </summary>
internal static class StreetStage
{
    public const string CacheFolder = "network";
    public const string CacheFile = CacheFolder + "/streets.geonet";

    public static (StreetNetwork Network, string NetworkPath, string Detail) Load(Scenario scenario, RunOptions options, IProgress<string> progress)
    {
        if (options.NetworkPath is not null)
        {
            progress.Report("Loading street network " + options.NetworkPath);
            return (StreetNetwork.Load(options.NetworkPath), options.NetworkPath, "loaded " + options.NetworkPath);
        }
        var osm = scenario.Network?.Osm;
        if (string.IsNullOrWhiteSpace(osm))
        {
            throw new InputFileException(scenario.FilePath ?? "scenario", null, "network.osm",
                "no OSM file: set \"network\": { \"osm\": \"region.osm.pbf\" } or pass --network <file.geonet>");
        }
        var pbf = scenario.Resolve(osm);
        if (!File.Exists(pbf))
        {
            throw new InputFileException(scenario.FilePath ?? "scenario", null, "network.osm", $"OSM file not found: {pbf}");
        }
        var cache = Path.Combine(options.OutFolder, CacheFile);
        if (File.Exists(cache))
        {
            progress.Report("Checking cached street network");
            var hash = Sha256Hex(pbf);
            try
            {
                var cached = StreetNetwork.Load(cache);
                if (string.Equals(cached.SourceHash, hash, StringComparison.OrdinalIgnoreCase))
                {
                    return (cached, cache, "cached " + cache);
                }
            }
            catch (InputFileException ex)
            {
                // Older format or damaged: never read, rebuilt below.
                progress.Report("warning: " + ex.Message + " (rebuilding the cached network)");
            }
        }
        progress.Report("Building street network from " + pbf);
        var network = StreetNetwork.BuildFromPbf(pbf, null, progress);
        progress.Report("Saving " + cache);
        network.Save(cache);
        var r = network.BuildReport;
        return (network, cache, $"built: {r.RoutableWays:N0} routable ways; car {r.Car.Vertices:N0} / walk {r.Walk.Vertices:N0} / cycle {r.Cycle.Vertices:N0} vertices");
    }

    private static string Sha256Hex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
