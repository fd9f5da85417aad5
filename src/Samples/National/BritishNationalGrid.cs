namespace Geo.Samples.National;

/// <summary>
/// British National Grid (EPSG:27700) easting/northing to latitude/longitude on the Airy 1830 ellipsoid (inverse
/// Transverse Mercator, Ordnance Survey's formulae). The OSGB36→WGS84 datum shift (up to ~120 m) is left out: the
/// generated region is synthetic and every file in it uses this same conversion.
/// </summary>
internal static class BritishNationalGrid
{
    private const double A = 6377563.396;
    private const double B = 6356256.909;
    private const double F0 = 0.9996012717;
    private const double Lat0 = 49 * Math.PI / 180;
    private const double Lon0 = -2 * Math.PI / 180;
    private const double N0 = -100000;
    private const double E0 = 400000;

    public static (double Lon, double Lat) ToLonLat(double easting, double northing)
    {
        const double e2 = 1 - (B * B / (A * A));
        const double n = (A - B) / (A + B);
        var lat = Lat0;
        var m = 0.0;
        do
        {
            lat = ((northing - N0 - m) / (A * F0)) + lat;
            var ma = (1 + n + (5.0 / 4 * n * n) + (5.0 / 4 * n * n * n)) * (lat - Lat0);
            var mb = ((3 * n) + (3 * n * n) + (21.0 / 8 * n * n * n)) * Math.Sin(lat - Lat0) * Math.Cos(lat + Lat0);
            var mc = ((15.0 / 8 * n * n) + (15.0 / 8 * n * n * n)) * Math.Sin(2 * (lat - Lat0)) * Math.Cos(2 * (lat + Lat0));
            var md = 35.0 / 24 * n * n * n * Math.Sin(3 * (lat - Lat0)) * Math.Cos(3 * (lat + Lat0));
            m = B * F0 * (ma - mb + mc - md);
        }
        while (Math.Abs(northing - N0 - m) >= 0.00001);

        var sinLat = Math.Sin(lat);
        var nu = A * F0 / Math.Sqrt(1 - (e2 * sinLat * sinLat));
        var rho = A * F0 * (1 - e2) / Math.Pow(1 - (e2 * sinLat * sinLat), 1.5);
        var eta2 = (nu / rho) - 1;
        var tanLat = Math.Tan(lat);
        var tan2 = tanLat * tanLat;
        var tan4 = tan2 * tan2;
        var tan6 = tan4 * tan2;
        var secLat = 1 / Math.Cos(lat);
        var nu3 = nu * nu * nu;
        var nu5 = nu3 * nu * nu;
        var nu7 = nu5 * nu * nu;
        var vii = tanLat / (2 * rho * nu);
        var viii = tanLat / (24 * rho * nu3) * (5 + (3 * tan2) + eta2 - (9 * tan2 * eta2));
        var ix = tanLat / (720 * rho * nu5) * (61 + (90 * tan2) + (45 * tan4));
        var x = secLat / nu;
        var xi = secLat / (6 * nu3) * ((nu / rho) + (2 * tan2));
        var xii = secLat / (120 * nu5) * (5 + (28 * tan2) + (24 * tan4));
        var xiia = secLat / (5040 * nu7) * (61 + (662 * tan2) + (1320 * tan4) + (720 * tan6));
        var de = easting - E0;
        var de2 = de * de;
        var de3 = de2 * de;
        var de4 = de2 * de2;
        var de5 = de4 * de;
        var de6 = de3 * de3;
        var de7 = de6 * de;
        var phi = lat - (vii * de2) + (viii * de4) - (ix * de6);
        var lambda = Lon0 + (x * de) - (xi * de3) + (xii * de5) - (xiia * de7);
        return (lambda * 180 / Math.PI, phi * 180 / Math.PI);
    }
}
