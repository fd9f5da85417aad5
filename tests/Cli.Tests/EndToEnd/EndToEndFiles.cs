using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NUnit.Framework;

namespace Geo.Cli.Tests.EndToEnd;

/// <summary>Paths, in-process `geo` runs and small readers for the end-to-end tests.</summary>
internal static class EndToEndFiles
{
    /// <summary>Every file of the results contract that `geo run` writes for a scenario with placement (providers excluded).</summary>
    public static readonly string[] ContractFiles =
    [
        "zones.geojson", "sites.geojson", "zone_results.csv", "zone_results.parquet", "summary.json", "zones.gpkg", "report.html",
        "basemap.geojson", "placement/chosen_sites.csv", "placement/allocation.csv", "placement/placement.geojson", "placement/placement.json",
    ];

    /// <summary>The repository root: the first folder above the test binaries holding Geo.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    /// <summary>A folder under ../shared/data next to the repository, or <see cref="Assert.Ignore(string)"/> when it is absent.</summary>
    public static string SharedDataOrIgnore(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Ignore("real data not found: " + path + " (the Isle of Wight tests need the shared data folder next to the repository)");
        }
        return path;
    }

    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs `geo run scenario --out folder` in-process through <see cref="Program.Main"/>; returns the exit code and the seconds taken.</summary>
    public static (int ExitCode, double Seconds) RunGeo(string scenarioPath, string outFolder)
    {
        var clock = Stopwatch.StartNew();
        var exitCode = Program.Main(["run", scenarioPath, "--out", outFolder]);
        return (exitCode, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Reads a CSV written by Geo (RFC 4180 quoting) as header + rows.</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitCsvLine(lines[0]);
        var rows = new List<string[]>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                rows.Add(SplitCsvLine(lines[i]));
            }
        }
        return (header, rows);
    }

    /// <summary>Reads zone_results.csv as records keyed by column name.</summary>
    public static List<ZoneResult> ReadZoneResults(string resultsFolder)
    {
        var (header, rows) = ReadCsv(Path.Combine(resultsFolder, "zone_results.csv"));
        int Col(string name)
        {
            var index = Array.IndexOf(header, name);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), "zone_results.csv has no column " + name);
            return index;
        }
        int option = Col("option_id"), mode = Col("mode"), service = Col("service"), zone = Col("zone_id"), site = Col("site_id"),
            minutes = Col("minutes"), change = Col("change_minutes"), status = Col("status");
        return [.. rows.Select(r => new ZoneResult(r[option], r[mode], r[service], r[zone], r[site], Number(r[minutes]), Number(r[change]), r[status]))];
    }

    public static double Number(string text) =>
        text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}

/// <summary>One row of zone_results.csv (minutes and change are NaN when the cell is empty).</summary>
internal sealed record ZoneResult(string Option, string Mode, string Service, string Zone, string Site, double Minutes, double Change, string Status);
