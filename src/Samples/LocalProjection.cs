namespace Geo.Samples;

/// <summary>
/// Maps the sample region's local plane (metres east and north of the centre) to WGS84 degrees, rounded to the
/// 1e-7 degree grid that OSM PBF stores. An equirectangular projection is accurate to well under a metre over 30 km.
/// </summary>
internal static class LocalProjection
{
    /// <summary>Centre of the fictional region: open sea in the English Channel, south of the Isle of Wight.</summary>
    public const double CentreLon = -1.30;
    public const double CentreLat = 50.35;

    private const double MetresPerDegreeLat = 111_194.93;
    private static readonly double MetresPerDegreeLon = MetresPerDegreeLat * Math.Cos(CentreLat * Math.PI / 180);

    public static int LonE7(double xMetres) => (int)Math.Round((CentreLon + xMetres / MetresPerDegreeLon) * 1e7, MidpointRounding.AwayFromZero);

    public static int LatE7(double yMetres) => (int)Math.Round((CentreLat + yMetres / MetresPerDegreeLat) * 1e7, MidpointRounding.AwayFromZero);

    public static double Lon(double xMetres) => LonE7(xMetres) / 1e7;

    public static double Lat(double yMetres) => LatE7(yMetres) / 1e7;
}
