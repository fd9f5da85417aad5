using System.Globalization;
using System.Text.Json;
using Geo.Core;
using Geo.Routing.Geometry;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Reads zone polygons keyed by an id property from GeoJSON (WGS84) or a GeoPackage (first feature table; EPSG:27700 is
/// converted to WGS84, EPSG:4326 is kept). Also reads attribute rows of a GeoJSON point file for <see cref="ZoneLoader"/>.
/// </summary>
public static class ZoneBoundaries
{
    public static Dictionary<string, Geometry> Read(string path, string idProperty)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(idProperty);
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "boundary file not found");
        }
        return Path.GetExtension(path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase)
            ? ReadGeoPackage(path, idProperty)
            : ReadGeoJson(path, idProperty);
    }

    internal static JsonSerializerOptions GeoJsonOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private static Dictionary<string, Geometry> ReadGeoJson(string path, string idProperty)
    {
        FeatureCollection? features;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (TextFiles.FirstInvalidLine(bytes) is int badLine)
            {
                throw TextFiles.NotUtf8(path, badLine, encodingOption: false);
            }
            features = JsonSerializer.Deserialize<FeatureCollection>(bytes, GeoJsonOptions());
        }
        catch (JsonException ex)
        {
            throw new InputFileException(path, ex.LineNumber is long l ? (int)l + 1 : null, ex.Path, "not valid GeoJSON: " + ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // The GeoJSON converter reports an unknown geometry type or bytes that are not UTF-8 this way (found by fuzzing).
            throw new InputFileException(path, null, null, "not valid GeoJSON: " + ex.Message);
        }
        if (features is null)
        {
            throw new InputFileException(path, null, null, "not a GeoJSON FeatureCollection");
        }
        var result = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        var number = 0;
        foreach (var feature in features)
        {
            number++;
            var id = AttributeText(feature.Attributes, idProperty);
            if (id is null)
            {
                var names = feature.Attributes is null ? "(none)" : string.Join(", ", feature.Attributes.GetNames());
                throw new InputFileException(path, number, idProperty, $"feature {number} has no property '{idProperty}'; properties: {names}");
            }
            if (feature.Geometry is not null)
            {
                result.TryAdd(id, feature.Geometry);
            }
        }
        return result;
    }

    internal static string? AttributeText(IAttributesTable? attributes, string name)
    {
        if (attributes is null)
        {
            return null;
        }
        foreach (var key in attributes.GetNames())
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                var value = attributes[key];
                var text = value switch
                {
                    null => null,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            }
        }
        return null;
    }

    private static Dictionary<string, Geometry> ReadGeoPackage(string path, string idProperty)
    {
        var result = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
        }
        catch (SqliteException ex)
        {
            throw new InputFileException(path, null, null, "cannot open the GeoPackage: " + ex.Message);
        }
        string table, column;
        int srs;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns LIMIT 1";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InputFileException(path, null, "gpkg_geometry_columns", "the GeoPackage has no feature table");
            }
            table = reader.GetString(0);
            column = reader.GetString(1);
            srs = reader.GetInt32(2);
        }
        if (srs is not (4326 or 27700))
        {
            throw new InputFileException(path, null, "srs_id", $"EPSG:{srs} is not supported; use EPSG:4326 or EPSG:27700");
        }
        var geoReader = new GeoPackageGeoReader();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = command.ExecuteReader();
            int idColumn = -1, geometryColumn = -1;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (string.Equals(reader.GetName(i), idProperty, StringComparison.OrdinalIgnoreCase))
                {
                    idColumn = i;
                }
                if (string.Equals(reader.GetName(i), column, StringComparison.OrdinalIgnoreCase))
                {
                    geometryColumn = i;
                }
            }
            if (idColumn < 0)
            {
                var names = string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
                throw new InputFileException(path, null, idProperty, $"table '{table}' has no column '{idProperty}'; columns: {names}");
            }
            var row = 0;
            while (reader.Read())
            {
                row++;
                if (reader.IsDBNull(idColumn) || reader.IsDBNull(geometryColumn))
                {
                    continue;
                }
                var id = Convert.ToString(reader.GetValue(idColumn), CultureInfo.InvariantCulture)!.Trim();
                var blob = (byte[])reader.GetValue(geometryColumn);
                Geometry geometry;
                try
                {
                    geometry = geoReader.Read(blob);
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or ParseException)
                {
                    throw new InputFileException(path, row, column, "unreadable geometry: " + ex.Message);
                }
                if (srs == 27700)
                {
                    geometry = ToWgs84(geometry);
                }
                result.TryAdd(id, geometry);
            }
        }
        return result;
    }

    /// <summary>Converts a BNG (EPSG:27700) geometry to WGS84 lon/lat.</summary>
    public static Geometry ToWgs84(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        copy.Apply(new BngToWgs84Filter());
        copy.SRID = 4326;
        return copy;
    }

    private sealed class BngToWgs84Filter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var p = BritishNationalGrid.ToWgs84(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, p.Lon);
            seq.SetY(i, p.Lat);
        }
    }

    /// <summary>Attribute rows of a GeoJSON FeatureCollection as a table (line = 1-based feature number).</summary>
    internal static CsvTable ReadAttributes(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new InputFileException(path, null, "features", "not a GeoJSON FeatureCollection");
        }
        var header = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var maps = new List<Dictionary<int, string>>();
        foreach (var feature in features.EnumerateArray())
        {
            var map = new Dictionary<int, string>();
            if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in properties.EnumerateObject())
                {
                    if (!index.TryGetValue(p.Name, out var c))
                    {
                        c = header.Count;
                        index[p.Name] = c;
                        header.Add(p.Name);
                    }
                    map[c] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => p.Value.GetRawText(),
                    };
                }
            }
            maps.Add(map);
        }
        var rows = new List<string[]>(maps.Count);
        var lines = new List<int>(maps.Count);
        for (var i = 0; i < maps.Count; i++)
        {
            var row = new string[header.Count];
            Array.Fill(row, "");
            foreach (var (c, v) in maps[i])
            {
                row[c] = v;
            }
            rows.Add(row);
            lines.Add(i + 1);
        }
        return CsvTable.FromRows(path, [.. header], rows, lines);
    }
}
