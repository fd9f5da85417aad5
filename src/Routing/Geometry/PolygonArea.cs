namespace Geo.Routing.Geometry;

/// <summary>
/// Area of a zone boundary in km², for population density. Degrees are not a unit of area (a degree of longitude shrinks
/// towards the poles), so every ring is projected with the Lambert azimuthal equal-area projection of the WGS84 ellipsoid
/// (geodetic latitude to authalic latitude on the authalic sphere, Snyder 1987 §3 and §24), centred on the zone, and measured
/// there. Straight edges between vertices are taken as straight in that projection (zones are small, the difference is
/// far below 0.01%).
/// </summary>
public static class PolygonArea
{
    private const double SemiMajorMetres = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private static readonly double E2 = Flattening * (2 - Flattening);
    private static readonly double E = Math.Sqrt(E2);
    private static readonly double QPole = Q(Math.PI / 2);

    /// <summary>Radius of the sphere with the ellipsoid's surface area, metres.</summary>
    public static readonly double AuthalicRadiusMetres = SemiMajorMetres * Math.Sqrt(QPole / 2);

    /// <summary>
    /// Area in km² of the polygon given as rings of interleaved lon,lat (WGS84 degrees), outer rings and holes in any order
    /// and either winding: a ring inside an odd number of the other rings is a hole (the even-odd rule the maps draw with).
    /// 0 when there are no rings (a zone given as a point).
    /// </summary>
    public static double Km2(IReadOnlyList<double[]> rings)
    {
        ArgumentNullException.ThrowIfNull(rings);
        double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
        foreach (var ring in rings)
        {
            for (var i = 0; i + 1 < ring.Length; i += 2)
            {
                minLon = Math.Min(minLon, ring[i]);
                maxLon = Math.Max(maxLon, ring[i]);
                minLat = Math.Min(minLat, ring[i + 1]);
                maxLat = Math.Max(maxLat, ring[i + 1]);
            }
        }
        if (minLon > maxLon)
        {
            return 0;
        }
        var lon0 = (minLon + maxLon) / 2 * Math.PI / 180;
        var beta0 = Authalic((minLat + maxLat) / 2 * Math.PI / 180);
        double squareMetres = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var ring = rings[r];
            if (ring.Length < 6)
            {
                continue;
            }
            var depth = 0;
            for (var o = 0; o < rings.Count; o++)
            {
                if (o != r && PointInPolygon.Contains(rings[o], ring[0], ring[1]))
                {
                    depth++;
                }
            }
            var area = Math.Abs(ProjectedShoelace(ring, lon0, beta0));
            squareMetres += depth % 2 == 0 ? area : -area;
        }
        return Math.Max(0, squareMetres) / 1e6;
    }

    /// <summary>Twice-halved shoelace area (signed, m²) of one ring in the equal-area projection centred at lon0, beta0 (radians).</summary>
    private static double ProjectedShoelace(double[] ring, double lon0, double beta0)
    {
        double twice = 0;
        var n = ring.Length / 2;
        Project(ring[0], ring[1], lon0, beta0, out var x0, out var y0);
        double px = x0, py = y0;
        for (var k = 1; k <= n; k++)
        {
            double x, y;
            if (k == n)
            {
                x = x0;
                y = y0;
            }
            else
            {
                Project(ring[2 * k], ring[(2 * k) + 1], lon0, beta0, out x, out y);
            }
            twice += (px * y) - (x * py);
            px = x;
            py = y;
        }
        return twice / 2;
    }

    private static void Project(double lonDeg, double latDeg, double lon0, double beta0, out double x, out double y)
    {
        var beta = Authalic(latDeg * Math.PI / 180);
        var dLon = (lonDeg * Math.PI / 180) - lon0;
        var cosB = Math.Cos(beta);
        var k = Math.Sqrt(2 / (1 + (Math.Sin(beta0) * Math.Sin(beta)) + (Math.Cos(beta0) * cosB * Math.Cos(dLon))));
        x = AuthalicRadiusMetres * k * cosB * Math.Sin(dLon);
        y = AuthalicRadiusMetres * k * ((Math.Cos(beta0) * Math.Sin(beta)) - (Math.Sin(beta0) * cosB * Math.Cos(dLon)));
    }

    /// <summary>Authalic latitude (radians) of a geodetic latitude (radians).</summary>
    private static double Authalic(double phi) => Math.Asin(Math.Clamp(Q(phi) / QPole, -1, 1));

    private static double Q(double phi)
    {
        var s = Math.Sin(phi);
        return (1 - E2) * ((s / (1 - (E2 * s * s))) - (1 / (2 * E) * Math.Log((1 - (E * s)) / (1 + (E * s)))));
    }
}
