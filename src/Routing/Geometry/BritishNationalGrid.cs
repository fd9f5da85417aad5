using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Geo.Routing.Geometry;

/// <summary>
/// British National Grid (EPSG:27700) easting/northing to and from WGS84 with ProjNET,
/// using the OSGB36 seven-parameter Helmert shift (EPSG:1314, a few metres accuracy, as ONS products).
/// </summary>
public static class BritishNationalGrid
{
    private const string BngWkt =
        "PROJCS[\"OSGB 1936 / British National Grid\",GEOGCS[\"OSGB 1936\",DATUM[\"OSGB_1936\"," +
        "SPHEROID[\"Airy 1830\",6377563.396,299.3249646,AUTHORITY[\"EPSG\",\"7001\"]]," +
        "TOWGS84[446.448,-125.157,542.06,0.15,0.247,0.842,-20.489],AUTHORITY[\"EPSG\",\"6277\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AUTHORITY[\"EPSG\",\"4277\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49]," +
        "PARAMETER[\"central_meridian\",-2],PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000]," +
        "PARAMETER[\"false_northing\",-100000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST]," +
        "AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"27700\"]]";

    private static readonly Lazy<(MathTransform ToWgs84, MathTransform FromWgs84)> Transforms = new(Create);

    public static GeoPoint ToWgs84(double easting, double northing)
    {
        var (x, y) = Transforms.Value.ToWgs84.Transform(easting, northing);
        return new GeoPoint(x, y);
    }

    public static (double Easting, double Northing) FromWgs84(GeoPoint point)
    {
        var (x, y) = Transforms.Value.FromWgs84.Transform(point.Lon, point.Lat);
        return (x, y);
    }

    /// <summary>True when the pair lies inside the grid's extent (Great Britain and its waters).</summary>
    public static bool IsPlausible(double easting, double northing) =>
        easting is >= -100_000 and <= 800_000 && northing is >= -100_000 and <= 1_400_000;

    private static (MathTransform, MathTransform) Create()
    {
        var factory = new CoordinateSystemFactory();
        var bng = (ProjectedCoordinateSystem)factory.CreateFromWkt(BngWkt);
        var wgs84 = GeographicCoordinateSystem.WGS84;
        var transforms = new CoordinateTransformationFactory();
        return (transforms.CreateFromCoordinateSystems(bng, wgs84).MathTransform,
                transforms.CreateFromCoordinateSystems(wgs84, bng).MathTransform);
    }
}
