using System.Text.Json;
using Geo.Cli.Tests.EndToEnd;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Cli.Tests.Hardening;

/// <summary>
/// A run on inputs with bad rows, without --strict: the bad rows are skipped, the results are still produced without them,
/// summary.json counts the issues, input_issues.csv lists them and stderr summarises them; with --strict the same run is exit 3
/// with no results folder. Commands run in process through <see cref="Program.Main"/>; no street network (the matrix is given).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InputIssuesRunTests
{
    private string _work = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _work = EndToEndFiles.NewTempFolder("geo-input-issues");
        var samples = Path.Combine(EndToEndFiles.RepoRoot(), "data-samples");
        var zones = File.ReadAllLines(Path.Combine(samples, "zones.csv"));
        var sites = File.ReadAllLines(Path.Combine(samples, "sites.csv"));
        foreach (var file in Directory.GetFiles(samples, "*.csv"))
        {
            File.Copy(file, Path.Combine(_work, Path.GetFileName(file)));
        }
        // Line 4: coordinate is text; line 8: negative population; line 102 (added): repeats line 3's code.
        var bad = zones.Where(l => l.Length > 0).Append(zones[2]).ToArray();
        bad[3] = ReplaceField(bad[3], 2, "west");
        bad[7] = ReplaceField(bad[7], 4, "-5");
        File.WriteAllLines(Path.Combine(_work, "zones_bad.csv"), bad);
        var zoneIds = zones.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Distinct().ToList();
        var siteIds = sites.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
        File.WriteAllLines(Path.Combine(_work, "car.csv"),
            ["origin_id,destination_id,minutes", .. zoneIds.SelectMany(z => siteIds.Select(s => $"{z},{s},12.5"))]);
        using var scenario = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "scenario.json")));
        var json = scenario.RootElement.GetRawText()
            .Replace("\"zones.csv\"", "\"zones_bad.csv\"", StringComparison.Ordinal)
            .Replace("\"zones.geojson\"", "null", StringComparison.Ordinal);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["modes"] = new System.Text.Json.Nodes.JsonArray("car");
        node["network"] = null;
        node["transit"] = null;
        node["placement"] = null;
        node["providers"] = null;
        File.WriteAllText(Path.Combine(_work, "scenario.json"), node.ToJsonString());
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_work, recursive: true);

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    private static (int Exit, string Error) Geo(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (Program.Main(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Test]
    public void Appraise_Lenient_SkipsBadRowsWritesResultsAndListsTheIssues()
    {
        var results = Path.Combine(_work, "results");

        var (exit, error) = Geo("appraise", Path.Combine(_work, "scenario.json"), "--out", results, "--matrix", "car=" + Path.Combine(_work, "car.csv"));

        Assert.That(exit, Is.Zero, error);
        var issues = EndToEndFiles.ReadCsv(Path.Combine(results, InputIssuesFile.FileName));
        var zoneIds = EndToEndFiles.ReadCsv(Path.Combine(results, "zone_results.csv")).Rows.Select(r => r[3]).Distinct().ToList();
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        Assert.Multiple(() =>
        {
            Assert.That(issues.Header, Is.EqualTo(new[] { "file", "line", "field", "id", "code", "severity", "message" }));
            Assert.That(issues.Rows.Select(r => (r[1], r[2], r[4])), Is.EqualTo(new[]
            {
                ("4", "lon", "BadCoordinate"), ("8", "population", "BadValue"), ("102", "zone_id", "DuplicateId"),
            }));
            Assert.That(issues.Rows.Select(r => Path.GetFileName(r[0])), Has.All.EqualTo("zones_bad.csv"));
            Assert.That(summary.RootElement.GetProperty("inputIssues").GetInt32(), Is.EqualTo(3));
            Assert.That(summary.RootElement.GetProperty("zoneCount").GetInt32(), Is.EqualTo(101 - 3), "101 zone rows, 3 skipped");
            Assert.That(zoneIds, Has.Count.EqualTo(98));
            Assert.That(zoneIds, Does.Not.Contain("S01000003").And.Not.Contain("S01000007"));
            Assert.That(error, Does.Contain("warning: 3 input row issues").And.Contain("zones_bad.csv:4 [lon]")
                .And.Contain(Path.Combine(results, InputIssuesFile.FileName)));
        });
    }

    [Test]
    public void Appraise_Strict_FirstIssueIsExit3AndNoResults()
    {
        var results = Path.Combine(_work, "results");

        var (exit, error) = Geo("appraise", Path.Combine(_work, "scenario.json"), "--out", results, "--matrix", "car=" + Path.Combine(_work, "car.csv"), "--strict");

        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain("zones_bad.csv:102: field 'zone_id': duplicate zone id 'S01000002'"), "the id pass comes first");
        Assert.That(Directory.Exists(results), Is.False);
    }

    [Test]
    public void Appraise_CleanInputs_WriteNoIssueFileAndCountZero()
    {
        File.Copy(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "zones.csv"), Path.Combine(_work, "zones_bad.csv"), overwrite: true);
        var results = Path.Combine(_work, "results");

        var (exit, error) = Geo("appraise", Path.Combine(_work, "scenario.json"), "--out", results, "--matrix", "car=" + Path.Combine(_work, "car.csv"));

        Assert.That(exit, Is.Zero, error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        Assert.That(summary.RootElement.GetProperty("inputIssues").GetInt32(), Is.Zero);
        Assert.That(File.Exists(Path.Combine(results, InputIssuesFile.FileName)), Is.False);
        Assert.That(error, Does.Not.Contain("input row issue"));
    }
}
