using System.Globalization;
using Geo.Catchment.Accessibility;
using Geo.Core;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Cli.Output;

/// <summary>
/// Writes <c>geo access</c> results as an OGC GeoPackage (EPSG:4326) for QGIS: one layer "access" with each zone's geometry
/// (its boundary polygon, or its point) and the columns of the CSV output (zone_id, demand, one per index, status); indices
/// of zones that were not routed are NULL, never 0. Built in a temporary file beside the target, then moved in atomically.
/// </summary>
public static class AccessGeoPackageWriter
{
    public const string Layer = "access";

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    public static void Write(string path, IReadOnlyList<string> zoneIds, IReadOnlyList<Geometry?> geometries, double[]? demand,
        IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        ArgumentNullException.ThrowIfNull(zoneIds);
        ArgumentNullException.ThrowIfNull(geometries);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(status);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".build");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Delete(temp);
            Build(temp, zoneIds, geometries, demand, columns, status);
            AtomicFile.Write(full, stream =>
            {
                using var source = File.OpenRead(temp);
                source.CopyTo(stream);
            });
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void Build(string file, IReadOnlyList<string> zoneIds, IReadOnlyList<Geometry?> geometries, double[]? demand,
        IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        using (var srs = connection.CreateCommand())
        {
            srs.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, $wkt, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')";
            srs.Parameters.AddWithValue("$wkt", Wgs84Wkt);
            srs.ExecuteNonQuery();
        }
        var names = new List<string> { "zone_id" };
        if (demand is not null)
        {
            names.Add("demand");
        }
        names.AddRange(columns.Select(c => c.Name));
        names.Add("status");
        var types = names.Select(n => n is "zone_id" or "status" ? "TEXT" : "DOUBLE");
        Execute(connection, $"CREATE TABLE {Layer} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, {string.Join(", ", names.Zip(types, (n, t) => $"\"{n}\" {t}"))})");

        var envelope = new Envelope();
        var writer = new GeoPackageGeoWriter();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {Layer} (geom, {string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ($g, {string.Join(", ", names.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var geometry = insert.Parameters.Add("$g", SqliteType.Blob);
            var values = names.Select((_, i) => insert.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value)).ToArray();
            for (var z = 0; z < zoneIds.Count; z++)
            {
                if (geometries[z] is { } g)
                {
                    g.SRID = 4326;
                    envelope.ExpandToInclude(g.EnvelopeInternal);
                    geometry.Value = writer.Write(g);
                }
                else
                {
                    geometry.Value = DBNull.Value;
                }
                var v = 0;
                values[v++].Value = zoneIds[z];
                if (demand is not null)
                {
                    values[v++].Value = demand[z];
                }
                foreach (var column in columns)
                {
                    var value = column.Values[z];
                    values[v++].Value = double.IsNaN(value) ? DBNull.Value : value;
                }
                values[v].Value = status[z];
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        using var register = connection.CreateCommand();
        register.CommandText = $"""
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
              VALUES ('{Layer}', 'features', '{Layer}', 'geo access: accessibility per zone', $a, $b, $c, $d, 4326);
            INSERT INTO gpkg_geometry_columns VALUES ('{Layer}', 'geom', 'GEOMETRY', 4326, 0, 0);
            """;
        register.Parameters.AddWithValue("$a", envelope.IsNull ? 0 : envelope.MinX);
        register.Parameters.AddWithValue("$b", envelope.IsNull ? 0 : envelope.MinY);
        register.Parameters.AddWithValue("$c", envelope.IsNull ? 0 : envelope.MaxX);
        register.Parameters.AddWithValue("$d", envelope.IsNull ? 0 : envelope.MaxY);
        register.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
