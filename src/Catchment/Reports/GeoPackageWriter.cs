using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Core;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Geo.Catchment.Reports;

/// <summary>
/// Writes zones.gpkg (OGC GeoPackage 1.3, EPSG:4326) for QGIS: layer "zones" (zone properties as in zones.geojson plus
/// minutes_/change_&lt;option&gt;_&lt;mode&gt;_&lt;service&gt; columns) and layer "sites" (site_id, site_name, kind, status_&lt;option&gt;).
/// Built in a temporary database next to the target, then copied in place atomically.
/// </summary>
public static class GeoPackageWriter
{
    public static void Write(string path, ScoringResult result, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scenario);
        GeoPackageFile.Write(path, connection => Fill(connection, result, scenario));
    }

    private static void Fill(SqliteConnection connection, ScoringResult result, Scenario scenario)
    {
        var zones = result.Zones;
        var sites = result.Sites;
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var writer = new GeoPackageGeoWriter();

        // Zones layer.
        var zoneColumns = new List<(string Name, string Type)>();
        var first = GeoJsonWriter.ZoneProperties(zones, 0).ToList();
        var propertyNames = first.Select(p => p.Name).ToList();
        for (var i = 0; i < first.Count; i++)
        {
            zoneColumns.Add((first[i].Name, TypeOf(zones, i, first[i].Name)));
        }
        var resultColumns = new List<(string Name, ScoreBlock Block, bool Change)>();
        foreach (var block in result.Blocks)
        {
            var suffix = GeoJsonWriter.SnakeCase(block.OptionId + "_" + block.Mode + "_" + block.Service);
            resultColumns.Add(("minutes_" + suffix, block, false));
            resultColumns.Add(("change_" + suffix, block, true));
        }
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
        var columnNames = new List<string>();
        foreach (var name in zoneColumns.Select(c => c.Name).Concat(resultColumns.Select(c => c.Name)))
        {
            var unique = name;
            for (var k = 2; !usedNames.Add(unique); k++)
            {
                unique = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            columnNames.Add(unique);
        }
        var definitions = new List<string>();
        for (var i = 0; i < columnNames.Count; i++)
        {
            var type = i < zoneColumns.Count ? zoneColumns[i].Type : "DOUBLE";
            definitions.Add($"\"{columnNames[i]}\" {type}");
        }
        GeoPackageFile.Execute(connection, $"CREATE TABLE zones (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, {string.Join(", ", definitions)});");
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        using (var transaction = connection.BeginTransaction())
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var placeholders = string.Join(", ", columnNames.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            command.CommandText = $"INSERT INTO zones (geom, {string.Join(", ", columnNames.Select(c => "\"" + c + "\""))}) VALUES ($g, {placeholders})";
            var g = command.Parameters.Add("$g", SqliteType.Blob);
            var parameters = columnNames.Select((_, i) => command.Parameters.Add("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
            for (var z = 0; z < zones.Count; z++)
            {
                var geometry = zones.Boundaries[z]?.Copy() ?? factory.CreatePoint(new Coordinate(zones.Points[z].Lon, zones.Points[z].Lat));
                geometry.SRID = 4326;
                var envelope = geometry.EnvelopeInternal;
                minX = Math.Min(minX, envelope.MinX);
                minY = Math.Min(minY, envelope.MinY);
                maxX = Math.Max(maxX, envelope.MaxX);
                maxY = Math.Max(maxY, envelope.MaxY);
                g.Value = writer.Write(geometry);
                var i = 0;
                foreach (var (_, value) in GeoJsonWriter.ZoneProperties(zones, z))
                {
                    SetValue(parameters[i++], value);
                }
                foreach (var (_, block, change) in resultColumns)
                {
                    var v = change ? block.ChangeMinutes[z] : block.Minutes[z];
                    SetValue(parameters[i++], double.IsNaN(v) ? null : v);
                }
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        Register(connection, "zones", "GEOMETRY", minX, minY, maxX, maxY);

        // Sites layer.
        var siteColumns = new List<string> { "site_id", "site_name", "kind" };
        siteColumns.AddRange(scenario.AllOptions.Select(o => "status_" + GeoJsonWriter.SnakeCase(o.Id)));
        var siteNames = new List<string>();
        var siteUsed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "fid", "geom" };
        foreach (var name in siteColumns)
        {
            var unique = name;
            for (var k = 2; !siteUsed.Add(unique); k++)
            {
                unique = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            siteNames.Add(unique);
        }
        GeoPackageFile.Execute(connection, $"CREATE TABLE sites (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, {string.Join(", ", siteNames.Select(c => "\"" + c + "\" TEXT"))});");
        minX = minY = double.MaxValue;
        maxX = maxY = double.MinValue;
        using (var transaction = connection.BeginTransaction())
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var placeholders = string.Join(", ", siteNames.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            command.CommandText = $"INSERT INTO sites (geom, {string.Join(", ", siteNames.Select(c => "\"" + c + "\""))}) VALUES ($g, {placeholders})";
            var g = command.Parameters.Add("$g", SqliteType.Blob);
            var parameters = siteNames.Select((_, i) => command.Parameters.Add("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
            foreach (var site in sites.Sites)
            {
                var point = factory.CreatePoint(new Coordinate(site.Point.Lon, site.Point.Lat));
                minX = Math.Min(minX, site.Point.Lon);
                minY = Math.Min(minY, site.Point.Lat);
                maxX = Math.Max(maxX, site.Point.Lon);
                maxY = Math.Max(maxY, site.Point.Lat);
                g.Value = writer.Write(point);
                parameters[0].Value = site.Id;
                parameters[1].Value = site.Name;
                parameters[2].Value = SiteStatus.Kind(scenario, site.Id);
                var i = 3;
                foreach (var option in scenario.AllOptions)
                {
                    parameters[i++].Value = SiteStatus.Status(scenario, option, site.Id);
                }
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        Register(connection, "sites", "POINT", minX, minY, maxX, maxY);
    }

    private static string TypeOf(ZoneTable zones, int index, string name) => name switch
    {
        "zone_id" or "zone_name" or "ward" or "local_authority" => "TEXT",
        "imd_decile" or "imd_quintile" or "imd_rank" => "INTEGER",
        "population" or "age65plus" => "DOUBLE",
        _ => index - 9 < zones.NumericColumns.Count ? "DOUBLE" : "TEXT",
    };

    private static void SetValue(SqliteParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.SqliteType = SqliteType.Text;
                parameter.Value = DBNull.Value;
                break;
            case double d:
                parameter.SqliteType = SqliteType.Real;
                parameter.Value = d;
                break;
            case int i:
                parameter.SqliteType = SqliteType.Integer;
                parameter.Value = i;
                break;
            default:
                parameter.SqliteType = SqliteType.Text;
                parameter.Value = value.ToString();
                break;
        }
    }

    private static void Register(SqliteConnection connection, string table, string geometryType, double minX, double minY, double maxX, double maxY)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $a, $b, $c, $d, 4326);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, 4326, 0, 0);
            """;
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$type", geometryType);
        command.Parameters.AddWithValue("$a", minX);
        command.Parameters.AddWithValue("$b", minY);
        command.Parameters.AddWithValue("$c", maxX);
        command.Parameters.AddWithValue("$d", maxY);
        command.ExecuteNonQuery();
    }
}
