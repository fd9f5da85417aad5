using System.Text.Json;
using Geo.Core;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Postgis;

/// <summary>
/// A GeoJSON FeatureCollection of the results folder (zones.geojson, sites.geojson): one row per feature, its properties as
/// columns and its geometry in <see cref="ExportSql.GeometryColumn"/> with SRID 4326. Polygons are written as MultiPolygons
/// so a zones layer has one geometry type in QGIS.
/// </summary>
public sealed class GeoJsonTableSource(string table, string path, IReadOnlyList<string> key) : TableSource(table, path, key)
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), ExportSql.Srid)) } };
    private readonly List<(Dictionary<string, (string? Text, bool IsString)> Properties, Geometry? Geometry)> _features = [];
    private string[] _properties = [];
    private ExportColumn[] _columns = [];
    private string? _geometryType;

    public override IReadOnlyList<ExportColumn> Columns => _columns;

    public override string? GeometryType => _geometryType;

    public override void Prepare()
    {
        if (!File.Exists(SourcePath))
        {
            throw new InputFileException(SourcePath, null, null, "file not found");
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(SourcePath));
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InputFileException(SourcePath, null, "features", "not a GeoJSON FeatureCollection");
            }
            var names = new List<string>();
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                _features.Add((ReadProperties(feature, names), ReadGeometry(feature, number)));
            }
            _properties = [.. names];
        }
        catch (JsonException ex)
        {
            throw new InputFileException(SourcePath, ex.LineNumber is long l ? (int)l + 1 : null, ex.Path, "not valid GeoJSON: " + ex.Message);
        }
        foreach (var k in Key)
        {
            if (!_properties.Contains(k, StringComparer.Ordinal))
            {
                throw new InputFileException(SourcePath, null, k, $"no key property '{k}'; properties are: {string.Join(", ", _properties)}");
            }
        }
        var guesses = _properties.Select(p => new ColumnGuess(p)).ToArray();
        foreach (var (properties, _) in _features)
        {
            for (var c = 0; c < _properties.Length; c++)
            {
                if (properties.TryGetValue(_properties[c], out var value))
                {
                    guesses[c].Add(value.Text, value.IsString);
                }
            }
        }
        _columns = [.. ColumnNames.FromHeader(_properties).Select((n, i) => new ExportColumn(n, guesses[i].Type))];
        _geometryType = CommonType(_features.Select(f => f.Geometry));
    }

    public override long Copy(NpgsqlBinaryImporter importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        foreach (var (properties, geometry) in _features)
        {
            importer.StartRow();
            for (var c = 0; c < _properties.Length; c++)
            {
                ValueWriter.Write(importer, _columns[c].Type, properties.TryGetValue(_properties[c], out var value) ? value.Text : null);
            }
            if (geometry is null)
            {
                importer.WriteNull();
            }
            else
            {
                importer.Write(_geometryType == "MultiPolygon" && geometry is Polygon p ? p.Factory.CreateMultiPolygon([p]) : geometry, NpgsqlDbType.Geometry);
            }
        }
        return _features.Count;
    }

    private static Dictionary<string, (string?, bool)> ReadProperties(JsonElement feature, List<string> names)
    {
        var result = new Dictionary<string, (string?, bool)>(StringComparer.Ordinal);
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return result;
        }
        foreach (var property in properties.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                names.Add(property.Name);
            }
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => (property.Value.GetString(), true),
                JsonValueKind.Number => (property.Value.GetRawText(), false),
                JsonValueKind.True => ("true", true),
                JsonValueKind.False => ("false", true),
                JsonValueKind.Null or JsonValueKind.Undefined => (null, false),
                _ => (property.Value.GetRawText(), true),
            };
        }
        return result;
    }

    private Geometry? ReadGeometry(JsonElement feature, int number)
    {
        if (!feature.TryGetProperty("geometry", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            var geometry = element.Deserialize<Geometry>(GeometryOptions);
            if (geometry is not null)
            {
                geometry.SRID = ExportSql.Srid;
            }
            return geometry;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InputFileException(SourcePath, number, "geometry", $"feature {number}: not a valid GeoJSON geometry: {ex.Message}");
        }
    }

    /// <summary>Point or MultiPolygon when every geometry is one of those (polygons promoted), else Geometry.</summary>
    private static string CommonType(IEnumerable<Geometry?> geometries)
    {
        var types = geometries.OfType<Geometry>().Select(g => g is Polygon ? "MultiPolygon" : g.GeometryType).Distinct().ToList();
        return types.Count == 1 && types[0] is "Point" or "MultiPolygon" ? types[0] : "Geometry";
    }
}
