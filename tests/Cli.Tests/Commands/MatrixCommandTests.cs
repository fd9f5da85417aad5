using System.Globalization;
using Geo.Cli.Commands;
using Geo.Core;
using NUnit.Framework;
using Parquet;
using Parquet.Schema;

namespace Geo.Cli.Tests.Commands;

/// <summary>geo matrix end to end, in process, on the Isle of Wight network built once per fixture.</summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class MatrixCommandTests
{
    private string _folder = string.Empty;
    private string _network = string.Empty;
    private string _lsoas = string.Empty;
    private string _gps = string.Empty;

    internal static string SharedData(params string[] parts)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? TestContext.CurrentContext.TestDirectory;
        return Path.GetFullPath(Path.Combine([root, "..", "shared", "data", .. parts]));
    }

    /// <summary>Runs geo in process; returns the exit code and what went to stderr.</summary>
    internal static (int Exit, string Error) Geo(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (Program.Main(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [OneTimeSetUp]
    public void BuildNetwork()
    {
        var pbf = SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf");
        _lsoas = SharedData("isle-of-wight", "lsoa", "lsoa21_pwc_iow.csv");
        _gps = SharedData("isle-of-wight", "sites", "nhs_choices_2014_gp_iow.csv");
        foreach (var path in new[] { pbf, _lsoas, _gps })
        {
            if (!File.Exists(path))
            {
                Assert.Ignore("data not found: " + path);
            }
        }
        _folder = Path.Combine(Path.GetTempPath(), "geo-matrix-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _network = Path.Combine(_folder, "iow.geonet");
        var (exit, error) = Geo("build-network", "--osm", pbf, "--out", _network);
        Assert.That(exit, Is.Zero, error);
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Out(string name) => Path.Combine(_folder, name);

    private string[] MatrixArgs(string output, params string[] extra) =>
        ["matrix", "--network", _network, "--mode", "car", "--origins", _lsoas, "--destinations", _gps,
         "--destination-id", "OrganisationID", "--out", output, .. extra];

    private string WriteCsv(string name, string text)
    {
        var path = Out(name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string[]> ReadCsv(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(',')).ToList();

    [Test]
    public void Matrix_IowLsoasToGpSites_AllOkWithPlausibleMinutes()
    {
        var output = Out("car.csv");
        var (exit, error) = Geo(MatrixArgs(output));
        Assert.That(exit, Is.Zero, error);
        var rows = ReadCsv(output);
        Assert.That(rows[0], Is.EqualTo(new[] { "origin_id", "destination_id", "minutes", "km", "origin_snap_m", "destination_snap_m", "status" }));
        Assert.That(rows, Has.Count.EqualTo(1 + (89 * 24)));
        var data = rows.Skip(1).ToList();
        Assert.That(data.Select(r => r[6]), Is.All.EqualTo("ok"));
        var minutes = data.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToList();
        var km = data.Select(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.That(minutes, Is.All.GreaterThan(0).And.All.LessThan(90));
        Assert.That(km, Is.All.GreaterThan(0).And.All.LessThan(80));
        // Average door-to-door speed between 10 and 90 km/h.
        for (var i = 0; i < minutes.Count; i++)
        {
            if (km[i] > 2)
            {
                Assert.That(km[i] / (minutes[i] / 60), Is.InRange(10, 90), string.Join(',', data[i]));
            }
        }
        // Every LSOA has a GP surgery within 20 minutes by car.
        foreach (var origin in data.GroupBy(r => r[0]))
        {
            Assert.That(origin.Min(r => double.Parse(r[2], CultureInfo.InvariantCulture)), Is.LessThan(20), origin.Key);
        }
        Assert.That(File.Exists(_network + ".car.off_peak.ch"), Is.True, "hierarchy cached beside the network");
    }

    [Test]
    public void Matrix_SecondRun_UsesCachedHierarchyAndSameResult()
    {
        var first = Out("first.csv");
        var second = Out("second.csv");
        Assert.That(Geo(MatrixArgs(first, "--mode", "walk")).Exit, Is.Zero);
        var cache = _network + ".walk.off_peak.ch";
        var stamp = File.GetLastWriteTimeUtc(cache);
        Assert.That(Geo(MatrixArgs(second, "--mode", "walk", "--threads", "1")).Exit, Is.Zero);
        Assert.That(File.GetLastWriteTimeUtc(cache), Is.EqualTo(stamp));
        Assert.That(File.ReadAllText(second), Is.EqualTo(File.ReadAllText(first)));
    }

    [Test]
    public async Task Matrix_ParquetOutput_IsReadable()
    {
        var output = Out("car.parquet");
        var (exit, error) = Geo(MatrixArgs(output, "--mode", "cycle"));
        Assert.That(exit, Is.Zero, error);
        await using var reader = await ParquetReader.CreateAsync(output);
        var fields = reader.Schema.GetDataFields();
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "origin_id", "destination_id", "minutes", "km", "origin_snap_m", "destination_snap_m", "status" }));
        using var group = reader.OpenRowGroupReader(0);
        Assert.That(group.RowCount, Is.EqualTo(89 * 24));
        var minutes = new double?[89 * 24];
        await group.ReadAsync<double>((DataField)fields[2], minutes.AsMemory());
        Assert.That(minutes, Is.All.Not.Null);
        Assert.That(minutes.Select(m => m!.Value), Is.All.GreaterThan(0).And.All.LessThan(240));
    }

    [Test]
    public void Matrix_Wide_WritesOriginRowsAndDestinationColumns()
    {
        var output = Out("wide.csv");
        Assert.That(Geo(MatrixArgs(output, "--wide")).Exit, Is.Zero);
        var rows = ReadCsv(output);
        Assert.That(rows, Has.Count.EqualTo(90));
        Assert.That(rows[0], Has.Length.EqualTo(25));
        Assert.That(rows[0][0], Is.EqualTo("origin_id"));
        Assert.That(rows[1][0], Is.EqualTo("E01017282"));
        Assert.That(rows.Skip(1).SelectMany(r => r.Skip(1)).Select(v => double.Parse(v, CultureInfo.InvariantCulture)), Is.All.GreaterThan(0));
    }

    [Test]
    public async Task Matrix_WideParquet_OriginColumnPlusOneColumnPerDestination()
    {
        var output = Out("wide.parquet");
        Assert.That(Geo(MatrixArgs(output, "--wide")).Exit, Is.Zero);
        await using var reader = await ParquetReader.CreateAsync(output);
        var fields = reader.Schema.GetDataFields();
        Assert.That(fields, Has.Length.EqualTo(25));
        Assert.That(fields[0].Name, Is.EqualTo("origin_id"));
        using var group = reader.OpenRowGroupReader(0);
        Assert.That(group.RowCount, Is.EqualTo(89));
    }

    [Test]
    public void Matrix_PointInTheSea_OriginUnsnappedNotZero()
    {
        var origins = WriteCsv("sea.csv", "id,lon,lat\nland,-1.2976,50.7107\nsea,-1.30,50.50\n");
        var output = Out("sea-out.csv");
        var (exit, error) = Geo(MatrixArgs(output).Select(a => a == _lsoas ? origins : a).ToArray());
        Assert.That(exit, Is.Zero, error);
        var rows = ReadCsv(output).Skip(1).ToList();
        Assert.That(rows.Where(r => r[0] == "land").Select(r => r[6]), Is.All.EqualTo("ok"));
        var sea = rows.Where(r => r[0] == "sea").ToList();
        Assert.That(sea, Has.Count.EqualTo(24));
        Assert.That(sea.Select(r => r[6]), Is.All.EqualTo("origin_unsnapped"));
        Assert.That(sea.Select(r => r[2]), Is.All.Empty);
        Assert.That(sea.Select(r => r[3]), Is.All.Empty);
    }

    [Test]
    public void Matrix_UnknownMode_ExitsUsageListingModes()
    {
        var output = Out("bad-mode.csv");
        var (exit, error) = Geo(MatrixArgs(output, "--mode", "hovercraft"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("car").And.Contain("walk").And.Contain("cycle"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Matrix_TransitWithoutGtfs_ExitsUsage()
    {
        var output = Out("transit.csv");
        var (exit, error) = Geo(MatrixArgs(output, "--mode", "transit"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Matrix_TransitTimetableTooLargeForMemory_RefusedUpFrontWithEstimateAndHowToSplit()
    {
        // a feed whose stop_times.txt is 256 GiB (a sparse file: only its length is read before refusing)
        var feed = Directory.CreateDirectory(Out("huge-gtfs")).FullName;
        foreach (var (name, bytes) in (ReadOnlySpan<(string, long)>)[("stop_times.txt", 256L << 30), ("stops.txt", 1000), ("trips.txt", 1000)])
        {
            using var f = new FileStream(Path.Combine(feed, name), FileMode.Create);
            f.SetLength(bytes);
        }
        var output = Out("huge-transit.csv");
        var (exit, error) = Geo(MatrixArgs(output, "--mode", "transit", "--gtfs", feed, "--date", "2020-06-02", "--window", "07:00-10:00"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
        Assert.That(error, Does.Contain("GB of memory").And.Contain("timetable about").And.Contain("regional GTFS feed"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Matrix_MissingOriginsFile_ExitsBadInput()
    {
        var output = Out("missing.csv");
        var (exit, error) = Geo(MatrixArgs(output).Select(a => a == _lsoas ? Out("nope.csv") : a).ToArray());
        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("nope.csv"));
        Assert.That(File.Exists(output), Is.False);
    }

    [TestCase("id,foo,bar\nA,-1.29,50.71\n", "--origin-lon", TestName = "Matrix_CsvMissingColumn_ExitsBadInput")]
    [TestCase("id,lon,lat\nA,-1.29,50.71\nB,-1.29,fifty\n", "sea-bad.csv:3", TestName = "Matrix_CsvBadNumber_ExitsBadInputWithLine")]
    [TestCase("id,lon,lat\nA,-1.29,50.71\nA,-1.28,50.70\n", "duplicate id 'A'", TestName = "Matrix_CsvDuplicateId_ExitsBadInput")]
    public void Matrix_BadOrigins_ExitsBadInput(string csv, string expected)
    {
        var origins = WriteCsv("sea-bad.csv", csv);
        var output = Out("bad.csv");
        var (exit, error) = Geo([.. MatrixArgs(output).Select(a => a == _lsoas ? origins : a), "--strict"]);
        Assert.That(exit, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain(expected));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Matrix_BadOriginRowWithoutStrict_IsSkippedAndListedBesideTheOutput()
    {
        var origins = WriteCsv("sea-bad.csv", "id,lon,lat\nA,-1.29,50.71\nB,-1.29,fifty\n");
        var output = Out("lenient.csv");
        var (exit, error) = Geo(MatrixArgs(output).Select(a => a == _lsoas ? origins : a).ToArray());
        Assert.That(exit, Is.Zero, error);
        var origin = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).Distinct();
        Assert.That(origin, Is.EqualTo(new[] { "A" }));
        var issues = File.ReadAllLines(Path.ChangeExtension(output, ".input_issues.csv"));
        Assert.That(issues, Has.Length.EqualTo(2));
        Assert.That(issues[1], Does.Contain("sea-bad.csv,3,lat,B,BadCoordinate,Error,'fifty' is not a number; row skipped"));
        Assert.That(error, Does.Contain("warning: 1 input row issue"));
    }

    [Test]
    public void Matrix_UnwritableOutputFolder_ExitsOutputFailedAndLeavesNoFile()
    {
        var blocker = WriteCsv("not-a-folder", "x");
        var output = Path.Combine(blocker, "matrix.csv");
        var (exit, _) = Geo(MatrixArgs(output));
        Assert.That(exit, Is.EqualTo(ExitCodes.OutputFailed));
        Assert.That(Directory.GetFiles(_folder, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Matrix_BadExtension_ExitsUsage()
    {
        Assert.That(Geo(MatrixArgs(Out("matrix.xlsx"))).Exit, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Isochrone_WalkFromNewport_NestedPolygons()
    {
        var output = Out("iso.geojson");
        var (exit, error) = Geo("isochrone", "--network", _network, "--mode", "walk", "--at", "-1.2976,50.7007", "--minutes", "10,20", "--out", output);
        Assert.That(exit, Is.Zero, error);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
        var features = json.RootElement.GetProperty("features");
        Assert.That(features.GetArrayLength(), Is.EqualTo(2));
        Assert.That(features[0].GetProperty("properties").GetProperty("minutes").GetDouble(), Is.EqualTo(20));
        Assert.That(features[0].GetProperty("properties").GetProperty("mode").GetString(), Is.EqualTo("walk"));
        Assert.That(features[0].GetProperty("geometry").GetProperty("type").GetString(), Does.EndWith("Polygon"));
        Assert.That(File.ReadAllText(output).Length, Is.GreaterThan(500));
    }

    [Test]
    public void Isochrone_PointInTheSea_FailsWithoutOutput()
    {
        var output = Out("sea-iso.geojson");
        var (exit, _) = Geo("isochrone", "--network", _network, "--mode", "walk", "--at", "-1.30,50.50", "--out", output, "--max-snap-metres", "200");
        Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
        Assert.That(File.Exists(output), Is.False);
    }
}
