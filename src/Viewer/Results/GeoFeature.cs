namespace Geo.Viewer.Results;

/// <summary>Geometry kind of a <see cref="GeoFeature"/> (multi-geometries are folded into their single kind).</summary>
public enum GeoGeometryKind
{
    None,
    Point,
    Line,
    Polygon,
}

/// <summary>A GeoJSON feature flattened for drawing: parts as interleaved lon,lat arrays (WGS84 degrees).</summary>
/// <param name="Kind">Point, line or polygon.</param>
/// <param name="Parts">Points: one part per point; lines: one part per line; polygons: every ring (outer and holes, drawn even-odd).</param>
/// <param name="Properties">Property values: string, double, bool or null.</param>
public sealed record GeoFeature(GeoGeometryKind Kind, IReadOnlyList<double[]> Parts, IReadOnlyDictionary<string, object?> Properties)
{
    public string? GetString(string name) => Properties.TryGetValue(name, out var v) && v is not null
        ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>Numeric property (numbers, or strings that parse invariantly); NaN when absent or not numeric.</summary>
    public double GetNumber(string name)
    {
        if (!Properties.TryGetValue(name, out var v) || v is null)
        {
            return double.NaN;
        }

        return v switch
        {
            double d => d,
            string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double p) => p,
            _ => double.NaN,
        };
    }
}
