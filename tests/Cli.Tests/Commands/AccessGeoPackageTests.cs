using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

/// <summary>
/// `geo access --out access.gpkg`: the GeoPackage layer holds the same values as the CSV output, NULL where a zone was not
/// routed, each zone's point (or boundary polygon) in EPSG:4326, and is registered so QGIS opens it.
/// </summary>
[TestFixture]
public sealed class AccessGeoPackageTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-access-gpkg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "matrix.csv"), """
            origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status
            A,S1,10,1,5,5,ok
            A,S2,40,1,5,5,ok
            B,S1,20,1,5,5,ok
            B,S2,25,1,5,5,ok
            C,S1,50,1,5,5,ok
            C,S2,30,1,5,5,ok
            D,S1,,,2000,5,origin_unsnapped
            D,S2,,,2000,5,origin_unsnapped

            """);
        File.WriteAllText(Path.Combine(_folder, "zones.csv"), "zone_id,lon,lat,population\nA,-1.30,50.70,100\nB,-1.25,50.71,200\nC,-1.20,50.72,300\nD,-1.15,50.73,50\n");
        File.WriteAllText(Path.Combine(_folder, "sites.csv"), "site_id,gp_fte\nS1,10\nS2,6\n");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Access_GeoPackage_SameValuesAsCsvWithZonePoints()
    {
        Assert.That(Access("access.csv"), Is.Zero);
        Assert.That(Access("access.gpkg"), Is.Zero);
        var csv = File.ReadAllLines(Path.Combine(_folder, "access.csv"));
        var header = csv[0].Split(',');
        var rows = Read(Path.Combine(_folder, "access.gpkg"), header);
        Assert.That(rows, Has.Count.EqualTo(4));
        for (var z = 0; z < 4; z++)
        {
            var expected = csv[z + 1].Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                var stored = rows[z].Values[c];
                if (expected[c].Length == 0)
                {
                    Assert.That(stored, Is.Null, $"{header[c]} of {expected[0]}: NULL, never 0");
                }
                else if (stored is double d)
                {
                    Assert.That(d, Is.EqualTo(double.Parse(expected[c], CultureInfo.InvariantCulture)).Within(1e-9), header[c]);
                }
                else
                {
                    Assert.That(stored, Is.EqualTo(expected[c]), header[c]);
                }
            }
        }
        var points = rows.Select(r => (Point)r.Geometry!).ToArray();
        Assert.That(points.Select(p => (p.X, p.Y)), Is.EqualTo(new[] { (-1.30, 50.70), (-1.25, 50.71), (-1.20, 50.72), (-1.15, 50.73) }));
        using var connection = Open(Path.Combine(_folder, "access.gpkg"));
        // The GeoPackage geometry header: "GP", version, flags (bit 0 = little endian), then the int32 srs_id.
        var blob = (byte[])Scalar(connection, "SELECT geom FROM access LIMIT 1")!;
        var srs = (blob[3] & 1) == 1 ? BitConverter.ToInt32(blob, 4) : System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(4));
        Assert.That((char)blob[0] + "" + (char)blob[1], Is.EqualTo("GP"));
        Assert.That(srs, Is.EqualTo(4326), "geometry srs_id");
        Assert.That(Scalar(connection, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'access' AND column_name = 'geom'"), Is.EqualTo(4326L));
        Assert.That(Scalar(connection, "SELECT min_x FROM gpkg_contents WHERE table_name = 'access' AND data_type = 'features'"), Is.EqualTo(-1.30));
        Assert.That(Scalar(connection, "PRAGMA application_id"), Is.EqualTo(1196444487L), "GPKG application id");
    }

    [Test]
    public void Access_GeoPackageWithBoundaries_ZonePolygons()
    {
        var features = string.Join(",", "ABCD".Select((id, i) =>
            $$$"""{"type":"Feature","properties":{"code":"{{{id}}}"},"geometry":{"type":"Polygon","coordinates":[[[{{{i}}},50],[{{{i + 1}}},50],[{{{i + 1}}},51],[{{{i}}},50]]]}}"""));
        File.WriteAllText(Path.Combine(_folder, "zones.geojson"), $$"""{"type":"FeatureCollection","features":[{{features}}]}""");
        Assert.That(Access("access.gpkg", "--boundaries", Path.Combine(_folder, "zones.geojson"), "--boundary-id", "code"), Is.Zero);
        var rows = Read(Path.Combine(_folder, "access.gpkg"), ["zone_id"]);
        Assert.That(rows.Select(r => r.Geometry!.OgcGeometryType), Is.All.EqualTo(OgcGeometryType.Polygon));
        Assert.That(rows[2].Geometry!.EnvelopeInternal.MinX, Is.EqualTo(2), "zone C has the third polygon");
    }

    [Test]
    public void Access_GeoPackageWithoutGeometry_IsBadInput()
    {
        File.WriteAllText(Path.Combine(_folder, "zones.csv"), "zone_id,population\nA,100\nB,200\nC,300\nD,50\n");
        Assert.That(Access("access.gpkg"), Is.EqualTo(3));
        Assert.That(File.Exists(Path.Combine(_folder, "access.gpkg")), Is.False);
    }

    private int Access(string output, params string[] more) => Program.Main([
        "access", "--matrix", Path.Combine(_folder, "matrix.csv"), "--zones", Path.Combine(_folder, "zones.csv"), "--demand", "population",
        "--sites", Path.Combine(_folder, "sites.csv"), "--supply", "gp_fte", "--index", "2sfca,cumulative", "--threshold", "30",
        "--out", Path.Combine(_folder, output), .. more]);

    private static List<(object?[] Values, Geometry? Geometry)> Read(string path, string[] columns)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT geom, {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM access ORDER BY fid";
        using var reader = command.ExecuteReader();
        var rows = new List<(object?[], Geometry?)>();
        var geometryReader = new GeoPackageGeoReader();
        while (reader.Read())
        {
            var values = new object?[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = reader.IsDBNull(c + 1) ? null : reader.GetValue(c + 1);
            }
            rows.Add((values, reader.IsDBNull(0) ? null : geometryReader.Read((byte[])reader.GetValue(0))));
        }
        return rows;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
