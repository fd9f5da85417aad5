using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Geo.Catchment.Allocation;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Inputs;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Benchmarks.Catchment;

/// <summary>
/// Site placement: exact p-median 100 x 100 p = 8 (the PySAL spopt example size), exact MCLP on 1,702 Greater Manchester
/// LSOA population-weighted centroids x 631 pharmacies with straight-line minutes at 30 km/h (threshold 5 min, p = 20,
/// need = 2021 census residents), and the p-median heuristic on synthetic 3,567 / 35,672 zones x 1,000 candidates, p = 20.
/// </summary>
[MemoryDiagnoser]
public class AllocationBench
{
    private PlacementProblem _pmedian100 = null!;
    private PlacementProblem _mclpGm = null!;
    private PlacementProblem _large3567 = null!;
    private PlacementProblem _large35672 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pmedian100 = Synthetic(100, 100, 8, seed: 1) with { Solver = PlacementSolverChoice.Exact };
        _mclpGm = GreaterManchesterMclp();
        _large3567 = Synthetic(3_567, 1_000, 20, seed: 2) with { Solver = PlacementSolverChoice.Heuristic };
        _large35672 = Synthetic(35_672, 1_000, 20, seed: 2) with { Solver = PlacementSolverChoice.Heuristic };
    }

    [Benchmark]
    public double PMedian100x100P8Exact() => LocationAllocation.Solve(_pmedian100).Objective;

    [Benchmark]
    public double MclpGreaterManchester1702x631P20Exact() => LocationAllocation.Solve(_mclpGm).Objective;

    [Benchmark]
    public double PMedianHeuristic3567x1000P20() => LocationAllocation.Solve(_large3567).Objective;

    [Benchmark]
    public double PMedianHeuristic35672x1000P20() => LocationAllocation.Solve(_large35672).Objective;

    /// <summary>Zones and sites uniform on a 60 x 60 km square; minutes = straight-line km at 30 km/h; need 1-100.</summary>
    public static PlacementProblem Synthetic(int zones, int sites, int p, int seed)
    {
        var random = new Random(seed);
        var zx = new double[zones];
        var zy = new double[zones];
        for (var i = 0; i < zones; i++)
        {
            zx[i] = random.NextDouble() * 60;
            zy[i] = random.NextDouble() * 60;
        }
        var sx = new double[sites];
        var sy = new double[sites];
        for (var j = 0; j < sites; j++)
        {
            sx[j] = random.NextDouble() * 60;
            sy[j] = random.NextDouble() * 60;
        }
        var minutes = new double[(long)zones * sites];
        Parallel.For(0, zones, i =>
        {
            for (var j = 0; j < sites; j++)
            {
                minutes[(long)i * sites + j] = Math.Sqrt((zx[i] - sx[j]) * (zx[i] - sx[j]) + (zy[i] - sy[j]) * (zy[i] - sy[j])) * 2;
            }
        });
        var need = new double[zones];
        for (var i = 0; i < zones; i++)
        {
            need[i] = random.Next(1, 101);
        }
        return new PlacementProblem
        {
            Kind = PlacementProblemKind.PMedian,
            Matrix = new TravelMatrix("synthetic", Ids("z", zones), Ids("s", sites), minutes),
            Need = need,
            IsExisting = new bool[sites],
            IsCandidate = Enumerable.Repeat(true, sites).ToArray(),
            NewSites = p,
            TimeLimitSeconds = 60,
        };
    }

    public static PlacementProblem GreaterManchesterMclp()
    {
        var folder = DataFolder("greater-manchester-partial");
        var lsoa = CsvTable.Read(Path.Combine(folder, "lsoa", "lsoa21_pwc_gm.csv"), requireSameWidth: true);
        var code = lsoa.RequireAny("code", "LSOA21CD");
        var lon = lsoa.RequireAny("lon", "lon");
        var lat = lsoa.RequireAny("lat", "lat");
        var census = CsvTable.Read(Path.Combine(folder, "lsoa", "census2021_age6_lsoa21_gm.csv"), requireSameWidth: true);
        var censusCode = census.RequireAny("code", "lsoa21_code");
        var residents = census.RequireAny("residents", "usual_residents");
        var population = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var r = 0; r < census.Count; r++)
        {
            var key = census.Cell(r, censusCode);
            population[key] = population.GetValueOrDefault(key) + census.NumberOrNaN(r, residents);
        }
        var zones = Enumerable.Range(0, lsoa.Count).Select(r => new GeoPoint(lsoa.NumberOrNaN(r, lon), lsoa.NumberOrNaN(r, lat))).ToArray();
        var zoneIds = Enumerable.Range(0, lsoa.Count).Select(r => lsoa.Cell(r, code)).ToArray();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sites", "gm_pharmacies.geojson")));
        var sites = new List<GeoPoint>();
        var siteIds = new List<string>();
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            sites.Add(new GeoPoint(coordinates[0].GetDouble(), coordinates[1].GetDouble()));
            siteIds.Add(feature.GetProperty("properties").GetProperty("organisation_data_service_code").GetString() + "#" + siteIds.Count.ToString(CultureInfo.InvariantCulture));
        }
        var minutes = new double[zones.Length * sites.Count];
        for (var i = 0; i < zones.Length; i++)
        {
            for (var j = 0; j < sites.Count; j++)
            {
                minutes[i * sites.Count + j] = GeoPoint.DistanceMetres(zones[i], sites[j]) / 500.0; // 30 km/h = 500 m per minute
            }
        }
        return new PlacementProblem
        {
            Kind = PlacementProblemKind.Mclp,
            Matrix = new TravelMatrix("straight-line-30kmh", zoneIds, siteIds, minutes),
            Need = zoneIds.Select(z => population.GetValueOrDefault(z)).ToArray(),
            IsExisting = new bool[sites.Count],
            IsCandidate = Enumerable.Repeat(true, sites.Count).ToArray(),
            NewSites = 20,
            ThresholdMinutes = 5,
            Solver = PlacementSolverChoice.Exact,
            TimeLimitSeconds = 60,
        };
    }

    private static string[] Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string DataFolder(string region)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Geo.sln")))
        {
            folder = folder.Parent;
        }
        var root = folder?.FullName ?? "/work/main";
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data", region));
    }
}
