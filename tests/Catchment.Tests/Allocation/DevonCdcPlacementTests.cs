using Geo.Catchment.Scenarios;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Allocation;

/// <summary>
/// The Devon Community Diagnostic Centre case (shared/data/devon-cdc-reference): 729 LSOAs, 4 existing CDCs and 14
/// candidates, demand = residents aged 50-84 (demand_MF_50_84.csv, joined by LSOA name), Valhalla car and r5 public
/// transport matrices (9999 = no route). Adding 2 sites to the 4 existing is checked against all C(14,2) = 91 pairs.
/// </summary>
[TestFixture]
public sealed class DevonCdcPlacementTests
{
    private static string DataFolder()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Geo.sln")))
        {
            folder = folder.Parent;
        }
        var root = folder?.FullName ?? "/work/main";
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "devon-cdc-reference"));
    }

    private static PlacementProblem Load(string matrixFile, PlacementProblemKind kind, double threshold)
    {
        var folder = DataFolder();
        var path = Path.Combine(folder, matrixFile);
        if (!File.Exists(path))
        {
            Assert.Ignore("Devon CDC data not found: " + path);
        }
        var sites = CsvTable.Read(Path.Combine(folder, "devon_cdcs.csv"), requireSameWidth: true);
        var nameColumn = sites.RequireAny("site name", "Facility_Name");
        var existingColumn = sites.RequireAny("existing", "Existing");
        var siteIds = Enumerable.Range(0, sites.Count).Select(r => sites.Cell(r, nameColumn)).ToArray();
        var isExisting = Enumerable.Range(0, sites.Count).Select(r => sites.Cell(r, existingColumn) == "Yes").ToArray();

        var matrix = CsvTable.Read(path, requireSameWidth: true);
        var origin = matrix.RequireAny("origin", "from_id");
        var columnOf = siteIds.Select(id => matrix.RequireAny("site", id)).ToArray();
        var zoneIds = Enumerable.Range(0, matrix.Count).Select(r => matrix.Cell(r, origin)).ToArray();
        var minutes = new double[zoneIds.Length * siteIds.Length];
        for (var r = 0; r < zoneIds.Length; r++)
        {
            for (var j = 0; j < siteIds.Length; j++)
            {
                var t = matrix.NumberOrNaN(r, columnOf[j]);
                minutes[r * siteIds.Length + j] = t == 9999 ? double.NaN : t;
            }
        }

        var demand = CsvTable.Read(Path.Combine(folder, "demand_MF_50_84.csv"), requireSameWidth: true);
        var demandName = demand.RequireAny("LSOA name", "LSOA 2021 Name");
        var demandValue = demand.RequireAny("demand", "MF50-84");
        var byName = Enumerable.Range(0, demand.Count).ToDictionary(r => demand.Cell(r, demandName), r => demand.NumberOrNaN(r, demandValue));
        var imd = CsvTable.Read(Path.Combine(folder, "devon_imd_2025_2021_LSOAs.csv"), requireSameWidth: true);
        var imdName = imd.RequireAny("LSOA name", "LSOA name (2021)");
        var imdDecile = imd.Header.Select((h, c) => (h, c)).First(x => x.h.StartsWith("Index of Multiple Deprivation (IMD) Decile", StringComparison.Ordinal)).c;
        var decileByName = Enumerable.Range(0, imd.Count).ToDictionary(r => imd.Cell(r, imdName), r => (int)imd.NumberOrNaN(r, imdDecile));
        var need = zoneIds.Select(z => byName.TryGetValue(z, out var v) ? v : throw new AssertionException("no demand for " + z)).ToArray();
        var deciles = zoneIds.Select(z => decileByName.TryGetValue(z, out var d) ? d : 0).ToArray();

        return new PlacementProblem
        {
            Kind = kind,
            Matrix = new TravelMatrix(matrixFile.Contains("car", StringComparison.Ordinal) ? "car" : "transit", zoneIds, siteIds, minutes),
            Need = need,
            IsExisting = isExisting,
            IsCandidate = isExisting.Select(e => !e).ToArray(),
            NewSites = 2,
            ThresholdMinutes = threshold,
            ImdDecile = deciles,
            Solver = PlacementSolverChoice.Exact,
        };
    }

    [TestCase("travel_matrix_car.csv", PlacementProblemKind.PMedian, 30)]
    [TestCase("travel_matrix_car.csv", PlacementProblemKind.Mclp, 30)]
    [TestCase("travel_matrix_public_transport.csv", PlacementProblemKind.PMedian, 90)]
    [TestCase("travel_matrix_public_transport.csv", PlacementProblemKind.Mclp, 90)]
    public void Solve_DevonAddTwoToFourExisting_MatchesEnumerationOfAll91Pairs(string matrixFile, PlacementProblemKind kind, double threshold)
    {
        var problem = Load(matrixFile, kind, threshold);
        Assert.That(problem.ZoneCount, Is.EqualTo(729));
        var existing = Enumerable.Range(0, problem.SiteCount).Where(j => problem.IsExisting[j]).ToArray();
        var candidates = Enumerable.Range(0, problem.SiteCount).Where(j => !problem.IsExisting[j]).ToArray();
        Assert.That((existing.Length, candidates.Length), Is.EqualTo((4, 14)));
        var pairs = BruteForcePlacement.Subsets(candidates, 2).ToList();
        Assert.That(pairs, Has.Count.EqualTo(91));
        var values = pairs.Select(pair => (Pair: pair, Value: BruteForcePlacement.Value(problem, [.. existing, .. pair]))).Where(x => x.Value is not null).ToList();
        var best = kind == PlacementProblemKind.Mclp ? values.Max(x => x.Value!.Value) : values.Min(x => x.Value!.Value);

        var exact = LocationAllocation.Solve(problem);
        var heuristic = LocationAllocation.Solve(problem with { Solver = PlacementSolverChoice.Heuristic });
        var tolerance = 1e-9 * Math.Abs(best);
        Assert.Multiple(() =>
        {
            Assert.That(exact.Status, Is.EqualTo(PlacementStatus.Optimal));
            Assert.That(exact.Objective, Is.EqualTo(best).Within(tolerance));
            Assert.That(BruteForcePlacement.Value(problem, [.. exact.OpenSites]), Is.EqualTo(best).Within(tolerance));
            Assert.That(heuristic.Objective, Is.EqualTo(best).Within(tolerance));
            Assert.That(exact.OpenSites.Intersect(existing), Is.EquivalentTo(existing));
        });
        TestContext.Out.WriteLine($"{matrixFile} {kind}: new sites {string.Join(" + ", exact.NewSites.Select(s => problem.Matrix.DestinationIds[s]))}, objective {exact.Objective:F1}, solver {exact.Solver}, {exact.Seconds:F3} s");
    }
}
