using System.Globalization;
using Geo.Routing.Geometry;
using Geo.Viewer.Results;

namespace Geo.Viewer.Rendering;

/// <summary>A need layer's value per zone (zones.geojson order, NaN = no data), its legend title with the unit, and the points drawn over it.</summary>
public sealed record NeedLayerValues(double[] Values, string Title, IReadOnlyList<(double Lon, double Lat)> Points, int PointsOutside);

/// <summary>
/// Values of the need layers from a results folder (the static maps and the viewer's /api/need use this, so both agree):
/// density = population / area in km² (<see cref="PolygonArea"/>); points = points per zone (<see cref="PointsInPolygons"/>);
/// percent = 100 x column / sum of the <c>per</c> columns, or the column as given when there are none.
/// </summary>
public static class NeedValues
{
    public const string DensityTitle = "Residents per km²";

    /// <exception cref="ArgumentException">The layer cannot be computed from these results (no boundaries, unknown column or point set).</exception>
    public static NeedLayerValues For(ResultsFolder results, StaticMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(request);
        var zones = results.Zones;
        return request.Layer switch
        {
            MapLayer.Density => new NeedLayerValues(Density(zones), DensityTitle, [], 0),
            MapLayer.Points => Points(results, request),
            MapLayer.Percent => new NeedLayerValues(Percent(zones, request.Attribute!, request.Per ?? []), PercentTitle(request.Attribute!, request.Per ?? []), [], 0),
            _ => throw new ArgumentException("not a need layer: " + request.Layer),
        };
    }

    /// <summary>Residents per km² of each polygon zone (NaN for point zones or a zero area).</summary>
    public static double[] Density(IReadOnlyList<GeoFeature> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var values = new double[zones.Count];
        var polygons = 0;
        for (var z = 0; z < zones.Count; z++)
        {
            values[z] = double.NaN;
            if (zones[z].Kind != GeoGeometryKind.Polygon)
            {
                continue;
            }
            polygons++;
            var km2 = PolygonArea.Km2(zones[z].Parts);
            var people = zones[z].GetNumber("population");
            values[z] = km2 > 0 ? people / km2 : double.NaN;
        }
        if (polygons == 0)
        {
            throw new ArgumentException("the density layer needs zone boundaries (polygons in zones.geojson: give zones.boundaries in the scenario)");
        }
        return values;
    }

    /// <summary>The column as a percentage: 100 x column / (sum of <paramref name="per"/>), or the column itself when <paramref name="per"/> is empty.</summary>
    public static double[] Percent(IReadOnlyList<GeoFeature> zones, string column, IReadOnlyList<string> per)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(per);
        var values = new double[zones.Count];
        var found = false;
        for (var z = 0; z < zones.Count; z++)
        {
            var v = zones[z].GetNumber(column);
            if (per.Count > 0)
            {
                double total = 0;
                foreach (var p in per)
                {
                    total += zones[z].GetNumber(p);
                }
                v = total > 0 ? 100 * v / total : double.NaN;
            }
            values[z] = v;
            found |= !double.IsNaN(v);
        }
        if (!found)
        {
            throw new ArgumentException("zone column '" + column + "'" + (per.Count > 0 ? " (per " + string.Join(" + ", per) + ")" : "") + " has no numeric values in zones.geojson");
        }
        return values;
    }

    public static string PercentTitle(string column, IReadOnlyList<string> per)
    {
        ArgumentNullException.ThrowIfNull(per);
        return per.Count == 0 ? column + " (%)"
            : per.Count == 1 && per[0] == "population" ? column + " (% of residents)"
            : column + " (% of " + string.Join(" + ", per) + ")";
    }

    private static NeedLayerValues Points(ResultsFolder results, StaticMapRequest request)
    {
        var set = request.PointSet ?? "points";
        IReadOnlyList<(double Lon, double Lat)> points;
        if (request.Points is { } given)
        {
            points = given;
        }
        else
        {
            var sets = results.NeedPoints.Select(f => f.GetString("set")).Distinct().ToList();
            points = [.. results.NeedPoints.Where(f => f.Kind == GeoGeometryKind.Point && f.GetString("set") == set).Select(f => (f.Parts[0][0], f.Parts[0][1]))];
            if (points.Count == 0)
            {
                throw new ArgumentException("no point set '" + set + "' in " + ResultsFolder.NeedPointsFile
                    + (sets.Count > 0 ? "; sets: " + string.Join(", ", sets) : " (give a point file instead)"));
            }
        }
        var rings = results.Zones.Select(z => z.Kind == GeoGeometryKind.Polygon ? z.Parts : (IReadOnlyList<double[]>)[]).ToList();
        if (rings.All(r => r.Count == 0))
        {
            throw new ArgumentException("the points layer needs zone boundaries (polygons in zones.geojson: give zones.boundaries in the scenario)");
        }
        var counts = PointsInPolygons.Count(rings, points, out var outside);
        var values = new double[counts.Length];
        for (var z = 0; z < counts.Length; z++)
        {
            values[z] = rings[z].Count == 0 ? double.NaN : counts[z];
        }
        return new NeedLayerValues(values, char.ToUpper(set[0], CultureInfo.InvariantCulture) + set[1..] + " per zone (points)", points, outside);
    }
}
