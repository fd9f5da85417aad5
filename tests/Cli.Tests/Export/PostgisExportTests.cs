using System.Globalization;
using Geo.Cli.Tests.EndToEnd;
using NetTopologySuite.Geometries;
using NUnit.Framework;

namespace Geo.Cli.Tests.Export;

/// <summary>
/// `geo run data-samples/scenario.json --postgres` (run once into a temp folder, exported as `geo export` does) and `geo export`, read back
/// with SQL: every table has the CSV's rows and values, geometries are valid, SRID 4326 and where the inputs put them, a
/// re-export replaces the whole set or leaves the previous one, and a bad target fails with exit 2 or 4 and one line.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PostgisExportTests
{
    private string _connection = null!;
    private string _root = null!;
    private string _results = null!;
    private string _schema = null!;
    private readonly List<string> _schemas = [];

    [OneTimeSetUp]
    public void RunAndExport()
    {
        _connection = TestPostgres.ConnectionString();
        _root = EndToEndFiles.NewTempFolder("geo-export");
        _results = Path.Combine(_root, "results");
        var scenario = Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "scenario.json");
        // geo run --postgres: the run writes the results folder, then exports it as geo export does (the tests below read it).
        _schema = NewSchema();
        Assert.That(Program.Main(["run", scenario, "--out", _results, "--postgres", _connection, "--schema", _schema]), Is.Zero, "geo run --postgres");
    }

    [OneTimeTearDown]
    public void DropAll()
    {
        foreach (var schema in _schemas)
        {
            TestPostgres.DropSchema(_connection, schema);
        }
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestCase("zone_results", "zone_results.csv")]
    [TestCase("providers", "providers.csv")]
    [TestCase("matrix_car", "matrices/car.csv")]
    [TestCase("matrix_walk", "matrices/walk.csv")]
    [TestCase("matrix_cycle", "matrices/cycle.csv")]
    [TestCase("matrix_transit", "matrices/transit.csv")]
    [TestCase("placement_sites", "placement/chosen_sites.csv")]
    [TestCase("placement_allocation", "placement/allocation.csv")]
    public void Export_CsvTable_HasEveryRowWithEqualValues(string table, string file)
    {
        var (header, rows) = EndToEndFiles.ReadCsv(Path.Combine(_results, file));
        Assert.That(rows, Is.Not.Empty, file);
        var db = TestPostgres.Rows(_connection, $"SELECT {string.Join(", ", header)} FROM {_schema}.{table}");
        Assert.That(db, Has.Count.EqualTo(rows.Count), "row count");
        // Keyed on the whole text of the key columns: compare each CSV row with the row of the same key.
        var key = Key(table).Select(k => Array.IndexOf(header, k)).ToArray();
        var byKey = db.ToDictionary(r => string.Join("|", key.Select(k => (string)r[k]!)));
        foreach (var row in rows)
        {
            var stored = byKey[string.Join("|", key.Select(k => row[k]))];
            for (var c = 0; c < header.Length; c++)
            {
                AssertSame(row[c], stored[c], $"{file} {header[c]} of {string.Join("|", key.Select(k => row[k]))}");
            }
        }
    }

    [Test]
    public void Export_Zones_AttributesEqualGeoJsonAndPolygonsValid4326()
    {
        var rows = TestPostgres.Rows(_connection,
            $"SELECT zone_id, population, imd_decile, ST_SRID(geom), ST_IsValid(geom), GeometryType(geom), geom FROM {_schema}.zones ORDER BY zone_id");
        var zones = EndToEndFiles.ReadCsv(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "zones.csv"));
        Assert.That(rows, Has.Count.EqualTo(zones.Rows.Count));
        var id = Array.IndexOf(zones.Header, "zone_id");
        var population = Array.IndexOf(zones.Header, "population");
        var expected = zones.Rows.ToDictionary(r => r[id], r => long.Parse(r[population], CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            foreach (var row in rows)
            {
                Assert.That(row[1], Is.EqualTo(expected[(string)row[0]!]), "population of " + row[0]);
                Assert.That(row[2], Is.TypeOf<long>(), "imd_decile is an integer column");
                Assert.That(row[3], Is.EqualTo(4326), "SRID");
                Assert.That(row[4], Is.True, "ST_IsValid " + row[0]);
                Assert.That(row[5], Is.EqualTo("MULTIPOLYGON"));
                Assert.That(((Geometry)row[6]!).Area, Is.GreaterThan(0));
            }
        });
    }

    /// <summary>Each zone's population-weighted centroid from data-samples/zones.csv lies in the exported polygon of that zone and no other.</summary>
    [Test]
    public void Export_Zones_CentroidOfEachZoneIsWithinItsOwnPolygonOnly()
    {
        var (header, rows) = EndToEndFiles.ReadCsv(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "zones.csv"));
        var values = string.Join(", ", rows.Select(r => $"('{r[Array.IndexOf(header, "zone_id")]}', {r[Array.IndexOf(header, "lon")]}, {r[Array.IndexOf(header, "lat")]})"));
        var found = TestPostgres.Rows(_connection, $"""
            SELECT p.id, z.zone_id FROM (VALUES {values}) AS p(id, lon, lat)
            LEFT JOIN {_schema}.zones z ON ST_Within(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), z.geom)
            """);
        Assert.That(found, Has.Count.EqualTo(rows.Count), "each centroid within exactly one polygon (or none: counted as a mismatch below)");
        Assert.That(found.Where(r => !Equals(r[0], r[1])).Select(r => $"{r[0]} in {r[1] ?? "no zone"}"), Is.Empty);
    }

    /// <summary>Every site of sites.geojson is exported, at the coordinates the scenario's site files give it.</summary>
    [Test]
    public void Export_Sites_PointsAtTheSiteCoordinates()
    {
        // The scenario's sites come from hospitals (sites.csv) and candidate community sites (community_sites.csv).
        var (header, rows) = EndToEndFiles.ReadCsv(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "sites.csv"));
        rows.AddRange(EndToEndFiles.ReadCsv(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples", "community_sites.csv")).Rows);
        var inputs = rows.DistinctBy(r => r[Array.IndexOf(header, "site_id")]).ToDictionary(r => r[Array.IndexOf(header, "site_id")]);
        using var geojson = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_results, "sites.geojson")));
        var db = TestPostgres.Rows(_connection, $"SELECT site_id, site_name, ST_X(geom), ST_Y(geom), ST_SRID(geom), GeometryType(geom) FROM {_schema}.sites");
        Assert.That(db, Has.Count.EqualTo(geojson.RootElement.GetProperty("features").GetArrayLength()));
        foreach (var stored in db)
        {
            var row = inputs[(string)stored[0]!];
            Assert.That(stored[1], Is.EqualTo(row[Array.IndexOf(header, "site_name")]));
            Assert.That((double)stored[2]!, Is.EqualTo(double.Parse(row[Array.IndexOf(header, "lon")], CultureInfo.InvariantCulture)).Within(1e-7));
            Assert.That((double)stored[3]!, Is.EqualTo(double.Parse(row[Array.IndexOf(header, "lat")], CultureInfo.InvariantCulture)).Within(1e-7));
            Assert.That(stored[4], Is.EqualTo(4326));
            Assert.That(stored[5], Is.EqualTo("POINT"));
        }
    }

    [Test]
    public void Export_KeysAndSpatialIndexes_AreThere()
    {
        var keys = TestPostgres.Rows(_connection, $"""
            SELECT c.conrelid::regclass::text, pg_get_constraintdef(c.oid) FROM pg_constraint c
            JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = '{_schema}' AND c.contype = 'p' ORDER BY 1
            """).Select(r => $"{r[0]} {r[1]}").Select(s => s.Replace(_schema + ".", "", StringComparison.Ordinal));
        Assert.That(keys, Is.EqualTo(new[]
        {
            "matrix_car PRIMARY KEY (origin_id, destination_id)", "matrix_cycle PRIMARY KEY (origin_id, destination_id)",
            "matrix_transit PRIMARY KEY (origin_id, destination_id)", "matrix_walk PRIMARY KEY (origin_id, destination_id)",
            "placement_sites PRIMARY KEY (site_id)", "providers PRIMARY KEY (option_id, service, provider_id)", "sites PRIMARY KEY (site_id)",
            "zone_results PRIMARY KEY (option_id, mode, service, zone_id)", "zones PRIMARY KEY (zone_id)",
        }));
        var gist = TestPostgres.Rows(_connection, $"SELECT tablename FROM pg_indexes WHERE schemaname = '{_schema}' AND indexdef LIKE '%USING gist (geom)%' ORDER BY 1");
        Assert.That(gist.Select(r => r[0]), Is.EqualTo(new[] { "placement_map", "sites", "zones" }));
    }

    [Test]
    public void Export_ResultsMapView_EveryResultWithItsZonePolygon()
    {
        var row = TestPostgres.Rows(_connection, $"SELECT count(*), count(geom) FROM {_schema}.zone_results_map").Single();
        var results = EndToEndFiles.ReadCsv(Path.Combine(_results, "zone_results.csv")).Rows.Count;
        Assert.That(row, Is.EqualTo(new object[] { (long)results, (long)results }));
    }

    /// <summary>geo access output kept in the results folder (access.csv): exported by geo export as table access, keyed by zone.</summary>
    [Test]
    public void Export_AccessCsvInResults_EveryRowKeyedByZone()
    {
        var copy = CopyResults("with-access");
        var samples = Path.Combine(EndToEndFiles.RepoRoot(), "data-samples");
        Assert.That(Program.Main(["access", "--matrix", Path.Combine(copy, "matrices", "car.csv"), "--zones", Path.Combine(samples, "zones.csv"),
            "--demand", "population", "--sites", Path.Combine(samples, "sites.csv"), "--threshold", "20", "--out", Path.Combine(copy, "access.csv")]), Is.Zero);
        var schema = NewSchema();
        Assert.That(Export(copy, schema), Is.Zero);
        var (header, rows) = EndToEndFiles.ReadCsv(Path.Combine(copy, "access.csv"));
        var db = TestPostgres.Rows(_connection, $"SELECT {string.Join(", ", header.Select(h => $"\"{h}\""))} FROM {schema}.access ORDER BY zone_id");
        Assert.That(db, Has.Count.EqualTo(rows.Count));
        var byId = db.ToDictionary(r => (string)r[0]!);
        foreach (var row in rows)
        {
            for (var c = 0; c < header.Length; c++)
            {
                AssertSame(row[c], byId[row[0]][c], $"access.csv {header[c]} of {row[0]}");
            }
        }
        Assert.That(TestPostgres.Scalar(_connection, $"SELECT count(*) FROM {schema}.placement_map WHERE ST_SRID(geom) = 4326 AND ST_IsValid(geom)"),
            Is.EqualTo((long)TestPostgres.Scalar(_connection, $"SELECT count(*) FROM {schema}.placement_map")!).And.GreaterThan(0L));
    }

    /// <summary>
    /// A re-export whose matrix repeats a key fails (exit 3) and leaves the first export whole; a good re-export without the
    /// transit matrix and with fewer results replaces the set, leaving no table of the old one behind.
    /// </summary>
    [Test]
    public void Reexport_FailedThenSucceeded_OldSetWholeThenReplaced()
    {
        var schema = NewSchema();
        Assert.That(Export(_results, schema), Is.Zero);
        var before = Counts(schema);

        var broken = CopyResults("broken");
        var walk = Path.Combine(broken, "matrices", "walk.csv");
        File.AppendAllText(walk, File.ReadAllLines(walk)[1] + "\n");
        var (exit, error) = ExportCapturingError(broken, schema);
        Assert.That(exit, Is.EqualTo(3), error);
        Assert.That(error, Does.Contain("walk.csv").And.Contain("repeats a key"));
        Assert.That(Counts(schema), Is.EqualTo(before), "the first export is untouched");

        var smaller = CopyResults("smaller");
        File.Delete(Path.Combine(smaller, "matrices", "transit.csv"));
        var lines = File.ReadAllLines(Path.Combine(smaller, "zone_results.csv"));
        File.WriteAllLines(Path.Combine(smaller, "zone_results.csv"), lines.Take(11));
        Assert.That(Export(smaller, schema), Is.Zero);
        var after = Counts(schema);
        Assert.That(after.ContainsKey("matrix_transit"), Is.False, "no stale table of the earlier export");
        Assert.That(after["zone_results"], Is.EqualTo(10));
        Assert.That(after["zone_results_map"], Is.EqualTo(10));
        Assert.That(after["matrix_car"], Is.EqualTo(before["matrix_car"]));
    }

    [Test]
    public void Export_SchemaHoldsSomeoneElsesZonesTable_Exit4AndLeftAlone()
    {
        var schema = NewSchema();
        TestPostgres.Execute(_connection, $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.zones (mine int); INSERT INTO {schema}.zones VALUES (7)");
        var (exit, error) = ExportCapturingError(_results, schema);
        Assert.That(exit, Is.EqualTo(4), error);
        Assert.That(error, Does.Contain("not written by geo export"));
        Assert.That(TestPostgres.Scalar(_connection, $"SELECT mine FROM {schema}.zones"), Is.EqualTo(7));
        Assert.That(TestPostgres.Scalar(_connection, $"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}'"), Is.EqualTo(1L));
    }

    [Test]
    public void Export_UnreachableServer_Exit4OneLineWithoutPassword()
    {
        var (exit, error) = ExportCapturingError(_results, NewSchema(), "Host=127.0.0.1;Port=1;Username=geo;Password=s3cret;Database=geo_test;Timeout=5");
        Assert.That(exit, Is.EqualTo(4), error);
        Assert.That(error, Does.StartWith("error: PostgreSQL 127.0.0.1:1/geo_test as geo:").And.Contain("Failed to connect"));
        Assert.That(error, Does.Not.Contain("s3cret").And.Not.Contain(" at "));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Export_WrongPassword_Exit4()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_connection) { Password = "wrong" };
        var (exit, error) = ExportCapturingError(_results, NewSchema(), builder.ConnectionString);
        Assert.That(exit, Is.EqualTo(4), error);
        Assert.That(error, Does.Contain("password authentication failed").And.Not.Contain("wrong"));
    }

    [TestCase("Hots=127.0.0.1;Username=geo")]
    [TestCase("Username=geo;Database=geo_test")]
    [TestCase("postgresql://geo:geo@[bad/geo_test")]
    public void Export_UnreadableConnectionString_Exit2(string connection)
    {
        var (exit, error) = ExportCapturingError(_results, NewSchema(), connection);
        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain("--postgres"));
    }

    [Test]
    public void Export_UriConnectionString_Works()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(_connection);
        var uri = $"postgresql://{b.Username}:{b.Password}@{b.Host}:{b.Port}/{b.Database}";
        var schema = NewSchema();
        Assert.That(Program.Main(["export", "--results", _results, "--postgres", uri, "--schema", schema]), Is.Zero);
        Assert.That(TestPostgres.Scalar(_connection, $"SELECT count(*) FROM {schema}.sites"), Is.EqualTo(12L));
    }

    [Test]
    public void Export_MissingFolder_Exit3() =>
        Assert.That(ExportCapturingError(Path.Combine(_root, "nowhere"), NewSchema()).Exit, Is.EqualTo(3));

    [TestCase("Geo")]
    [TestCase("pg_geo")]
    [TestCase("a;drop")]
    public void Export_BadSchemaName_Exit2(string schema) =>
        Assert.That(Program.Main(["export", "--results", _results, "--postgres", _connection, "--schema", schema]), Is.EqualTo(2));

    private static string[] Key(string table) => table switch
    {
        "zone_results" => ["option_id", "mode", "service", "zone_id"],
        "providers" => ["option_id", "service", "provider_id"],
        "placement_sites" => ["site_id"],
        "placement_allocation" => ["zone_id", "site_id"],
        "access" => ["zone_id"],
        _ => ["origin_id", "destination_id"],
    };

    /// <summary>An empty CSV field is NULL; a number is the same double; text is the same text.</summary>
    private static void AssertSame(string csv, object? stored, string what)
    {
        if (csv.Length == 0)
        {
            Assert.That(stored, Is.Null, what);
        }
        else if (stored is double or long)
        {
            Assert.That(Convert.ToDouble(stored, CultureInfo.InvariantCulture), Is.EqualTo(double.Parse(csv, CultureInfo.InvariantCulture)), what);
        }
        else
        {
            Assert.That(stored, Is.EqualTo(csv), what);
        }
    }

    private string NewSchema()
    {
        var schema = TestPostgres.NewSchema("iop_export");
        _schemas.Add(schema);
        return schema;
    }

    private int Export(string folder, string schema) => Program.Main(["export", "--results", folder, "--postgres", _connection, "--schema", schema]);

    private (int Exit, string Error) ExportCapturingError(string folder, string schema, string? connection = null)
    {
        var previous = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            var exit = Program.Main(["export", "--results", folder, "--postgres", connection ?? _connection, "--schema", schema]);
            return (exit, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private Dictionary<string, long> Counts(string schema)
    {
        var names = TestPostgres.Rows(_connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'").Select(r => (string)r[0]!);
        return names.ToDictionary(n => n, n => (long)TestPostgres.Scalar(_connection, $"SELECT count(*) FROM {schema}.{n}")!);
    }

    private string CopyResults(string name)
    {
        var copy = Path.Combine(_root, name);
        foreach (var file in Directory.GetFiles(_results, "*", SearchOption.AllDirectories).Where(f => !f.Contains("network", StringComparison.Ordinal) && !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_results, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
