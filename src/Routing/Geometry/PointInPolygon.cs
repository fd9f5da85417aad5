namespace Geo.Routing.Geometry;

/// <summary>Even-odd point-in-polygon test on rings of interleaved lon,lat (a point on an edge may fall either side).</summary>
public static class PointInPolygon
{
    /// <summary>True when (lon, lat) is inside the ring (crossing number of a ray towards +lon is odd).</summary>
    public static bool Contains(double[] ring, double lon, double lat)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var inside = false;
        var n = ring.Length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = ring[2 * i], yi = ring[(2 * i) + 1], xj = ring[2 * j], yj = ring[(2 * j) + 1];
            if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    /// <summary>True when the point is inside the polygon of these rings by the even-odd rule (inside an odd number of rings).</summary>
    public static bool InPolygon(IReadOnlyList<double[]> rings, double lon, double lat)
    {
        ArgumentNullException.ThrowIfNull(rings);
        var inside = false;
        foreach (var ring in rings)
        {
            if (Contains(ring, lon, lat))
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
