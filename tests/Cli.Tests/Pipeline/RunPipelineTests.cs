using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Geo.Catchment.Appraisal;
using Geo.Catchment.Scenarios;
using Geo.Pipeline;
using Geo.Core;
using Geo.Routing.Search;
using Geo.Samples;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.Cli.Tests.Pipeline;

/// <summary>`geo run` on the SYNTHETIC sample region: every contract file, matrices checked against plain Dijkstra, placement against brute force.</summary>
[TestFixture]
[Category("Slow")]
public sealed class RunPipelineTests
{
    private string _root = null!;
    private string _sample = null!;
    private string _out = null!;
    private RunResult _result = null!;

    [OneTimeSetUp]
    public void RunOnSample()
    {
        _root = Path.Combine(Path.GetTempPath(), "geo-run-tests-" + Guid.NewGuid().ToString("N"));
        _sample = Path.Combine(_root, "sample");
        _out = Path.Combine(_root, "results");
        SampleGenerator.Generate(_sample);
        _result = RunPipeline.Run(new RunOptions { ScenarioPath = Path.Combine(_sample, SampleGenerator.ScenarioFile), OutFolder = _out }, new Progress<string>());
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Run_Sample_WritesEveryContractFile()
    {
        foreach (var name in (string[])["zones.geojson", "sites.geojson", "zone_results.csv", "zone_results.parquet", "summary.json", "zones.gpkg", "report.html",
                     "basemap.geojson", "matrices/car.csv", "matrices/walk.csv", "matrices/cycle.csv", "matrices/transit.csv",
                     "providers.csv", "placement/chosen_sites.csv", "placement/allocation.csv", "placement/placement.geojson", "placement/placement.json"])
        {
            Assert.That(File.Exists(Path.Combine(_out, name)), Is.True, name);
        }
        // 2 modes (car, transit) x 4 options, the placement map (the sample solves a placement), the car isochrones over the
        // baseline time, and 4 need maps: residents per km², care homes per zone, % households without a car, % disabled.
        Assert.That(Directory.GetFiles(Path.Combine(_out, "maps"), "*.png").Select(Path.GetFileName).Order(), Is.EqualTo(new[]
        {
            "A_car_outpatients_change.png", "A_transit_outpatients_change.png", "B_car_outpatients_change.png", "B_transit_outpatients_change.png",
            "C_car_outpatients_change.png", "C_transit_outpatients_change.png", "baseline_car_outpatients_time.png", "baseline_transit_outpatients_time.png",
            "isochrones_car_outpatients.png", "need_density.png", "need_percent-disabled.png", "need_percent-households_no_car.png", "need_points-care-homes.png",
            "placement.png",
        }.Order()));
        Assert.That(File.Exists(Path.Combine(_out, "isochrones", "car.geojson")), Is.True, "isochrones around the sites");
        Assert.That(_result.Warnings, Is.Empty);
        Assert.That(File.ReadAllText(_result.ReportPath), Does.Contain("data:image/png"), "maps embedded in report.html");
        foreach (var file in _result.Files)
        {
            Assert.That(File.Exists(file), Is.True, file);
        }
    }

    [Test]
    public void Run_Summary_HasEveryOptionModeAndService()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "summary.json")));
        var metrics = doc.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.That(metrics, Has.Count.EqualTo(4 * 4 * 2), "4 options x 4 modes x 2 services");
        foreach (var m in metrics.Where(m => m.GetProperty("mode").GetString() == "car"))
        {
            Assert.That(m.GetProperty("meanMinutes").GetDouble(), Is.InRange(1.0, 30.0));
        }
    }

    /// <summary>geo run prices transit journeys with the fare model (defaults when the scenario names none), not a flat fare.</summary>
    [Test]
    public void TransitMatrix_CarriesFares_IntoTheAppraisalCost()
    {
        var matrix = ReadCsv(Path.Combine(_out, "matrices", "transit.csv"));
        var fares = new Dictionary<(string, string), double>();
        foreach (var row in matrix.Where(r => r["status"] == "ok"))
        {
            Assert.That(row["fare_gbp"], Is.Not.Empty, $"fare of {row["origin_id"]} -> {row["destination_id"]}");
            fares[(row["origin_id"], row["destination_id"])] = Number(row["fare_gbp"]);
        }
        Assert.That(fares, Is.Not.Empty);
        var priced = 0;
        foreach (var row in ReadCsv(Path.Combine(_out, "zone_results.csv")).Where(r => r["mode"] == "transit" && r["status"] == "ok"))
        {
            // 2 journeys per visit (costs.default.json) x the fare of the chosen site's journey.
            Assert.That(Number(row["cost_gbp"]), Is.EqualTo(2 * fares[(row["zone_id"], row["site_id"])]).Within(0.005), row["zone_id"]);
            priced++;
        }
        Assert.That(priced, Is.GreaterThan(0));
    }

    [Test]
    public void RoadMatrix_EveryPair_EqualsPlainDijkstra()
    {
        var scenario = ScenarioReader.Read(Path.Combine(_sample, SampleGenerator.ScenarioFile));
        var inputs = AppraisalInputs.Load(scenario);
        var network = StreetNetwork.Load(Path.Combine(_out, StreetStage.CacheFile));
        foreach (var mode in TravelModes.All)
        {
            var graph = network.GetModeGraph(mode);
            var snapper = network.CreateSnapper(mode, graph);
            var rows = ReadLongMatrix(Path.Combine(_out, "matrices", mode.ToName() + ".csv"));
            var checkedPairs = 0;
            for (var z = 0; z < inputs.Zones.Count; z += 7)
            {
                var from = snapper.Snap(inputs.Zones.Points[z], 1000);
                var best = Dijkstra(graph, from.Outbound);
                for (var s = 0; s < inputs.Sites.Count; s++)
                {
                    var to = snapper.Snap(inputs.Sites[s].Point, 1000);
                    if (to.EdgeIndex == from.EdgeIndex)
                    {
                        continue; // same street segment: the matrix may travel straight along it
                    }
                    var expectedMs = to.Inbound.Where(i => best[i.Vertex] < long.MaxValue).Select(i => best[i.Vertex] + i.DurationMs).DefaultIfEmpty(long.MaxValue).Min();
                    // plus the straight-line legs from the zone to its street and from the site's street to the site
                    var speed = OffNetworkLeg.SpeedKmh(mode, network.Profiles);
                    expectedMs += OffNetworkLeg.Of(from, speed).DurationMs + OffNetworkLeg.Of(to, speed).DurationMs;
                    var actual = rows[(inputs.Zones.Codes[z], inputs.Sites[s].Id)];
                    Assert.That(actual, Is.EqualTo(expectedMs / 60_000.0).Within(0.001), $"{mode} {inputs.Zones.Codes[z]} -> {inputs.Sites[s].Id}");
                    checkedPairs++;
                }
            }
            Assert.That(checkedPairs, Is.GreaterThan(100), mode.ToName());
        }
    }

    [Test]
    public void Placement_PMedian_EqualsBruteForceOverCandidates()
    {
        var zones = ReadCsv(Path.Combine(_sample, SampleGenerator.ZonesFile));
        var candidates = ReadCsv(Path.Combine(_sample, SampleGenerator.CommunitySitesFile)).Select(r => r["site_id"]).ToList();
        var car = ReadLongMatrix(Path.Combine(_out, "matrices", "car.csv"));
        var need = zones.ToDictionary(z => z["zone_id"], z => Number(z["population"]) + 2 * Number(z["age65plus"]));
        var best = double.MaxValue;
        string[] bestSet = [];
        for (var a = 0; a < candidates.Count; a++)
        {
            for (var b = a + 1; b < candidates.Count; b++)
            {
                for (var c = b + 1; c < candidates.Count; c++)
                {
                    string[] open = [candidates[a], candidates[b], candidates[c]];
                    var total = need.Sum(n => n.Value * open.Min(s => car[(n.Key, s)]));
                    if (total < best)
                    {
                        best = total;
                        bestSet = open;
                    }
                }
            }
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "placement", "placement.json")));
        Assert.That(doc.RootElement.GetProperty("objective").GetDouble(), Is.EqualTo(best).Within(best * 1e-5), "matrices/car.csv rounds minutes to 4 decimals");
        var chosen = ReadCsv(Path.Combine(_out, "placement", "chosen_sites.csv")).Select(r => r["site_id"]).Order(StringComparer.Ordinal);
        Assert.That(chosen, Is.EqualTo(bestSet.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void Providers_EveryOptionAndService_NearestIsAnOpenSite()
    {
        var rows = ReadCsv(Path.Combine(_out, "providers.csv"));
        Assert.That(rows, Has.Count.EqualTo(4 * 2 * 15), "4 options x 2 services x 15 care homes");
        var scenario = ScenarioReader.Read(Path.Combine(_sample, SampleGenerator.ScenarioFile));
        foreach (var row in rows)
        {
            var option = scenario.AllOptions.Single(o => o.Id == row["option_id"]);
            var open = option.Sites.Where(s => s.Value.Contains(row["service"])).Select(s => s.Key).ToList();
            Assert.That(open, Does.Contain(row["site_id"]), $"{row["option_id"]} {row["service"]} {row["provider_id"]}");
            if (row["second_site_id"].Length > 0)
            {
                Assert.That(Number(row["minutes"]), Is.LessThanOrEqualTo(Number(row["second_minutes"])));
            }
        }
        // Option A moves Kingsford outpatients to H1: no care home goes to H2 for outpatients.
        Assert.That(rows.Where(r => r["option_id"] == "A" && r["service"] == "outpatients").All(r => r["site_id"] == "H1"), Is.True);
    }

    [Test]
    public void Run_Again_ReusesNetworkSameZoneResultsAndWarnsOfStrayMaps()
    {
        var again = Path.Combine(_root, "again");
        Directory.CreateDirectory(Path.Combine(again, "network"));
        foreach (var file in Directory.GetFiles(Path.Combine(_out, "network")))
        {
            File.Copy(file, Path.Combine(again, "network", Path.GetFileName(file)));
        }
        Directory.CreateDirectory(Path.Combine(again, "maps"));
        File.Copy(Directory.GetFiles(Path.Combine(_out, "maps"))[0], Path.Combine(again, "maps", "stray.png"));
        var result = RunPipeline.Run(new RunOptions
        {
            ScenarioPath = Path.Combine(_sample, SampleGenerator.ScenarioFile),
            OutFolder = again,
            Threads = 1,
        }, new Progress<string>());
        Assert.That(result.Stages.Single(s => s.Name == "Street network").Detail, Does.StartWith("cached"));
        Assert.That(result.Warnings, Has.Count.EqualTo(1));
        Assert.That(result.Warnings[0], Does.Contain("stray.png"));
        Assert.That(File.ReadAllText(Path.Combine(again, "zone_results.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_out, "zone_results.csv"))));
    }

    /// <summary>
    /// #13: a placement block with p = 99 (more than the sample's candidates) is infeasible. The run does not stop: the appraisal
    /// results are written, the warning, summary.json, placement/placement.json and report.html say it is infeasible and why,
    /// and no chosen_sites.csv or allocation.csv is written to be misread.
    /// </summary>
    [Test]
    public void Run_PlacementInfeasible_OtherResultsWrittenAndSummaryAndReportSayWhy()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(_sample, SampleGenerator.ScenarioFile)))!;
        scenario["modes"] = new JsonArray("car");
        scenario["placement"]!["p"] = 99;
        var scenarioPath = Path.Combine(_sample, "infeasible-placement.json");
        File.WriteAllText(scenarioPath, scenario.ToJsonString());
        var outFolder = Path.Combine(_root, "infeasible");
        Directory.CreateDirectory(Path.Combine(outFolder, "network"));
        foreach (var file in Directory.GetFiles(Path.Combine(_out, "network")))
        {
            File.Copy(file, Path.Combine(outFolder, "network", Path.GetFileName(file)));
        }
        var result = RunPipeline.Run(new RunOptions { ScenarioPath = scenarioPath, OutFolder = outFolder, SkipMaps = true }, new Progress<string>());

        Assert.That(result.Warnings.Count(w => w.Contains("placement infeasible", StringComparison.Ordinal) && w.Contains("p = 99", StringComparison.Ordinal)), Is.EqualTo(1));
        foreach (var name in (string[])["zone_results.csv", "summary.json", "report.html", "matrices/car.csv", "placement/placement.json"])
        {
            Assert.That(File.Exists(Path.Combine(outFolder, name)), Is.True, name);
        }
        Assert.That(File.Exists(Path.Combine(outFolder, "placement", "chosen_sites.csv")), Is.False);
        Assert.That(File.Exists(Path.Combine(outFolder, "placement", "allocation.csv")), Is.False);
        Assert.That(result.Files.All(File.Exists), Is.True, "every file listed was written");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
        var placement = summary.RootElement.GetProperty("placement");
        Assert.That(placement.GetProperty("status").GetString(), Is.EqualTo("infeasible"));
        Assert.That(placement.GetProperty("reason").GetString(), Does.Contain("p = 99 new sites is larger than the").And.Contain("candidate sites"));
        var report = System.Net.WebUtility.HtmlDecode(File.ReadAllText(result.ReportPath));
        Assert.That(report, Does.Contain("No placement: infeasible").And.Contain("p = 99 new sites is larger than the"));
    }

    [Test]
    public void Run_BadTransitWindow_NamesFieldAndWritesNothing()
    {
        var scenarioPath = Path.Combine(_sample, "bad-window.json");
        var text = File.ReadAllText(Path.Combine(_sample, SampleGenerator.ScenarioFile)).Replace("\"07:00-10:00\"", "\"10:00-07:00\"", StringComparison.Ordinal);
        File.WriteAllText(scenarioPath, text);
        var outFolder = Path.Combine(_root, "bad");
        var e = Assert.Throws<InputFileException>(() => RunPipeline.Run(new RunOptions { ScenarioPath = scenarioPath, OutFolder = outFolder, SkipMaps = true }, new Progress<string>()));
        Assert.That(e!.Field, Is.EqualTo("$.transit.window"), "checked with the scenario, before any work");
        Assert.That(File.Exists(Path.Combine(outFolder, "summary.json")), Is.False);
    }

    [Test]
    public void RunCommand_SummaryJson_HasEveryStageTotalAndPeakMemory()
    {
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_sample, SampleGenerator.ScenarioFile)))!.AsObject();
        scenario["modes"] = new System.Text.Json.Nodes.JsonArray("car");
        scenario["transit"] = null;
        scenario["placement"] = null;
        var scenarioPath = Path.Combine(_sample, "car-only.json");
        File.WriteAllText(scenarioPath, scenario.ToJsonString());
        var jsonPath = Path.Combine(_root, "run-summary.json");
        var network = Path.Combine(_out, RunPipeline.NetworkCacheFolder, "streets.geonet");

        var code = Program.Main(["run", scenarioPath, "--out", Path.Combine(_root, "summary-run"), "--network", network, "--no-maps", "--summary-json", jsonPath]);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = json.RootElement;
        Assert.That(root.GetProperty("command").GetString(), Is.EqualTo("run"));
        var phases = root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()).ToArray();
        Assert.That(phases, Is.EqualTo(new[] { "Inputs", "Street network", "Matrix car", "Providers", "Isochrones", "Appraisal", "Basemap" }));
        var stageSeconds = root.GetProperty("phases").EnumerateArray().Sum(p => p.GetProperty("seconds").GetDouble());
        Assert.That(root.GetProperty("total_seconds").GetDouble(), Is.GreaterThanOrEqualTo(stageSeconds - 0.01), "the total covers the stages");
        Assert.That(root.GetProperty("peak_memory_bytes").GetInt64(), Is.GreaterThan(10_000_000));
        Assert.That(root.GetProperty("zones").GetInt32(), Is.EqualTo(_result.Appraisal.Summary.ZoneCount));
        Assert.That(root.GetProperty("stages")[2].GetProperty("stage").GetString(), Is.EqualTo("Matrix car"));
    }

    [Test]
    public void Run_NeedMapsVisits_FlowsGeoJsonAndMapWithUnmatchedVisitsWarned()
    {
        // Visits: zone S01000001 to H1 twice (12 + 8 = one line of 20), S01000002 to H2 (5), one row naming no zone (3, warned).
        File.WriteAllText(Path.Combine(_sample, "visits.csv"), "zone_id,site_id,count\nS01000001,H1,12\nS01000002,H2,5\nS01000001,H1,8\nNO_SUCH_ZONE,H1,3\n");
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_sample, SampleGenerator.ScenarioFile)))!.AsObject();
        scenario["modes"] = new System.Text.Json.Nodes.JsonArray("car");
        scenario["transit"] = null;
        scenario["placement"] = null;
        scenario["isochrones"] = null;
        scenario["needMaps"] = new System.Text.Json.Nodes.JsonObject { ["visits"] = "visits.csv" };
        var scenarioPath = Path.Combine(_sample, "visits.json");
        File.WriteAllText(scenarioPath, scenario.ToJsonString());
        var outFolder = Path.Combine(_root, "visits-run");

        var result = RunPipeline.Run(new RunOptions
        {
            ScenarioPath = scenarioPath, OutFolder = outFolder, NetworkPath = Path.Combine(_out, RunPipeline.NetworkCacheFolder, "streets.geonet"),
        }, new Progress<string>());

        using var flows = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "flows.geojson")));
        var lines = flows.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (f.GetProperty("properties").GetProperty("zone_id").GetString(), f.GetProperty("properties").GetProperty("visits").GetDouble())).ToArray();
        Assert.That(lines, Is.EqualTo(new[] { ("S01000001", 20.0), ("S01000002", 5.0) }));
        Assert.That(result.Warnings, Has.Some.Contains("3 visits name a zone or site not in the results"));
        Assert.That(File.Exists(Path.Combine(outFolder, "maps", "flows.png")), Is.True, "flow map drawn");
        Assert.That(File.ReadAllText(Path.Combine(outFolder, "report.html")), Does.Contain("alt=\"flows\"").And.Contain("visits.csv"), "flow map and its input in the report");
    }

    [Test]
    public void RunCommand_NoScenario_ExitsWithUsage()
    {
        Assert.That(Program.Main(["run"]), Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void RunCommand_MissingScenarioFile_ExitsWithBadInput()
    {
        Assert.That(Program.Main(["run", Path.Combine(_root, "missing.json"), "--out", Path.Combine(_root, "never")]), Is.EqualTo(ExitCodes.BadInput));
    }

    private static Dictionary<(string, string), double> ReadLongMatrix(string path)
    {
        var result = new Dictionary<(string, string), double>();
        foreach (var row in ReadCsv(path))
        {
            result[(row["origin_id"], row["destination_id"])] = row["minutes"].Length == 0 ? double.NaN : Number(row["minutes"]);
        }
        return result;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path) => Sample.SampleOutput.ReadCsv(File.ReadAllText(path));

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static long[] Dijkstra(ModeGraph graph, IEnumerable<SnapSeed> seeds)
    {
        var best = new long[graph.VertexCount];
        Array.Fill(best, long.MaxValue);
        var queue = new PriorityQueue<int, long>();
        foreach (var seed in seeds)
        {
            if (seed.DurationMs < best[seed.Vertex])
            {
                best[seed.Vertex] = seed.DurationMs;
                queue.Enqueue(seed.Vertex, seed.DurationMs);
            }
        }
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > best[v])
            {
                continue;
            }
            for (var e = graph.FirstEdge[v]; e < graph.FirstEdge[v + 1]; e++)
            {
                var nd = d + graph.EdgeDurationMs[e];
                if (nd < best[graph.EdgeTarget[e]])
                {
                    best[graph.EdgeTarget[e]] = nd;
                    queue.Enqueue(graph.EdgeTarget[e], nd);
                }
            }
        }
        return best;
    }
}
