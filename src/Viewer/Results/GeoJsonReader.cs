using System.Text.Json;

namespace Geo.Viewer.Results;

/// <summary>Reads a GeoJSON FeatureCollection into <see cref="GeoFeature"/>s (no NTS: the viewer only draws).</summary>
public static class GeoJsonReader
{
    /// <summary>Parses UTF-8 GeoJSON; throws <see cref="FormatException"/> with the position of the problem.</summary>
    public static List<GeoFeature> ReadFeatureCollection(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Read(utf8);
        }
        catch (InvalidOperationException ex)
        {
            // A string holding bytes that are not UTF-8 fails only when read (found by fuzzing).
            throw new FormatException("not valid GeoJSON: " + ex.Message, ex);
        }
    }

    private static List<GeoFeature> Read(ReadOnlySpan<byte> utf8)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException("not valid JSON (line " + ((ex.LineNumber ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "): " + ex.Message, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not a GeoJSON FeatureCollection (expected {\"type\":\"FeatureCollection\",\"features\":[...]})");
            }

            var list = new List<GeoFeature>(features.GetArrayLength());
            int index = 0;
            foreach (var f in features.EnumerateArray())
            {
                try
                {
                    list.Add(ReadFeature(f));
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
                {
                    throw new FormatException("feature " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + ex.Message, ex);
                }

                index++;
            }

            return list;
        }
    }

    private static GeoFeature ReadFeature(JsonElement f)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject())
            {
                props[prop.Name] = prop.Value.ValueKind switch
                {
                    JsonValueKind.String => prop.Value.GetString(),
                    JsonValueKind.Number => prop.Value.GetDouble(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => prop.Value.GetRawText(),
                };
            }
        }

        var parts = new List<double[]>();
        var kind = GeoGeometryKind.None;
        if (f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
        {
            kind = ReadGeometry(g, parts);
        }

        return new GeoFeature(kind, parts, props);
    }

    private static GeoGeometryKind ReadGeometry(JsonElement g, List<double[]> parts)
    {
        string type = g.GetProperty("type").GetString() ?? string.Empty;
        if (type == "GeometryCollection")
        {
            var kind = GeoGeometryKind.None;
            foreach (var child in g.GetProperty("geometries").EnumerateArray())
            {
                var k = ReadGeometry(child, parts);
                kind = k > kind ? k : kind;
            }

            return kind;
        }

        var c = g.GetProperty("coordinates");
        switch (type)
        {
            case "Point":
                parts.Add(Position(c));
                return GeoGeometryKind.Point;
            case "MultiPoint":
                foreach (var pt in c.EnumerateArray())
                {
                    parts.Add(Position(pt));
                }

                return GeoGeometryKind.Point;
            case "LineString":
                parts.Add(Ring(c));
                return GeoGeometryKind.Line;
            case "MultiLineString":
            case "Polygon":
                foreach (var ring in c.EnumerateArray())
                {
                    parts.Add(Ring(ring));
                }

                return type == "Polygon" ? GeoGeometryKind.Polygon : GeoGeometryKind.Line;
            case "MultiPolygon":
                foreach (var poly in c.EnumerateArray())
                {
                    foreach (var ring in poly.EnumerateArray())
                    {
                        parts.Add(Ring(ring));
                    }
                }

                return GeoGeometryKind.Polygon;
            default:
                throw new FormatException("unknown geometry type '" + type + "'");
        }
    }

    private static double[] Position(JsonElement c) => [c[0].GetDouble(), c[1].GetDouble()];

    private static double[] Ring(JsonElement ring)
    {
        var a = new double[ring.GetArrayLength() * 2];
        int i = 0;
        foreach (var pt in ring.EnumerateArray())
        {
            a[i++] = pt[0].GetDouble();
            a[i++] = pt[1].GetDouble();
        }

        return a;
    }
}
