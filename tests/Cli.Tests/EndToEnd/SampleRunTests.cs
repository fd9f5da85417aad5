using System.Text.Json;
using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Cli.Tests.EndToEnd;

/// <summary>
/// The main job end to end: `geo run data-samples/scenario.json --out tmp` through <see cref="Program.Main"/>, run twice, on the
/// committed SYNTHETIC sample region. Checks the results contract, row counts, plausible times, determinism and report.html in Chromium.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class SampleRunTests
{
    private string _root = null!;
    private string _first = null!;
    private string _second = null!;
    private Scenario _scenario = null!;
    private int _zoneCount;
    private List<ZoneResult> _results = null!;

    [OneTimeSetUp]
    public void RunTwice()
    {
        var scenarioPath = Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "scenario.json");
        _scenario = ScenarioReader.Read(scenarioPath);
        var (_, zoneRows) = EndToEndFiles.ReadCsv(_scenario.Resolve(_scenario.Zones.File));
        _zoneCount = zoneRows.Count;
        _root = EndToEndFiles.NewTempFolder("geo-e2e-sample");
        _first = Path.Combine(_root, "first");
        _second = Path.Combine(_root, "second");
        var (firstExit, firstSeconds) = EndToEndFiles.RunGeo(scenarioPath, _first);
        var (secondExit, secondSeconds) = EndToEndFiles.RunGeo(scenarioPath, _second);
        TestContext.Progress.WriteLine($"geo run data-samples: {firstSeconds:F1} s and {secondSeconds:F1} s");
        Assert.That(firstExit, Is.Zero, "first geo run exit code");
        Assert.That(secondExit, Is.Zero, "second geo run exit code");
        _results = EndToEndFiles.ReadZoneResults(_first);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Run_Sample_WritesEveryContractFile()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in EndToEndFiles.ContractFiles.Append("providers.csv"))
            {
                var path = Path.Combine(_first, name);
                Assert.That(File.Exists(path), Is.True, name);
                Assert.That(new FileInfo(path).Length, Is.GreaterThan(0), name + " is empty");
            }
            foreach (var mode in _scenario.Modes)
            {
                Assert.That(File.Exists(Path.Combine(_first, "matrices", mode + ".csv")), Is.True, "matrices/" + mode + ".csv");
            }
            Assert.That(Directory.GetFiles(Path.Combine(_first, "maps"), "*.png"), Is.Not.Empty, "maps/*.png");
            Assert.That(Directory.GetFiles(_first, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temp files left behind");
        });
    }

    [Test]
    public void ZoneResults_Sample_OneRowPerZoneOptionModeService()
    {
        var expected = _zoneCount * _scenario.AllOptions.Count * _scenario.Modes.Count * _scenario.Services.Count;
        Assert.That(_zoneCount, Is.EqualTo(100), "data-samples/zones.csv");
        Assert.That(_results, Has.Count.EqualTo(expected), "zones x options x modes x services");
        var keys = _results.Select(r => (r.Option, r.Mode, r.Service, r.Zone)).ToHashSet();
        Assert.That(keys, Has.Count.EqualTo(expected), "no repeated (option, mode, service, zone)");
        Assert.That(_results.Select(r => r.Option).Distinct(), Is.EquivalentTo(_scenario.AllOptions.Select(o => o.Id)));
        Assert.That(_results.Select(r => r.Mode).Distinct(), Is.EquivalentTo(_scenario.Modes));
        Assert.That(_results.Select(r => r.Service).Distinct(), Is.EquivalentTo(_scenario.Services));
    }

    [Test]
    public void ZoneResults_SampleCar_EveryZoneReachesASite()
    {
        var car = _results.Where(r => r.Mode == "car").ToList();
        Assert.That(car.Where(r => r.Status != "ok").Select(r => $"{r.Option}/{r.Service}/{r.Zone}: {r.Status}"), Is.Empty);
        Assert.That(car.All(r => !double.IsNaN(r.Minutes) && r.Site.Length > 0), Is.True, "car rows have minutes and a site");
    }

    [TestCase("car", 0.0, 45.0)]
    [TestCase("cycle", 0.0, 150.0)]
    [TestCase("walk", 0.0, 500.0)]
    [TestCase("transit", 0.0, 240.0)]
    public void ZoneResults_SampleMode_MinutesInPlausibleRange(string mode, double low, double high)
    {
        var rows = _results.Where(r => r.Mode == mode).ToList();
        Assert.Multiple(() =>
        {
            foreach (var r in rows)
            {
                if (r.Status == "ok")
                {
                    Assert.That(r.Minutes, Is.GreaterThan(low).And.LessThanOrEqualTo(high), $"{r.Option}/{r.Service}/{r.Zone}");
                }
                else
                {
                    Assert.That(r.Minutes, Is.NaN, $"{r.Option}/{r.Service}/{r.Zone} is {r.Status} but has minutes (missing must be empty, never 0)");
                }
            }
        });
        var ok = rows.Count(r => r.Status == "ok");
        Assert.That(ok, Is.GreaterThanOrEqualTo(rows.Count * 9 / 10), $"{mode}: at least 90% of zone rows reach a site");
    }

    [Test]
    public void ZoneResults_Sample_SpeedsOrderCarCycleWalk()
    {
        double Median(string mode)
        {
            var values = _results.Where(r => r.Mode == mode && r.Option == "baseline" && r.Status == "ok").Select(r => r.Minutes).Order().ToArray();
            return values[values.Length / 2];
        }
        var (car, cycle, walk) = (Median("car"), Median("cycle"), Median("walk"));
        Assert.That(car, Is.LessThan(cycle));
        Assert.That(cycle, Is.LessThan(walk));
        // Walking 4-5 km/h vs cycling 14-18 km/h: the ratio is about 3 to 4.
        Assert.That(walk / cycle, Is.InRange(2.0, 5.0));
    }

    [Test]
    public void ZoneResults_SampleBaseline_ChangeIsZero()
    {
        var baseline = _results.Where(r => r.Option == _scenario.Baseline.Id && r.Status == "ok").ToList();
        Assert.That(baseline, Is.Not.Empty);
        Assert.That(baseline.All(r => r.Change == 0), Is.True, "change vs baseline is 0 for the baseline");
    }

    [Test]
    public void Summary_Sample_MetricsForEveryOptionModeService()
    {
        using var summary = EndToEndFiles.ReadJson(Path.Combine(_first, "summary.json"));
        var root = summary.RootElement;
        var metrics = root.GetProperty("metrics").EnumerateArray().ToList();
        Assert.That(metrics, Has.Count.EqualTo(_scenario.AllOptions.Count * _scenario.Modes.Count * _scenario.Services.Count));
        Assert.That(root.GetProperty("equality").GetArrayLength(), Is.GreaterThan(0));
        var dimensions = root.GetProperty("equality").EnumerateArray().Select(e => e.GetProperty("dimension").GetString()).ToHashSet();
        Assert.That(dimensions, Does.Contain("imd_quintile"));
        Assert.That(root.GetProperty("ranking").GetArrayLength(), Is.EqualTo(_scenario.AllOptions.Count));
    }

    [Test]
    public void Placement_Sample_ChoosesPCandidates()
    {
        var (_, chosen) = EndToEndFiles.ReadCsv(Path.Combine(_first, "placement", "chosen_sites.csv"));
        var (_, candidates) = EndToEndFiles.ReadCsv(_scenario.Resolve(_scenario.Placement!.Candidates!.File));
        var candidateIds = candidates.Select(c => c[0]).ToHashSet();
        Assert.That(chosen, Has.Count.EqualTo(_scenario.Placement.P));
        Assert.That(chosen.Select(c => c[0]), Is.SubsetOf(candidateIds));
    }

    [Test]
    public void Run_SampleTwice_MatricesAndZoneResultsByteIdentical()
    {
        var files = Directory.GetFiles(Path.Combine(_first, "matrices"), "*.csv").Select(Path.GetFileName).ToList();
        Assert.That(files, Has.Count.EqualTo(_scenario.Modes.Count));
        Assert.Multiple(() =>
        {
            foreach (var name in files)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(_second, "matrices", name!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_first, "matrices", name!))),
                    "matrices/" + name);
            }
            foreach (var name in (string[])["zone_results.csv", "placement/chosen_sites.csv", "placement/allocation.csv"])
            {
                Assert.That(File.ReadAllBytes(Path.Combine(_second, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_first, name))), name);
            }
        });
    }

    [Test]
    public void Summary_SampleTwice_IdenticalApartFromTimestamp()
    {
        static string WithoutTimestamp(string path)
        {
            using var doc = EndToEndFiles.ReadJson(path);
            var copy = doc.RootElement.EnumerateObject().Where(p => p.Name != "generatedUtc").ToDictionary(p => p.Name, p => p.Value.Clone());
            return JsonSerializer.Serialize(copy);
        }
        Assert.That(WithoutTimestamp(Path.Combine(_second, "summary.json")), Is.EqualTo(WithoutTimestamp(Path.Combine(_first, "summary.json"))));
    }

    [Test]
    public async Task Report_SampleInChromium_NoConsoleErrorsOrFailedRequests()
    {
        var outcome = await ReportInBrowser.OpenAsync(Path.Combine(_first, "report.html"));
        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Title, Is.Not.Empty);
        Assert.That(outcome.Tables, Is.GreaterThan(0), "tables in report.html");
        Assert.That(outcome.Images, Is.GreaterThan(0), "charts and maps embedded as images");
        var html = File.ReadAllText(Path.Combine(_first, "report.html"));
        Assert.That(html, Does.Contain("<h2>Site placement</h2>"), "the placement section of report.html");
        Assert.That(outcome.CsvLinks, Is.EqualTo(outcome.Tables), "every table downloadable as CSV");
        Assert.That(outcome.MapImagesWithAttribution, Is.EqualTo(outcome.MapImages).And.GreaterThan(0), "attribution on every map");
        foreach (var file in (string[])["zones.csv", "zones.geojson", "sites.csv", "region.osm.pbf", "bus-gtfs.zip"])
        {
            Assert.That(outcome.Text, Does.Contain(file), "methods and data lists " + file);
        }
        Assert.That(outcome.Text, Does.Contain("version synthetic-1"), "the GTFS feed_info version");
        // Need maps: the sample has zone boundaries and providers (care_homes.csv).
        Assert.That(html, Does.Contain("alt=\"need_density\"").And.Contain("alt=\"need_points-care-homes\""), "need maps in the report");
        Assert.That(File.Exists(Path.Combine(_first, "need_points.geojson")), "need_points.geojson");
    }
}
