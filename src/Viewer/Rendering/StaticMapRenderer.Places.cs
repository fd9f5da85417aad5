using SkiaSharp;

namespace Geo.Viewer.Rendering;

/// <summary>Local authority boundaries and place names (see <see cref="AreaOutlines"/> and <see cref="PlaceLabels"/>).</summary>
public static partial class StaticMapRenderer
{
    private static readonly SKColor BoundaryColour = new(0x33, 0x33, 0x33);

    private static void DrawAuthorityEdges(SKCanvas canvas, List<(double Lon1, double Lat1, double Lon2, double Lat2)> edges, Projection proj, float s)
    {
        using var line = BoundaryPaint(s);
        foreach (var (lon1, lat1, lon2, lat2) in edges)
        {
            canvas.DrawLine(proj.Map(lon1, lat1), proj.Map(lon2, lat2), line);
        }
    }

    private static SKPaint BoundaryPaint(float s) => new()
    {
        Color = BoundaryColour, Style = SKPaintStyle.Stroke, StrokeWidth = 2.6f * s, IsAntialias = true, StrokeCap = SKStrokeCap.Round,
    };

    /// <summary>Labels with a white halo; area names centred, site names to the right of their symbol.</summary>
    private static void DrawLabels(SKCanvas canvas, List<(string Name, double Lon, double Lat)> labels, Projection proj, float s, bool sites)
    {
        using var font = new SKFont(Typeface.Value, (sites ? 15 : 18) * s) { Embolden = !sites };
        using var halo = new SKPaint { Color = SKColors.White.WithAlpha(230), Style = SKPaintStyle.Stroke, StrokeWidth = 4 * s, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
        using var ink = new SKPaint { Color = sites ? new SKColor(0x10, 0x10, 0x10) : new SKColor(0x30, 0x30, 0x50), IsAntialias = true };
        var align = sites ? SKTextAlign.Left : SKTextAlign.Center;
        foreach (var (name, lon, lat) in labels)
        {
            var p = proj.Map(lon, lat);
            var x = sites ? p.X + (12 * s) : p.X;
            var y = sites ? p.Y + (5 * s) : p.Y;
            canvas.DrawText(name, x, y, align, font, halo);
            DrawText(canvas, name, x, y, align, font, ink);
        }
    }
}
