using System.Text.Json;
using Geo.Cli.Tests.EndToEnd;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.Samples.National;
using NUnit.Framework;

namespace Geo.Cli.Tests.Sample.National;

/// <summary>
/// The national-style generator on a CI-sized cut of the real LSOA centroids: deterministic files, a network with the
/// features the generator promises, CH = Dijkstra on its car graph, and the whole `geo run` (four modes, appraisal, placement).
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class NationalRegionTests
{
    private string _root = null!;
    private NationalSummary _summary = null!;
    private StreetNetwork _network = null!;

    private NationalOptions Options(string folder, double scale) => new()
    {
        CentroidsPath = Path.Combine(EndToEndFiles.SharedDataOrIgnore("england-wales-lsoa21-centroids"), "LSOA_PopCentroids_EW_2021_V3.shp"),
        OutFolder = folder,
        Scale = scale,
        Hospitals = 3,
    };

    [OneTimeSetUp]
    public void Generate()
    {
        _root = EndToEndFiles.NewTempFolder("geo-national-tests");
        _summary = NationalGenerator.Generate(Options(Path.Combine(_root, "a"), 0.001));
        _network = StreetNetwork.BuildFromPbf(Path.Combine(_root, "a", NationalGenerator.OsmFile));
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Generate_SameSeedTwice_ByteIdenticalFiles()
    {
        var again = Path.Combine(_root, "b");
        NationalGenerator.Generate(Options(again, 0.001));
        foreach (var name in (string[])[NationalGenerator.OsmFile, NationalGenerator.GtfsFile, NationalGenerator.ZonesFile, NationalGenerator.ScenarioFile])
        {
            Assert.That(File.ReadAllBytes(Path.Combine(again, name)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_root, "a", name))), name);
        }
    }

    [Test]
    public void Generate_CiScale_RealCentroidsAndRoadLikeNetwork()
    {
        Assert.That(_summary.Zones, Is.EqualTo(36), "0.1% of 35,672 centroids");
        Assert.That(_summary.Ways, Is.GreaterThan(_summary.Zones * 80), "about 90 ways per zone");
        Assert.That(_summary.StopTimes, Is.GreaterThan(_summary.Zones * 500));
        var report = _network.BuildReport;
        Assert.That(report.MissingNodes, Is.Zero);
        Assert.That(report.TurnRestrictionsApplied, Is.EqualTo(_summary.Restrictions));
        Assert.That(report.Car.VerticesDroppedByPruning, Is.GreaterThan(0), "the generated island is pruned");
        Assert.That(report.Walk.Edges, Is.GreaterThan(report.Car.Edges), "footways, and one-way streets are two-way on foot");
        Assert.That(report.DistinctTagSets, Is.GreaterThanOrEqualTo(8), "residential 20/30 mph, one-way both ways, high street, footway, private, links");
    }

    [Test]
    public void Hierarchy_GeneratedCarNetwork_EqualsDijkstraOnRandomPairs()
    {
        var graph = _network.GetModeGraph(TravelMode.Car);
        var ch = ContractionBuilder.Build(graph);
        var random = new Random(5);
        SnapSeed[][] Seeds(int count) => [.. Enumerable.Range(0, count).Select(_ => new[] { new SnapSeed(random.Next(graph.VertexCount), 0, 0) })];
        var request = new MatrixRequest { Sources = Seeds(40), Targets = Seeds(30) };
        var expected = DijkstraMatrix.Compute(graph, request);
        var actual = new ManyToManyCh(ch).Compute(request);
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs), "1,200 pairs");
        Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm));
        Assert.That(expected.DurationMs.Count(d => d != TravelTime.Unreached), Is.GreaterThan(1_100), "almost all pairs connected");
    }

    [Test]
    public void GeoRun_CiRegion_AllFourModesAppraisalAndPlacement()
    {
        var folder = Path.Combine(_root, "small");
        NationalGenerator.Generate(Options(folder, 0.0004));
        var results = Path.Combine(_root, "results");
        var (exitCode, _) = EndToEndFiles.RunGeo(Path.Combine(folder, NationalGenerator.ScenarioFile), results);
        Assert.That(exitCode, Is.Zero);
        foreach (var mode in (string[])["car", "walk", "cycle", "transit"])
        {
            Assert.That(File.Exists(Path.Combine(results, "matrices", mode + ".csv")), Is.True, mode);
        }
        Assert.That(File.Exists(Path.Combine(results, "placement", "chosen_sites.csv")), Is.True);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        var metrics = doc.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.That(metrics, Has.Count.EqualTo(2 * 4), "2 options x 4 modes x 1 service");
        foreach (var m in metrics)
        {
            Assert.That(m.GetProperty("meanMinutes").GetDouble(), Is.InRange(0.5, 120.0), m.ToString());
        }
    }
}
