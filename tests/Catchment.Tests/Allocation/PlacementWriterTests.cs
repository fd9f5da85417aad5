using Geo.Catchment.Scenarios;
using System.Text.Json;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Core;
using Geo.Routing.Geometry;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Allocation;

[TestFixture]
public sealed class PlacementWriterTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-placement-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, true);

    private static PlacementProblem Problem() => new()
    {
        Kind = PlacementProblemKind.PMedian,
        Matrix = new TravelMatrix("car", ["A", "B", "C", "D"], ["H1", "C1", "C2"], [5, 20, 30, 25, 4, 30, 40, 35, 6, 9, 50, double.NaN]),
        Need = [10, 20, 30, 0],
        IsExisting = [true, false, false],
        IsCandidate = [false, true, true],
        NewSites = 1,
        ThresholdMinutes = 10,
        ImdDecile = [1, 3, 9, 0],
        ReportGroups = new Dictionary<string, double[]> { ["population"] = [100, 200, 300, 50] },
        NeedExpression = "population/10",
    };

    /// <summary>p = 3 among 2 candidates: only placement.json, stating status and reason (no sites, no allocation to misread).</summary>
    [Test]
    public void Write_InfeasibleResult_WritesOnlyPlacementJsonWithStatusAndReason()
    {
        var result = LocationAllocation.Solve(Problem() with { NewSites = 3 });
        var written = PlacementWriter.Write(result, _folder);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "placement.json")));
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(new[] { Path.Combine(_folder, "placement.json") }));
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EqualTo(new[] { "placement.json" }));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("infeasible"));
            Assert.That(json.RootElement.GetProperty("reason").GetString(), Does.Contain("p = 3").And.Contain("2 candidate"));
            Assert.That(json.RootElement.GetProperty("newSites").GetArrayLength(), Is.Zero);
            Assert.That(json.RootElement.GetProperty("objective").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void Write_SmallPMedian_WritesFourFilesWithExpectedContent()
    {
        var result = LocationAllocation.Solve(Problem());
        // H1 fixed; C1 serves B (4) and C2 serves C (6): C2 saves 30*(35-6) > C1 saves 20*(25-4).
        Assert.That(result.NewSites, Is.EqualTo(new[] { 2 }));
        var geography = new PlacementGeography
        {
            ZonePoints = [new GeoPoint(-1, 50), new GeoPoint(-1.1, 50), new GeoPoint(-1.2, 50), null],
            SitePoints = [new GeoPoint(-1, 50.1), new GeoPoint(-1.1, 50.1), new GeoPoint(-1.2, 50.1)],
            SiteNames = ["Hospital", "Clinic 1", "Clinic, 2"],
        };
        PlacementWriter.Write(result, _folder, geography, allocationLines: true);
        var allocation = File.ReadAllLines(Path.Combine(_folder, "allocation.csv"));
        var sites = File.ReadAllLines(Path.Combine(_folder, "chosen_sites.csv"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "placement.json")));
        using var geojson = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "placement.geojson")));
        Assert.Multiple(() =>
        {
            Assert.That(allocation, Is.EqualTo(new[] { "zone_id,site_id,minutes,need", "A,H1,5,10", "B,H1,25,20", "C,C2,6,30", "D,H1,9,0" }));
            Assert.That(sites[0], Is.EqualTo("site_id,site_name,kind,lon,lat,zones,need,mean_minutes,capacity"));
            Assert.That(sites[1], Does.StartWith("H1,Hospital,existing,-1,50.1,3,30,"));
            Assert.That(sites[2], Does.StartWith("C2,\"Clinic, 2\",new,-1.2,50.1,1,30,6,"));
            var root = json.RootElement;
            Assert.That(root.GetProperty("problem").GetString(), Is.EqualTo("pmedian"));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("optimal"));
            Assert.That(root.GetProperty("objective").GetDouble(), Is.EqualTo(10 * 5 + 20 * 25 + 30 * 6).Within(1e-9));
            Assert.That(root.GetProperty("newSites")[0].GetProperty("id").GetString(), Is.EqualTo("C2"));
            var groups = root.GetProperty("groups").EnumerateArray().ToList();
            var quintile1 = groups.Single(g => g.GetProperty("dimension").GetString() == "imd_quintile" && g.GetProperty("group").GetString() == "1");
            Assert.That(quintile1.GetProperty("meanMinutes").GetDouble(), Is.EqualTo(5));
            Assert.That(root.GetProperty("core20CoveredShare").GetDouble(), Is.EqualTo(1));
            var population = groups.Single(g => g.GetProperty("group").GetString() == "population");
            Assert.That(population.GetProperty("meanMinutes").GetDouble(), Is.EqualTo((100 * 5 + 200 * 25 + 300 * 6 + 50 * 9) / 650.0).Within(1e-9));
            Assert.That(population.GetProperty("coveredShare").GetDouble(), Is.EqualTo(450 / 650.0).Within(1e-9));
            var features = geojson.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.That(features.Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point"), Is.EqualTo(2));
            Assert.That(features.Count(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString"), Is.EqualTo(3));
        });
    }

    [Test]
    public void ReadMatrixAndSelect_ZoneMissingFromMatrix_ErrorNamesZone()
    {
        var matrix = Path.Combine(_folder, "m.csv");
        File.WriteAllText(matrix, "origin_id,destination_id,minutes,status\nA,H1,5,ok\nA,C1,7,ok\nB,H1,6,ok\nB,C1,,unreachable\n");
        var raw = PlacementInputs.ReadMatrix(matrix, "car");
        Assert.That(raw.MinutesAt(1, 1), Is.NaN);
        var error = Assert.Throws<InputFileException>(() => PlacementInputs.Select(raw, matrix, ["A", "Z9"], ["A", "Z9"], ["H1", "C1"], "zones.csv"));
        Assert.That(error!.Message, Does.Contain("'Z9'"));
        var siteError = Assert.Throws<InputFileException>(() => PlacementInputs.Select(raw, matrix, ["A"], ["A"], ["H1", "C7"], "zones.csv"));
        Assert.That(siteError!.Message, Does.Contain("'C7'"));
    }

    [Test]
    public void ReadMatrix_MissingPair_ErrorNamesPair()
    {
        var matrix = Path.Combine(_folder, "m.csv");
        File.WriteAllText(matrix, "origin_id,destination_id,minutes\nA,H1,5\nA,C1,7\nB,H1,6\n");
        var error = Assert.Throws<InputFileException>(() => PlacementInputs.ReadMatrix(matrix, "car"));
        Assert.That(error!.Message, Does.Contain("'B'").And.Contain("'C1'"));
    }

    [Test]
    public void ReadMatrix_WideWithNoRouteValue_ReadsNaN()
    {
        var matrix = Path.Combine(_folder, "w.csv");
        File.WriteAllText(matrix, "from_id,\"Site, One\",S2\nZone 1,12.5,9999.0\nZone 2,3,4\n");
        var raw = PlacementInputs.ReadMatrix(matrix, "transit", noRoute: 9999);
        Assert.Multiple(() =>
        {
            Assert.That(raw.DestinationIds, Is.EqualTo(new[] { "Site, One", "S2" }));
            Assert.That(raw.MinutesAt(0, 0), Is.EqualTo(12.5));
            Assert.That(raw.MinutesAt(0, 1), Is.NaN);
        });
    }

    [Test]
    public void ReadSites_DevonStyleQuotedLongitudesAndExistingColumn_Parsed()
    {
        var sites = Path.Combine(_folder, "sites.csv");
        File.WriteAllText(sites, "Facility_Name,Latitude,Longitude,Existing\nA,51.0,\" -4.2125\",Yes\n\"B, Town\",50.7,-3.4,No\n,,,\n");
        var list = PlacementInputs.ReadSites(sites, null, "C9");
        Assert.Multiple(() =>
        {
            Assert.That(list.Ids, Is.EqualTo(new[] { "A", "B, Town", "C9" }));
            Assert.That(list.IsExisting, Is.EqualTo(new[] { true, false, true }));
            Assert.That(list.Points[0]!.Value.Lon, Is.EqualTo(-4.2125));
        });
    }
}
