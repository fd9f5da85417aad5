using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

/// <summary>
/// Zone, point and matrix readers with a lenient issue log skip the bad rows (or read a bad value as missing), count and
/// name each one by file, line and field; with a strict log (the library default) the first one is the error.
/// </summary>
[TestFixture]
public sealed class LenientReadersTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-lenient-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static InputOptions Lenient() => InputOptions.For(null, strict: false);

    private static (int Line, string? Field, IssueCode Code)[] Where(IssueLog log) =>
        [.. log.Issues.OrderBy(i => i.Line).Select(i => (i.Line, i.Field, i.IssueCode))];

    [Test]
    public void PointFileReader_Lenient_SkipsEmptyIdBadAndOutOfRangeCoordinatesAndRepeatedIds()
    {
        var path = Write("sites.csv",
            "id,lon,lat\nA,-1.3,50.3\n,-1.3,50.3\nB,west,50.3\nC,-1.3,95\nA,-1.2,50.2\nD,-1.1,50.1\n");
        var input = Lenient();

        var points = PointFileReader.Read(path, null, input);

        Assert.Multiple(() =>
        {
            Assert.That(points.Select(p => p.Id), Is.EqualTo(new[] { "A", "D" }));
            Assert.That(points[0].Point.Lon, Is.EqualTo(-1.3), "the first row of a repeated id is kept");
            Assert.That(Where(input.Issues), Is.EqualTo(new (int, string?, IssueCode)[]
            {
                (3, "id", IssueCode.EmptyId), (4, "lon", IssueCode.BadCoordinate), (5, "lat", IssueCode.BadCoordinate), (6, "id", IssueCode.DuplicateId),
            }));
        });
        var strict = Assert.Throws<InputFileException>(() => PointFileReader.Read(path))!;
        Assert.That((strict.Line, strict.Field), Is.EqualTo(((int?)3, (string?)"id")));
    }

    [Test]
    public void PointFileReader_NoValidRow_IsAnErrorEvenWhenLenient()
    {
        var path = Write("bad.csv", "id,lon,lat\nA,west,50\nB,east,50\n");
        var ex = Assert.Throws<InputFileException>(() => PointFileReader.Read(path, null, Lenient()))!;
        Assert.That(ex.Message, Does.Contain("no valid rows").And.Contain("line 2"));
    }

    [Test]
    public void ZoneLoader_Lenient_DropsBadZonesAndKeepsTheRestAligned()
    {
        var path = Write("zones.csv", string.Join('\n',
            "zone_id,zone_name,lon,lat,population,age65plus,imd_decile",
            "Z1,One,-1.30,50.30,100,20,3",
            "Z2,Two,-1.31,50.31,200,40,4",
            "Z1,Again,-1.32,50.32,300,60,5",
            "Z3,Three,west,50.33,400,80,6",
            "Z4,Four,-1.34,50.34,-5,1,7",
            "Z5,Five,-1.35,50.35,500,600,8",
            "Z6,Six,-1.36,50.36,600,60,11",
            "Z7,Seven,-1.37,50.37,700,70,9",
            ""));
        var spec = new ZoneSpec { File = path, Population = "population", Age65plus = "age65plus", ImdDecile = "imd_decile" };
        var input = Lenient();

        var zones = ZoneLoader.Load(spec, p => p, input);

        Assert.Multiple(() =>
        {
            Assert.That(zones.Codes, Is.EqualTo(new[] { "Z1", "Z2", "Z7" }));
            Assert.That(zones.Names, Is.EqualTo(new[] { "One", "Two", "Seven" }));
            Assert.That(zones.Population, Is.EqualTo(new[] { 100.0, 200, 700 }));
            Assert.That(zones.ImdDecile, Is.EqualTo(new[] { 3, 4, 9 }));
            Assert.That(zones.Points.Select(p => p.Lat), Is.EqualTo(new[] { 50.30, 50.31, 50.37 }));
            Assert.That(Where(input.Issues), Is.EqualTo(new (int, string?, IssueCode)[]
            {
                (4, "zone_id", IssueCode.DuplicateId), (5, "lon", IssueCode.BadCoordinate), (6, "population", IssueCode.BadValue),
                (7, "age65plus", IssueCode.BadValue), (8, "imd_decile", IssueCode.BadValue),
            }));
            Assert.That(input.Issues.Issues.Where(i => i.Line > 4).Select(i => i.Message), Has.All.EndWith("zone skipped"));
        });
        var strict = Assert.Throws<InputFileException>(() => ZoneLoader.Load(spec, p => p))!;
        Assert.That((strict.Line, strict.Field), Is.EqualTo(((int?)4, (string?)"zone_id")));
    }

    [Test]
    public void TravelMatrixReader_Lenient_BadMinutesAreNoRouteAndRepeatedPairsSkipped()
    {
        var path = Write("m.csv", "origin_id,destination_id,minutes\nZ1,S1,10\nZ1,S2,twelve\nZ2,S1,-3\nZ2,S2,2000\nZ2,S2,20\n,S1,5\n");
        var input = Lenient();

        var matrix = TravelMatrixReader.ReadLong(path, "car", input: input);

        Assert.Multiple(() =>
        {
            Assert.That(matrix.Minutes, Is.EqualTo(new[] { 10, double.NaN, double.NaN, double.NaN }), "never 0 for a bad value; the first row of a pair wins");
            Assert.That(Where(input.Issues), Is.EqualTo(new (int, string?, IssueCode)[]
            {
                (3, "minutes", IssueCode.BadNumber), (4, "minutes", IssueCode.BadValue), (5, "minutes", IssueCode.BadValue),
                (6, "origin_id", IssueCode.DuplicateId), (7, "origin_id", IssueCode.EmptyId),
            }));
            Assert.That(input.Issues.Issues.Where(i => i.Field == "minutes").Select(i => i.Severity), Has.All.EqualTo(IssueSeverity.Warning));
        });
        var strict = Assert.Throws<InputFileException>(() => TravelMatrixReader.ReadLong(path, "car"))!;
        Assert.That(strict.Line, Is.EqualTo(3));
    }

    [Test]
    public void ScenarioReader_Yaml_ValidationErrorNamesTheYamlLine()
    {
        var path = Write("scenario.yaml", string.Join('\n',
            "name: lines",
            "zones:",
            "  file: zones.csv",
            "sites:",
            "  file: sites.csv",
            "modes:",
            "  - car",
            "  - boat",
            "services: [outpatients]",
            "baseline:",
            "  id: baseline",
            "  sites:",
            "    H1: [outpatients]",
            ""));

        var ex = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;

        Assert.That((ex.Line, ex.Field), Is.EqualTo(((int?)8, (string?)"$.modes[1]")));
        Assert.That(ex.Message, Does.StartWith(path + ":8: field '$.modes[1]'"));
    }
}
