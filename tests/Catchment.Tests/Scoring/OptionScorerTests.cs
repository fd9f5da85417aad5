using Geo.Catchment.Costs;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scoring;

[TestFixture]
public sealed class OptionScorerTests
{
    private static (ZoneTable Zones, SiteTable Sites) Make(int zones, int sites)
    {
        var codes = Enumerable.Range(0, zones).Select(i => "Z" + i).ToArray();
        var zoneTable = new ZoneTable(codes, codes, [.. codes.Select((_, i) => new GeoPoint(-1 + i * 1e-3, 51))],
            [.. codes.Select(_ => 1.0)]);
        var siteTable = new SiteTable([.. Enumerable.Range(0, sites).Select(i => new Site("S" + i, "Site " + i, new GeoPoint(-1, 51 + i * 1e-3)))]);
        return (zoneTable, siteTable);
    }

    private static Dictionary<string, IReadOnlyList<string>> Open(IEnumerable<int> sites, params string[] services) =>
        sites.ToDictionary(s => "S" + s, _ => (IReadOnlyList<string>)services);

    /// <summary>Oracle: on random matrices (with no-route cells and ties), the scorer equals a brute-force nearest/second search.</summary>
    [Test]
    public void Score_RandomMatrices_MatchesBruteForce([Values(1, 2, 3)] int seed, [Values(10, 5000)] int zoneCount)
    {
        var random = new Random(seed);
        const int siteCount = 12;
        var (zones, sites) = Make(zoneCount, siteCount);
        var minutes = new double[zoneCount * siteCount];
        for (var i = 0; i < minutes.Length; i++)
        {
            minutes[i] = random.NextDouble() < 0.1 ? double.NaN : random.Next(0, 40); // integers: many ties
        }
        // Matrix columns in a shuffled order to exercise the id mapping.
        var order = Enumerable.Range(0, siteCount).OrderBy(_ => random.Next()).ToArray();
        var shuffled = new double[minutes.Length];
        for (var z = 0; z < zoneCount; z++)
        {
            for (var c = 0; c < siteCount; c++)
            {
                shuffled[z * siteCount + c] = minutes[z * siteCount + order[c]];
            }
        }
        var matrix = new TravelMatrix("car", zones.Codes, [.. order.Select(s => "S" + s)], shuffled);
        var optionSites = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, siteCount).Where(_ => random.NextDouble() < 0.4).ToArray()).ToList();
        optionSites = [.. optionSites.Select(s => s.Length == 0 ? new[] { 0 } : s)];
        var scenario = new Scenario
        {
            Modes = ["car"],
            Services = ["x"],
            Baseline = new OptionSpec { Id = "o0", Sites = Open(optionSites[0], "x") },
            Options = [.. optionSites.Skip(1).Select((s, i) => new OptionSpec { Id = "o" + (i + 1), Sites = Open(s, "x") })],
        };
        var result = OptionScorer.Score(scenario, zones, sites, new Dictionary<string, TravelMatrix> { ["car"] = matrix }, CostSettings.Default);
        for (var o = 0; o < optionSites.Count; o++)
        {
            var block = result.Block(o, 0, 0);
            for (var z = 0; z < zoneCount; z++)
            {
                var candidates = optionSites[o].OrderBy(s => s).Where(s => !double.IsNaN(minutes[z * siteCount + s]))
                    .OrderBy(s => minutes[z * siteCount + s]).ToList(); // stable: ties keep site order
                if (candidates.Count == 0)
                {
                    Assert.That(block.Status[z], Is.EqualTo(ZoneStatus.Unreachable));
                    Assert.That(block.Site[z], Is.EqualTo(-1));
                    continue;
                }
                Assert.That(block.Site[z], Is.EqualTo(candidates[0]), $"option {o} zone {z}");
                Assert.That(block.Minutes[z], Is.EqualTo(minutes[z * siteCount + candidates[0]]));
                Assert.That(block.NextSite[z], Is.EqualTo(candidates.Count > 1 ? candidates[1] : -1));
                var baseline = result.Block(0, 0, 0);
                var expectedChange = baseline.Status[z] == ZoneStatus.Ok ? block.Minutes[z] - baseline.Minutes[z] : double.NaN;
                Assert.That(block.ChangeMinutes[z], Is.EqualTo(expectedChange));
            }
        }
    }

    [Test]
    public void Score_UnsnappedOrigin_StatusUnsnapped()
    {
        var (zones, sites) = Make(2, 1);
        var matrix = new TravelMatrix("walk", zones.Codes, ["S0"], [5, double.NaN]) { UnsnappedOrigins = [false, true] };
        var scenario = new Scenario
        {
            Modes = ["walk"],
            Services = ["x"],
            Baseline = new OptionSpec { Id = "b", Sites = Open([0], "x") },
        };
        var block = OptionScorer.Score(scenario, zones, sites, new Dictionary<string, TravelMatrix> { ["walk"] = matrix }, CostSettings.Default).Block(0, 0, 0);
        Assert.Multiple(() =>
        {
            Assert.That(block.Status, Is.EqualTo(new[] { ZoneStatus.Ok, ZoneStatus.Unsnapped }));
            Assert.That(block.CarbonKg[0], Is.EqualTo(0)); // walking emits nothing
            Assert.That(block.CostGbp[0], Is.EqualTo(0));
        });
    }

    [Test]
    public void Score_FixedAllocation_OverridesNearest()
    {
        var (zones, sites) = Make(2, 2);
        var matrix = new TravelMatrix("car", zones.Codes, ["S0", "S1"], [5, 9, 7, 3]);
        var scenario = new Scenario
        {
            Modes = ["car"],
            Services = ["x"],
            Baseline = new OptionSpec { Id = "b", Sites = Open([0, 1], "x") },
        };
        var allocations = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["b"] = new Dictionary<string, string> { ["Z0"] = "S1" } };
        var block = OptionScorer.Score(scenario, zones, sites, new Dictionary<string, TravelMatrix> { ["car"] = matrix }, CostSettings.Default, allocations).Block(0, 0, 0);
        Assert.Multiple(() =>
        {
            Assert.That(block.Site, Is.EqualTo(new[] { 1, 1 }));
            Assert.That(block.Minutes, Is.EqualTo(new[] { 9.0, 3 }));
            Assert.That(block.NextSite[0], Is.EqualTo(0));
            Assert.That(block.NextMinutes[0], Is.EqualTo(5));
        });
    }

    [Test]
    public void Score_SeveralServices_OnlySitesProvidingTheServiceCount()
    {
        var (zones, sites) = Make(1, 2);
        var matrix = new TravelMatrix("car", zones.Codes, ["S0", "S1"], [5, 9]);
        var scenario = new Scenario
        {
            Modes = ["car"],
            Services = ["a", "b"],
            Baseline = new OptionSpec
            {
                Id = "b",
                Sites = new Dictionary<string, IReadOnlyList<string>> { ["S0"] = ["a"], ["S1"] = ["a", "b"] },
            },
        };
        var result = OptionScorer.Score(scenario, zones, sites, new Dictionary<string, TravelMatrix> { ["car"] = matrix }, CostSettings.Default);
        Assert.Multiple(() =>
        {
            Assert.That(result.Block(0, 0, 0).Site[0], Is.EqualTo(0));
            Assert.That(result.Block(0, 0, 1).Site[0], Is.EqualTo(1));
        });
    }

    [Test]
    public void Score_NoKmInMatrix_EstimatesStraightLineTimesDetour()
    {
        var zones = new ZoneTable(["Z"], ["Z"], [new GeoPoint(-1, 51)], [1.0]);
        var sites = new SiteTable([new Site("S", "S", new GeoPoint(-1, 51.01))]);
        var matrix = new TravelMatrix("car", ["Z"], ["S"], [3]);
        var scenario = new Scenario { Modes = ["car"], Services = ["x"], Baseline = new OptionSpec { Id = "b", Sites = Open([0], "x").ToDictionary(_ => "S", kv => kv.Value) } };
        var result = OptionScorer.Score(scenario, zones, sites, new Dictionary<string, TravelMatrix> { ["car"] = matrix }, CostSettings.Default);
        var expectedKm = GeoPoint.DistanceMetres(new GeoPoint(-1, 51), new GeoPoint(-1, 51.01)) / 1000 * 1.3;
        Assert.That(result.Block(0, 0, 0).Km[0], Is.EqualTo(expectedKm).Within(1e-9));
        Assert.That(result.KmEstimated["car"], Is.True);
    }
}
