using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Cli.Tests.EndToEnd;

/// <summary>
/// The main job on REAL open data: `geo run scenarios/isle-of-wight.json` (89 LSOAs, OSM, bus + rail GTFS, NHS Choices sites),
/// reading ../shared/data/isle-of-wight. Ignored when that folder is absent. Expected totals come from its SOURCES.md.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class IsleOfWightRunTests
{
    private const int Lsoas = 89;
    private const double UsualResidents = 140_463; // Census 2021, SOURCES.md
    private const double Aged65Plus = 41_023;

    private string _out = null!;
    private Scenario _scenario = null!;
    private List<ZoneResult> _results = null!;

    [OneTimeSetUp]
    public void Run()
    {
        EndToEndFiles.SharedDataOrIgnore("isle-of-wight");
        var scenarioPath = Path.Combine(EndToEndFiles.RepoRoot(), "scenarios", "isle-of-wight.json");
        _scenario = ScenarioReader.Read(scenarioPath);
        _out = EndToEndFiles.NewTempFolder("geo-e2e-iow");
        var (exitCode, seconds) = EndToEndFiles.RunGeo(scenarioPath, _out);
        TestContext.Progress.WriteLine($"geo run scenarios/isle-of-wight.json: {seconds:F1} s");
        Assert.That(exitCode, Is.Zero, "geo run exit code");
        _results = EndToEndFiles.ReadZoneResults(_out);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (_out is not null && Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Test]
    public void Run_IsleOfWight_WritesEveryContractFile()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in EndToEndFiles.ContractFiles)
            {
                Assert.That(File.Exists(Path.Combine(_out, name)), Is.True, name);
            }
            foreach (var mode in _scenario.Modes)
            {
                Assert.That(File.Exists(Path.Combine(_out, "matrices", mode + ".csv")), Is.True, "matrices/" + mode + ".csv");
            }
            Assert.That(Directory.GetFiles(Path.Combine(_out, "maps"), "*.png"), Is.Not.Empty);
        });
    }

    [Test]
    public void Zones_IsleOfWight_89LsoasWithCensusTotalsImdWardAndPolygons()
    {
        using var zones = EndToEndFiles.ReadJson(Path.Combine(_out, "zones.geojson"));
        var features = zones.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.That(features, Has.Count.EqualTo(Lsoas));
        var properties = features.Select(f => f.GetProperty("properties")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(properties.Sum(p => p.GetProperty("population").GetDouble()), Is.EqualTo(UsualResidents));
            Assert.That(properties.Sum(p => p.GetProperty("age65plus").GetDouble()), Is.EqualTo(Aged65Plus));
            Assert.That(properties.Select(p => p.GetProperty("imd_decile").GetInt32()), Is.All.InRange(1, 9), "IMD 2025 deciles 1-9 on the island");
            Assert.That(properties.Select(p => p.GetProperty("local_authority").GetString()), Is.All.EqualTo("Isle of Wight"));
            Assert.That(properties.Select(p => p.GetProperty("ward").GetString()).Distinct().Count(), Is.EqualTo(39), "2024 wards");
            Assert.That(properties.Select(p => p.GetProperty("ruc").GetString()).Distinct(), Is.EquivalentTo(new[] { "Urban", "Rural" }));
            Assert.That(features.Select(f => f.GetProperty("geometry").GetProperty("type").GetString()), Is.All.EqualTo("Polygon").Or.EqualTo("MultiPolygon"));
        });
    }

    [Test]
    public void Sites_IsleOfWight_StMarysOnlyHospitalAndAllOnTheIsland()
    {
        using var sites = EndToEndFiles.ReadJson(Path.Combine(_out, "sites.geojson"));
        var features = sites.RootElement.GetProperty("features").EnumerateArray().ToList();
        var ids = features.Select(f => f.GetProperty("properties").GetProperty("site_id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain("R1F01").And.Contain("R1F19"));
            Assert.That(ids.Where(id => id!.StartsWith("R", StringComparison.Ordinal) && !id.StartsWith("R1F", StringComparison.Ordinal)), Is.Empty, "no mainland hospital");
            foreach (var feature in features)
            {
                var lonLat = feature.GetProperty("geometry").GetProperty("coordinates");
                // The island lies in lon -1.59..-1.06, lat 50.57..50.77 (mainland Solent hospitals are north of 50.78).
                Assert.That(lonLat[0].GetDouble(), Is.InRange(-1.62, -1.0), feature.GetProperty("properties").GetProperty("site_id").GetString());
                Assert.That(lonLat[1].GetDouble(), Is.InRange(50.55, 50.78), feature.GetProperty("properties").GetProperty("site_id").GetString());
            }
        });
    }

    [Test]
    public void ZoneResults_IsleOfWight_OneRowPerZoneOptionModeService()
    {
        var expected = Lsoas * _scenario.AllOptions.Count * _scenario.Modes.Count * _scenario.Services.Count;
        Assert.That(_results, Has.Count.EqualTo(expected));
        Assert.That(_results.Select(r => (r.Option, r.Mode, r.Service, r.Zone)).Distinct().Count(), Is.EqualTo(expected));
    }

    [Test]
    public void ZoneResults_IsleOfWightCar_AllOkWithin1To90MinutesOfStMarys()
    {
        var car = _results.Where(r => r.Mode == "car").ToList();
        Assert.That(car.Where(r => r.Status != "ok").Select(r => $"{r.Option}/{r.Zone}: {r.Status}"), Is.Empty);
        Assert.That(car.Min(r => r.Minutes), Is.GreaterThan(0.0));
        Assert.That(car.Max(r => r.Minutes), Is.LessThanOrEqualTo(90.0));
        // Everyone drives to St Mary's in the baseline: at least a minute, and the island is ~35 km across.
        var baseline = car.Where(r => r.Option == _scenario.Baseline.Id).ToList();
        Assert.That(baseline.Select(r => r.Site), Is.All.EqualTo("R1F01"));
        Assert.That(baseline.Select(r => r.Minutes), Is.All.InRange(1.0, 90.0));
    }

    [Test]
    public void ZoneResults_IsleOfWightTransit_MostZonesReachable()
    {
        var transit = _results.Where(r => r.Mode == "transit").ToList();
        var ok = transit.Where(r => r.Status == "ok").ToList();
        Assert.That(ok.Count, Is.GreaterThanOrEqualTo(transit.Count * 9 / 10), "at least 90% of zone rows reach a site by bus/rail");
        Assert.That(ok.Select(r => r.Minutes), Is.All.InRange(1.0, 240.0));
    }

    [Test]
    public void ZoneResults_IsleOfWightActiveModes_SlowerThanCar()
    {
        var baseline = _results.Where(r => r.Option == _scenario.Baseline.Id && r.Status == "ok").ToList();
        var car = baseline.Where(r => r.Mode == "car").ToDictionary(r => r.Zone, r => r.Minutes);
        Assert.Multiple(() =>
        {
            foreach (var r in baseline.Where(r => r.Mode is "walk" or "cycle"))
            {
                Assert.That(r.Minutes, Is.GreaterThanOrEqualTo(car[r.Zone]), $"{r.Mode} {r.Zone}");
                Assert.That(r.Minutes, Is.LessThanOrEqualTo(r.Mode == "walk" ? 400.0 : 150.0), $"{r.Mode} {r.Zone}");
            }
        });
    }

    [Test]
    public void Summary_IsleOfWight_EqualityByImdQuintileAnd65PlusAndRanking()
    {
        using var summary = EndToEndFiles.ReadJson(Path.Combine(_out, "summary.json"));
        var root = summary.RootElement;
        var equality = root.GetProperty("equality").EnumerateArray().ToList();
        var imd = equality.Where(e => e.GetProperty("dimension").GetString() == "imd_quintile").ToList();
        var age = equality.Where(e => e.GetProperty("dimension").GetString() == "age").ToList();
        var combinations = _scenario.AllOptions.Count * _scenario.Modes.Count * _scenario.Services.Count;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("metrics").GetArrayLength(), Is.EqualTo(combinations));
            Assert.That(imd.Select(e => e.GetProperty("group").GetString()).Distinct(), Is.EquivalentTo(new[] { "1", "2", "3", "4", "5" }));
            Assert.That(imd, Has.Count.EqualTo(5 * combinations));
            Assert.That(age.Select(e => e.GetProperty("group").GetString()), Has.Some.EqualTo("65+"));
            var over65 = age.Where(e => e.GetProperty("group").GetString() == "65+").ToList();
            Assert.That(over65, Has.Count.EqualTo(combinations));
            Assert.That(over65.Select(e => e.GetProperty("population").GetDouble()), Is.All.EqualTo(Aged65Plus));
            Assert.That(imd.Where(e => e.GetProperty("option").GetString() == "A" && e.GetProperty("mode").GetString() == "car")
                .Sum(e => e.GetProperty("population").GetDouble()), Is.EqualTo(UsualResidents));
            Assert.That(root.GetProperty("ranking").GetArrayLength(), Is.EqualTo(_scenario.AllOptions.Count));
        });
    }

    [Test]
    public void Placement_IsleOfWight_ThreeGpOrPharmacySites()
    {
        var (header, chosen) = EndToEndFiles.ReadCsv(Path.Combine(_out, "placement", "chosen_sites.csv"));
        var candidates = _scenario.Placement!.Candidates!;
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in (SiteSpec[])[candidates, .. candidates.Also ?? []])
        {
            var (candidateHeader, rows) = EndToEndFiles.ReadCsv(_scenario.Resolve(spec.File));
            var idColumn = Array.IndexOf(candidateHeader, spec.Id);
            allowed.UnionWith(rows.Select(r => r[idColumn]));
        }
        Assert.That(chosen, Has.Count.EqualTo(3));
        Assert.That(chosen.Select(c => c[Array.IndexOf(header, "site_id")]), Is.SubsetOf(allowed));
        var (_, allocation) = EndToEndFiles.ReadCsv(Path.Combine(_out, "placement", "allocation.csv"));
        Assert.That(allocation, Has.Count.EqualTo(Lsoas), "every LSOA allocated");
    }

    [Test]
    public async Task Report_IsleOfWightInChromium_NoConsoleErrorsOrFailedRequests()
    {
        var outcome = await ReportInBrowser.OpenAsync(Path.Combine(_out, "report.html"));
        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Images, Is.GreaterThan(0));
        // A board paper: every input of the scenario listed with its date, attribution on the page and on every map, CSV for every table.
        Assert.Multiple(() =>
        {
            foreach (var file in (string[])["lsoa21_pwc_iow.csv", "lsoa21_boundaries_iow.geojson", "imd2025_lsoa21_iow.csv", "lookup_lsoa21_ward24_ltla24_iow.csv",
                         "ruc21_lsoa21_iow.csv", "census2021_age6_lsoa21_iow.csv", "nhs_choices_2014_hospitals_iow_solent.csv", "nhs_choices_2014_clinics_iow.csv",
                         "iow-filtered.osm.pbf", "iow-bus-gtfs.zip", "iow-rail-gtfs.zip"])
            {
                Assert.That(outcome.Text, Does.Contain(file), "methods and data lists " + file);
            }
            Assert.That(outcome.Text, Does.Contain("Methods and data"));
            Assert.That(outcome.Text, Does.Contain("data to 20"), "the OSM extract's date");
            Assert.That(outcome.Text, Does.Contain("calendar 20"), "the timetables' dates");
            Assert.That(outcome.Text, Does.Contain("service date 2020-06-02"));
            Assert.That(outcome.Text, Does.Contain("© OpenStreetMap contributors (ODbL)"));
            Assert.That(outcome.Text, Does.Contain("Open Government Licence v3.0"));
            Assert.That(outcome.MapImages, Is.GreaterThan(0));
            Assert.That(outcome.MapImagesWithAttribution, Is.EqualTo(outcome.MapImages), "attribution on every map");
            Assert.That(outcome.CsvLinks, Is.EqualTo(outcome.Tables), "every table downloadable as CSV");
        });
    }
}
