using System.Globalization;
using Geo.Viewer.Results;
using SkiaSharp;

namespace Geo.Viewer.Rendering;

/// <summary>Need maps (density, points per zone, percentages, with the points on top) and flow lines (visits from zone to site).</summary>
public static partial class StaticMapRenderer
{
    /// <summary>Widest flow line, pixels at scale 1 (the largest flow); others are drawn in proportion to their visits.</summary>
    private const float MaxFlowWidthPx = 18;
    private const float MinFlowWidthPx = 1;
    private static readonly SKColor FlowColour = new(0x08, 0x51, 0x9C, 170);
    private static readonly SKColor PointColour = new(0xD7, 0x30, 0x1F);

    public static bool IsNeedLayer(MapLayer layer) => layer is MapLayer.Density or MapLayer.Points or MapLayer.Percent;

    /// <summary>The caller's flow lines, else flows.geojson; throws when there are none.</summary>
    internal static IReadOnlyList<GeoFeature> FlowFeatures(ResultsFolder results, StaticMapRequest request)
    {
        var lines = request.FlowLines ?? results.Flows;
        if (!lines.Any(f => f.Kind == GeoGeometryKind.Line && f.GetNumber(FlowLines.VisitsProperty) > 0))
        {
            throw new ArgumentException("no visits to draw: give a visits file (zone_id, site_id, count) whose zones and sites are in the results, or run a scenario with needMaps.visits");
        }
        return lines;
    }

    /// <summary>Line width in pixels (before scaling) for a flow of <paramref name="visits"/> when the largest is <paramref name="maxVisits"/>: proportional, at least 1 px.</summary>
    internal static float FlowWidthPx(double visits, double maxVisits) =>
        maxVisits > 0 ? Math.Max(MinFlowWidthPx, (float)(MaxFlowWidthPx * visits / maxVisits)) : MinFlowWidthPx;

    private static void DrawFlows(SKCanvas canvas, IReadOnlyList<GeoFeature> flows, Projection proj, float s)
    {
        if (flows.Count == 0)
        {
            return;
        }
        double max = flows.Max(f => f.GetNumber(FlowLines.VisitsProperty));
        using var line = new SKPaint { Color = FlowColour, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        // Small flows first so the large ones are on top and readable.
        foreach (var f in flows.Where(f => f.Kind == GeoGeometryKind.Line && f.GetNumber(FlowLines.VisitsProperty) > 0).OrderBy(f => f.GetNumber(FlowLines.VisitsProperty)))
        {
            line.StrokeWidth = FlowWidthPx(f.GetNumber(FlowLines.VisitsProperty), max) * s;
            using var path = proj.Path(f.Parts, close: false);
            canvas.DrawPath(path, line);
        }
    }

    /// <summary>The flow legend: title and three line widths with their visits; returns the y below it.</summary>
    private static float DrawFlowLegend(SKCanvas canvas, IReadOnlyList<GeoFeature> flows, SKPoint at, float s)
    {
        using var font = new SKFont(Typeface.Value, 21 * s);
        using var head = new SKFont(Typeface.Value, 24 * s);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        using var line = new SKPaint { Color = FlowColour, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeCap = SKStrokeCap.Butt };
        double max = flows.Max(f => f.GetNumber(FlowLines.VisitsProperty));
        double total = flows.Sum(f => Math.Max(0, f.GetNumber(FlowLines.VisitsProperty)));
        float x = at.X, y = at.Y + (24 * s);
        DrawText(canvas, "Visits (line width)", x, y, SKTextAlign.Left, head, ink);
        y += 20 * s;
        foreach (double v in new[] { max, max / 2, max / 10 })
        {
            line.StrokeWidth = FlowWidthPx(v, max) * s;
            canvas.DrawLine(x, y + (15 * s), x + (40 * s), y + (15 * s), line);
            DrawText(canvas, v.ToString("#,0.#", CultureInfo.InvariantCulture) + " visits", x + (52 * s), y + (22 * s), SKTextAlign.Left, font, ink);
            y += 36 * s;
        }
        DrawText(canvas, Fit(total.ToString("#,0", CultureInfo.InvariantCulture) + " visits, " + flows.Count.ToString(CultureInfo.InvariantCulture) + " zone-site pairs", font, 310 * s),
            x, y + (18 * s), SKTextAlign.Left, font, ink);
        return y + (30 * s);
    }

    private static void DrawNeedPoints(SKCanvas canvas, IReadOnlyList<(double Lon, double Lat)> points, Projection proj, float s)
    {
        foreach (var (lon, lat) in points)
        {
            DrawNeedPoint(canvas, proj.Map(lon, lat), s);
        }
    }

    private static void DrawNeedPoint(SKCanvas canvas, SKPoint pt, float s)
    {
        using var halo = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var dot = new SKPaint { Color = PointColour, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(pt, 6.5f * s, halo);
        canvas.DrawCircle(pt, 4.5f * s, dot);
    }
}
