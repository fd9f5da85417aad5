using BenchmarkDotNet.Attributes;
using Geo.Catchment.Costs;
using Geo.Catchment.Equality;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Routing.Geometry;

namespace Geo.Benchmarks.Catchment;

/// <summary>
/// Appraisal scoring from an in-memory matrix: zones (35,672 = LSOAs 2021 in England) x 200 sites x 5 options (baseline + 4),
/// one mode, one service. Synthetic matrix (seeded), ~1% no-route cells; each option opens 60-140 sites.
/// Baseline = a plain single-threaded reference loop over the same data.
/// </summary>
[MemoryDiagnoser]
public class OptionScoringBench
{
    private const int Sites = 200;
    private ZoneTable _zones = null!;
    private SiteTable _sites = null!;
    private Scenario _scenario = null!;
    private Dictionary<string, TravelMatrix> _matrices = null!;
    private int[][] _open = null!;
    private ScoringResult _scored = null!;

    [Params(35_672)]
    public int Zones { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        var codes = new string[Zones];
        var points = new GeoPoint[Zones];
        var population = new double[Zones];
        var age = new double[Zones];
        var decile = new int[Zones];
        for (var z = 0; z < Zones; z++)
        {
            codes[z] = "E0" + z.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            points[z] = new GeoPoint(-5 + random.NextDouble() * 6, 50 + random.NextDouble() * 5);
            population[z] = 1000 + random.Next(1000);
            age[z] = population[z] * random.NextDouble() * 0.4;
            decile[z] = 1 + random.Next(10);
        }
        _zones = new ZoneTable(codes, codes, points, population, age, decile);
        _sites = new SiteTable([.. Enumerable.Range(0, Sites).Select(i => new Site("S" + i, "Site " + i, new GeoPoint(-5 + random.NextDouble() * 6, 50 + random.NextDouble() * 5)))]);
        var minutes = new double[Zones * Sites];
        for (var i = 0; i < minutes.Length; i++)
        {
            minutes[i] = random.NextDouble() < 0.01 ? double.NaN : 2 + random.NextDouble() * 180;
        }
        _matrices = new Dictionary<string, TravelMatrix>
        {
            ["car"] = new("car", codes, [.. _sites.Sites.Select(s => s.Id)], minutes) { Kilometres = [.. minutes.Select(m => m * 0.8)] },
        };
        _open = [.. Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, Sites).Where(_ => random.NextDouble() < 0.3 + 0.4 * random.NextDouble()).ToArray())];
        OptionSpec Option(int o) => new()
        {
            Id = "o" + o.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Sites = _open[o].ToDictionary(s => "S" + s.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => (IReadOnlyList<string>)["x"]),
        };
        _scenario = new Scenario { Modes = ["car"], Services = ["x"], Baseline = Option(0), Options = [.. Enumerable.Range(1, 4).Select(Option)] };
        _scored = Score();
    }

    [Benchmark]
    public ScoringResult Score() => OptionScorer.Score(_scenario, _zones, _sites, _matrices, CostSettings.Default);

    [Benchmark]
    public AppraisalAggregates Aggregate() => AppraisalAggregates.Compute(_scored, [_zones.Population]);

    /// <summary>Reference: nearest open site per zone and option, single-threaded, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public double ReferenceNearestLoop()
    {
        var m = _matrices["car"].Minutes;
        double checksum = 0;
        foreach (var open in _open)
        {
            for (var z = 0; z < Zones; z++)
            {
                var best = double.PositiveInfinity;
                foreach (var s in open)
                {
                    var t = m[z * Sites + s];
                    if (t < best)
                    {
                        best = t;
                    }
                }
                checksum += best;
            }
        }
        return checksum;
    }
}
