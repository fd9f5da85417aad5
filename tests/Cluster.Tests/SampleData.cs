using NUnit.Framework;
using Geo.Cli;

namespace Geo.Cluster.Tests;

/// <summary>
/// The synthetic sample region as a silo data folder (network built once per test run), and single-machine
/// <c>geo matrix</c> results to compare cluster output with.
/// </summary>
public static class SampleData
{
    private static readonly Lazy<string> Folder = new(Build);
    private static readonly Dictionary<string, string> References = [];

    public static string RepoRoot { get; } = FindRoot();

    public static string DataFolder => Folder.Value;

    public static string TempFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-cluster-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>geo matrix over the whole sample (same options as the jobs in these tests), as Parquet.</summary>
    public static string Reference(string mode)
    {
        lock (References)
        {
            if (References.TryGetValue(mode, out var path))
            {
                return path;
            }
            path = Path.Combine(DataFolder, $"reference-{mode}.parquet");
            string[] args = mode == "transit"
                ? ["matrix", "--network", Path.Combine(DataFolder, "region.geonet"), "--mode", "transit", "--gtfs", Path.Combine(DataFolder, "bus-gtfs.zip"),
                   "--date", "2024-03-05", "--window", "07:00-10:00", "--origins", Path.Combine(DataFolder, "zones.csv"),
                   "--destinations", Path.Combine(DataFolder, "sites.csv"), "--out", path]
                : ["matrix", "--network", Path.Combine(DataFolder, "region.geonet"), "--mode", mode, "--origins", Path.Combine(DataFolder, "zones.csv"),
                   "--destinations", Path.Combine(DataFolder, "sites.csv"), "--out", path];
            Assert.That(Program.Main(args), Is.Zero, "geo matrix " + mode);
            References[mode] = path;
            return path;
        }
    }

    public static string WriteJob(string folder, string id, string mode, string output, int shardOrigins, int leaseSeconds = 60, string? omitField = null)
    {
        var fields = new Dictionary<string, object>
        {
            ["id"] = id,
            ["network"] = "region.geonet",
            ["mode"] = mode,
            ["origins"] = "zones.csv",
            ["destinations"] = "sites.csv",
            ["shard_origins"] = shardOrigins,
            ["lease_seconds"] = leaseSeconds,
            ["output"] = output,
        };
        if (mode == "transit")
        {
            fields["transit"] = new Dictionary<string, object> { ["gtfs"] = new[] { "bus-gtfs.zip" }, ["date"] = "2024-03-05", ["window"] = "07:00-10:00" };
        }
        if (omitField is not null)
        {
            fields.Remove(omitField);
        }
        var path = Path.Combine(folder, id + ".json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(fields));
        return path;
    }

    private static string Build()
    {
        var folder = TempFolder("data");
        foreach (var file in new[] { "zones.csv", "sites.csv", "bus-gtfs.zip" })
        {
            File.Copy(Path.Combine(RepoRoot, "data-samples", file), Path.Combine(folder, file));
        }
        var code = Program.Main(["build-network", "--osm", Path.Combine(RepoRoot, "data-samples", "region.osm.pbf"), "--out", Path.Combine(folder, "region.geonet")]);
        Assert.That(code, Is.Zero, "geo build-network");
        return folder;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above the test folder");
    }
}
