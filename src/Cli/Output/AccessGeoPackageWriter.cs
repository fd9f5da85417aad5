using System.Globalization;
using Geo.Catchment.Accessibility;
using Geo.Catchment.Reports;
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

    public static void Write(string path, IReadOnlyList<string> zoneIds, IReadOnlyList<Geometry?> geometries, double[]? demand,
        IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        ArgumentNullException.ThrowIfNull(zoneIds);
        ArgumentNullException.ThrowIfNull(geometries);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(status);
        GeoPackageFile.Write(path, connection => Fill(connection, zoneIds, geometries, demand, columns, status));
    }

    private static void Fill(SqliteConnection connection, IReadOnlyList<string> zoneIds, IReadOnlyList<Geometry?> geometries, double[]? demand,
        IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        var names = new List<string> { "zone_id" };
        if (demand is not null)
        {
            names.Add("demand");
        }
        names.AddRange(columns.Select(c => c.Name));
        names.Add("status");
        var types = names.Select(n => n is "zone_id" or "status" ? "TEXT" : "DOUBLE");
        GeoPackageFile.Execute(connection, $"CREATE TABLE {Layer} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, {string.Join(", ", names.Zip(types, (n, t) => $"\"{n}\" {t}"))})");

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
}
