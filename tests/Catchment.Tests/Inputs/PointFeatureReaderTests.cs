using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Core;
using Geo.Routing.Geometry;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

[TestFixture]
public sealed class PointFeatureReaderTests
{
    /// <summary>
    /// ONS's published shapefile of the 35,672 LSOA 2021 population-weighted centroids (British National Grid): read as is,
    /// and every Isle of Wight centroid lands within a metre of the lon/lat ONS gives for it in the CSV release.
    /// </summary>
    [Test]
    public void Read_OnsLsoaCentroidShapefile_MatchesTheCsvRelease()
    {
        var shp = Scenarios.TestFiles.SharedData("england-wales-lsoa21-centroids/LSOA_PopCentroids_EW_2021_V3.shp");
        var points = PointFileReader.Read(shp).ToDictionary(p => p.Id);
        Assert.That(points, Has.Count.EqualTo(35_672));
        var csv = CsvTable.Read(Scenarios.TestFiles.SharedData("isle-of-wight/lsoa/lsoa21_pwc_iow.csv"));
        int code = csv.Find("LSOA21CD"), lon = csv.Find("lon"), lat = csv.Find("lat");
        for (var r = 0; r < csv.Count; r++)
        {
            var expected = new GeoPoint(csv.Number(r, lon), csv.Number(r, lat));
            Assert.That(GeoPoint.DistanceMetres(points[csv.Cell(r, code)].Point, expected), Is.LessThan(1.0), csv.Cell(r, code));
        }
    }

    [TestCase(4326)]
    [TestCase(27700)]
    public void Read_GeoPackageOfPoints_InEitherCrs(int srs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-gpkg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "sites.gpkg");
            var newport = new GeoPoint(-1.2976, 50.7007);
            var (e, n) = BritishNationalGrid.FromWgs84(newport);
            WriteGeoPackage(path, srs, ("S1", srs == 4326 ? new Point(newport.Lon, newport.Lat) : new Point(e, n)), ("S2", null)); // S2 is a polygon
            var error = Assert.Throws<InputFileException>(() => PointFileReader.Read(path));
            Assert.That(error!.Message, Does.Contain("expected a point"));

            WriteGeoPackage(path, srs, ("S1", srs == 4326 ? new Point(newport.Lon, newport.Lat) : new Point(e, n)));
            var points = PointFileReader.Read(path);
            Assert.That(points.Single().Id, Is.EqualTo("S1"));
            Assert.That(GeoPoint.DistanceMetres(points[0].Point, newport), Is.LessThan(0.01));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A minimal GeoPackage: the gpkg_geometry_columns row and one feature table (what readers need).</summary>
    private static void WriteGeoPackage(string path, int srs, params (string Id, Point? Point)[] rows)
    {
        File.Delete(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
                CREATE TABLE sites (fid INTEGER PRIMARY KEY, site_id TEXT, geom BLOB);
                """ + $"INSERT INTO gpkg_geometry_columns VALUES ('sites', 'geom', 'POINT', {srs.ToString(CultureInfo.InvariantCulture)}, 0, 0);";
            create.ExecuteNonQuery();
        }
        var writer = new GeoPackageGeoWriter();
        foreach (var (id, point) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO sites (site_id, geom) VALUES ($id, $geom)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$geom", writer.Write(point ?? (Geometry)new GeometryFactory().CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)])));
            insert.ExecuteNonQuery();
        }
    }
}
