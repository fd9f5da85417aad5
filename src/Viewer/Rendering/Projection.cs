using Geo.Viewer.Results;
using SkiaSharp;

namespace Geo.Viewer.Rendering;

/// <summary>Web Mercator fitted to a pixel rectangle (north up, equal scale on both axes).</summary>
internal sealed class Projection
{
    private const double EarthRadiusMetres = 6378137.0;
    private readonly double _scale;
    private readonly double _offsetX;
    private readonly double _offsetY;

    private Projection(double scale, double offsetX, double offsetY, double metresPerPixel)
    {
        _scale = scale;
        _offsetX = offsetX;
        _offsetY = offsetY;
        MetresPerPixel = metresPerPixel;
    }

    /// <summary>Ground metres per pixel at the centre latitude.</summary>
    public double MetresPerPixel { get; }

    public static Projection Fit(IReadOnlyList<GeoFeature> features, SKRect rect)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue, minLat = 90, maxLat = -90;
        foreach (var f in features)
        {
            foreach (var part in f.Parts)
            {
                for (int i = 0; i + 1 < part.Length; i += 2)
                {
                    double x = X(part[i]), y = Y(part[i + 1]);
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                    minLat = Math.Min(minLat, part[i + 1]);
                    maxLat = Math.Max(maxLat, part[i + 1]);
                }
            }
        }

        if (minX > maxX)
        {
            minX = maxX = minY = maxY = 0;
            minLat = maxLat = 0;
        }

        double spanX = Math.Max(maxX - minX, 1e-6), spanY = Math.Max(maxY - minY, 1e-6);
        double pad = 0.06;
        double scale = Math.Min(rect.Width * (1 - (2 * pad)) / spanX, rect.Height * (1 - (2 * pad)) / spanY);
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        double offsetX = rect.MidX - (cx * scale);
        double offsetY = rect.MidY + (cy * scale);
        double midLat = (minLat + maxLat) / 2 * Math.PI / 180;
        double mpp = EarthRadiusMetres * Math.Cos(midLat) / scale;
        return new Projection(scale, offsetX, offsetY, mpp);
    }

    public SKPoint Map(double lon, double lat) => new((float)((X(lon) * _scale) + _offsetX), (float)(_offsetY - (Y(lat) * _scale)));

    public SKPath Path(IReadOnlyList<double[]> parts, bool close)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        foreach (var part in parts)
        {
            for (int i = 0; i + 1 < part.Length; i += 2)
            {
                var p = Map(part[i], part[i + 1]);
                if (i == 0)
                {
                    path.MoveTo(p);
                }
                else
                {
                    path.LineTo(p);
                }
            }

            if (close)
            {
                path.Close();
            }
        }

        return path;
    }

    private static double X(double lon) => lon * Math.PI / 180;

    private static double Y(double lat)
    {
        double phi = Math.Clamp(lat, -85, 85) * Math.PI / 180;
        return Math.Log(Math.Tan((Math.PI / 4) + (phi / 2)));
    }
}
