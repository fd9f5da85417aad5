namespace Geo.Routing.Geometry;

/// <summary>
/// Counts points (care homes, providers...) per zone boundary (polygon) by point-in-polygon (even-odd rule, so holes count as outside).
/// A point is counted once, in the first zone (in the given order) that contains it; points in no zone are counted apart,
/// never dropped silently.
/// </summary>
public static class PointsInPolygons
{
    /// <param name="zones">Each zone's rings (interleaved lon,lat); an empty list for a zone without a boundary (never contains a point).</param>
    /// <param name="points">Points as (lon, lat), WGS84 degrees.</param>
    /// <param name="outside">Points inside no zone.</param>
    /// <returns>Points per zone, in <paramref name="zones"/> order.</returns>
    public static int[] Count(IReadOnlyList<IReadOnlyList<double[]>> zones, IReadOnlyList<(double Lon, double Lat)> points, out int outside)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(points);
        var boxes = new (double MinLon, double MinLat, double MaxLon, double MaxLat)[zones.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
            foreach (var ring in zones[z])
            {
                for (var i = 0; i + 1 < ring.Length; i += 2)
                {
                    minLon = Math.Min(minLon, ring[i]);
                    maxLon = Math.Max(maxLon, ring[i]);
                    minLat = Math.Min(minLat, ring[i + 1]);
                    maxLat = Math.Max(maxLat, ring[i + 1]);
                }
            }
            boxes[z] = (minLon, minLat, maxLon, maxLat);
        }
        var counts = new int[zones.Count];
        outside = 0;
        foreach (var (lon, lat) in points)
        {
            var found = false;
            for (var z = 0; z < zones.Count && !found; z++)
            {
                var b = boxes[z];
                if (lon >= b.MinLon && lon <= b.MaxLon && lat >= b.MinLat && lat <= b.MaxLat && PointInPolygon.InPolygon(zones[z], lon, lat))
                {
                    counts[z]++;
                    found = true;
                }
            }
            outside += found ? 0 : 1;
        }
        return counts;
    }
}
