namespace Geo.Routing.Geometry;

/// <summary>A WGS84 position in degrees. Used at API boundaries; graph internals use fixed-point ints.</summary>
public readonly record struct GeoPoint(double Lon, double Lat)
{
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        var dLat = DegreesToRadians(b.Lat - a.Lat);
        var dLon = DegreesToRadians(b.Lon - a.Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(DegreesToRadians(a.Lat)) * Math.Cos(DegreesToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public bool IsValid => Lon is >= -180 and <= 180 && Lat is >= -90 and <= 90 && !double.IsNaN(Lon) && !double.IsNaN(Lat);

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
