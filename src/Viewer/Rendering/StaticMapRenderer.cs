using System.Globalization;
using Geo.Core;
using Geo.Viewer.Results;
using SkiaSharp;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Draws a results layer as a PNG (title, legend, sites, north arrow, scale bar, attribution) with the page's palettes.
/// Every map carries <see cref="Attribution.MapLine"/> drawn on it and in a PNG "Copyright" text chunk.
/// </summary>
public static partial class StaticMapRenderer
{
    private static readonly string[] FontPaths =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "C:/Windows/Fonts/arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
    ];

    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    /// <summary>Every text drawn on the current thread's map, when a caller asked for it (tests read it).</summary>
    [ThreadStatic]
    private static List<string>? _textLog;

    /// <summary>Renders the map and returns the PNG bytes and every text drawn on it (title, legend, attribution...).</summary>
    public static byte[] RenderPng(ResultsFolder results, StaticMapRequest request, out IReadOnlyList<string> drawnText)
    {
        var log = new List<string>();
        _textLog = log;
        try
        {
            var png = RenderPng(results, request);
            drawnText = log;
            return png;
        }
        finally
        {
            _textLog = null;
        }
    }

    /// <summary>Renders and writes the PNG atomically to <paramref name="outPath"/> (folders created).</summary>
    /// <exception cref="ArgumentException">Unknown option/mode/service/attribute, or bad size.</exception>
    /// <exception cref="InputFileException">A results file needed for this map is missing or corrupt.</exception>
    public static void Render(ResultsFolder results, StaticMapRequest request, string outPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        byte[] png = RenderPng(results, request);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        AtomicFile.Write(outPath, s => s.Write(png));
    }

    /// <summary>Renders the map and returns the PNG bytes.</summary>
    public static byte[] RenderPng(ResultsFolder results, StaticMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        RequireFile(results, ResultsFolder.ZonesFile);
        if (results.Zones.Count == 0)
        {
            throw new InputFileException(Path.Combine(results.Root, ResultsFolder.ZonesFile), null, null, "no zone features to draw");
        }

        IReadOnlyList<GeoFeature> placement = request.Layer == MapLayer.Placement ? PlacementFeatures(results) : [];
        IReadOnlyList<GeoFeature> isochrones = request.ShowIsochrones ? IsochroneFeatures(results) : [];
        IReadOnlyList<GeoFeature> flows = request.Layer == MapLayer.Flows ? FlowFeatures(results, request) : [];
        NeedLayerValues? need = IsNeedLayer(request.Layer) ? NeedValues.For(results, request) : null;
        double[] values = request.Layer switch
        {
            MapLayer.Placement => AllocationMinutes(results.Zones, placement),
            MapLayer.Flows => new double[results.Zones.Count],
            _ => need?.Values ?? ZoneValues(results, request, out _),
        };
        string layerText = need?.Title ?? (request.Layer == MapLayer.Placement ? "placement" : LayerText(request));
        var cls = need is not null ? MapClassification.Need(need.Title, values, counts: request.Layer == MapLayer.Points) : MapClassification.For(request.Layer, request.Attribute, values);

        int w = request.WidthPx, h = request.HeightPx;
        float s = Math.Min(w / 1600f, h / 1200f);
        s = Math.Max(s, 0.4f);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        float titleH = 90 * s;
        float legendW = 330 * s;
        var mapRect = new SKRect(10 * s, titleH, w - legendW - (10 * s), h - (10 * s));
        var proj = Projection.Fit(results.Zones, mapRect);
        var authorityEdges = AreaOutlines.LocalAuthorityEdges(results.Zones);

        using (new SKAutoCanvasRestore(canvas))
        {
            canvas.ClipRect(mapRect);
            canvas.DrawColor(new SKColor(0xF2, 0xF2, 0xEE));
            DrawRoads(canvas, results.BasemapRoads, proj, s);
            if (request.Layer == MapLayer.Placement)
            {
                DrawZones(canvas, results.Zones, values, cls, proj, s, new SKColor(0xE4, 0xE4, 0xE0));
                DrawAllocation(canvas, placement, cls, proj, s);
            }
            else if (request.Layer == MapLayer.Flows)
            {
                DrawZones(canvas, results.Zones, values, cls, proj, s, new SKColor(0xE4, 0xE4, 0xE0));
            }
            else
            {
                DrawZones(canvas, results.Zones, values, cls, proj, s);
            }

            DrawAuthorityEdges(canvas, authorityEdges, proj, s);
            DrawIsochrones(canvas, isochrones, proj, s);
            DrawFlows(canvas, flows, proj, s);
            DrawNeedPoints(canvas, need?.Points ?? [], proj, s);
            string? option = request.Layer is MapLayer.Placement or MapLayer.Flows || need is not null ? null : request.Option;
            var service = ResolvedService(results, request);
            DrawSites(canvas, results, option, service, proj, s);
            DrawChosenSites(canvas, placement, proj, s);
            DrawLabels(canvas, PlaceLabels.Areas(results.Zones), proj, s, sites: false);
            DrawLabels(canvas, PlaceLabels.Sites(SitesToDraw(results, option, service)), proj, s, sites: true);
        }

        using var frame = new SKPaint { Color = new SKColor(0x60, 0x60, 0x60), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * s, IsAntialias = true };
        canvas.DrawRect(mapRect, frame);

        string title = request.Title ?? DefaultTitle(results, request, layerText);
        using var titleFont = new SKFont(Typeface.Value, 34 * s);
        using var subFont = new SKFont(Typeface.Value, 20 * s);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        DrawText(canvas, Fit(title, titleFont, w - (20 * s)), 10 * s, 44 * s, SKTextAlign.Left, titleFont, ink);
        string sub = (results.ScenarioName.Length > 0 ? results.ScenarioName + "  ·  " : string.Empty) + "Generated by geo map";
        DrawText(canvas, Fit(sub, subFont, w - (20 * s)), 10 * s, 76 * s, SKTextAlign.Left, subFont, ink);

        var legendAt = new SKPoint(w - legendW + (10 * s), titleH + (10 * s));
        if (request.Layer == MapLayer.Flows)
        {
            legendAt.Y = DrawFlowLegend(canvas, flows, legendAt, s);
        }

        DrawLegend(canvas, cls, values, legendAt, s, results.Sites.Count > 0 || placement.Count > 0, request.Layer == MapLayer.Placement, IsochroneMinutes(isochrones), authorityEdges.Count > 0,
            classes: request.Layer != MapLayer.Flows, need: need is null ? null : (request.PointSet ?? "points", need));
        DrawAttribution(canvas, mapRect, s);
        DrawNorthArrow(canvas, new SKPoint(mapRect.Right - (40 * s), mapRect.Top + (20 * s)), s);
        DrawScaleBar(canvas, proj, new SKPoint(mapRect.Left + (20 * s), mapRect.Bottom - (30 * s)), s);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return PngText.WithText(data.ToArray(), "Copyright", Attribution.MapLine);
    }

    private static void DrawText(SKCanvas canvas, string text, float x, float y, SKTextAlign align, SKFont font, SKPaint paint)
    {
        _textLog?.Add(text);
        canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>The attribution, bottom right inside the map frame on a white box (ODbL and OGL require it on every map).</summary>
    private static void DrawAttribution(SKCanvas canvas, SKRect mapRect, float s)
    {
        using var font = new SKFont(Typeface.Value, 17 * s);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        using var box = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 0xE0), Style = SKPaintStyle.Fill };
        var text = Fit(Attribution.MapLine, font, mapRect.Width - (20 * s));
        float width = font.MeasureText(text);
        var r = new SKRect(mapRect.Right - width - (12 * s), mapRect.Bottom - (26 * s), mapRect.Right - (1 * s), mapRect.Bottom - (1 * s));
        canvas.DrawRect(r, box);
        DrawText(canvas, text, mapRect.Right - (6 * s), mapRect.Bottom - (8 * s), SKTextAlign.Right, font, ink);
    }

    /// <summary>Value per zone (in zones.geojson order) for the requested layer; NaN where missing.</summary>
    internal static double[] ZoneValues(ResultsFolder results, StaticMapRequest request, out string layerText)
    {
        var zones = results.Zones;
        var values = new double[zones.Count];
        Array.Fill(values, double.NaN);
        switch (request.Layer)
        {
            case MapLayer.Time:
            case MapLayer.Change:
                {
                    RequireFile(results, ResultsFolder.ZoneResultsFile);
                    var set = FindScores(results, request);
                    var index = new Dictionary<string, int>(set.Count, StringComparer.Ordinal);
                    for (int i = 0; i < set.Count; i++)
                    {
                        index[set.ZoneIds[i]] = i;
                    }

                    for (int z = 0; z < zones.Count; z++)
                    {
                        if (zones[z].GetString("zone_id") is { } id && index.TryGetValue(id, out int row))
                        {
                            values[z] = request.Layer == MapLayer.Time ? set.Minutes[row] : set.ChangeMinutes[row];
                        }
                    }

                    layerText = LayerText(request);
                    break;
                }

            case MapLayer.Imd:
                for (int z = 0; z < zones.Count; z++)
                {
                    values[z] = zones[z].GetNumber("imd_decile");
                }

                layerText = LayerText(request);
                break;
            case MapLayer.Placement:
                layerText = LayerText(request);
                return AllocationMinutes(zones, PlacementFeatures(results));
            default:
                {
                    string attr = request.Attribute!;
                    bool found = false;
                    for (int z = 0; z < zones.Count; z++)
                    {
                        values[z] = zones[z].GetNumber(attr);
                        found |= !double.IsNaN(values[z]);
                    }

                    if (!found)
                    {
                        throw new ArgumentException("zone attribute '" + attr + "' has no numeric values in zones.geojson");
                    }

                    layerText = LayerText(request);
                    break;
                }
        }

        return values;
    }

    private static string LayerText(StaticMapRequest request) => request.Layer switch
    {
        MapLayer.Time => "travel time",
        MapLayer.Change => "change vs baseline",
        MapLayer.Imd => "IMD decile",
        MapLayer.Placement => "placement",
        _ => request.Attribute ?? "value",
    };

    /// <summary>placement/placement.geojson features (chosen sites and allocation lines); throws when there is no placement.</summary>
    internal static IReadOnlyList<GeoFeature> PlacementFeatures(ResultsFolder results)
    {
        RequireFile(results, ResultsFolder.PlacementFile);
        var features = GeoJsonReader.ReadFeatureCollection(results.PlacementGeoJson);
        if (features.Count == 0)
        {
            throw new InputFileException(Path.Combine(results.Root, ResultsFolder.PlacementFile), null, null,
                "no placement results; run `geo place` (or `geo run` with a \"placement\" section) first");
        }

        return features;
    }

    /// <summary>Merged isochrones/*.geojson features; throws when there are none.</summary>
    internal static IReadOnlyList<GeoFeature> IsochroneFeatures(ResultsFolder results)
    {
        var features = GeoJsonReader.ReadFeatureCollection(results.IsochronesGeoJson);
        if (features.Count == 0)
        {
            var bad = results.Errors.FirstOrDefault(e => e.File.StartsWith(ResultsFolder.IsochroneFolder + "/", StringComparison.Ordinal));
            throw new InputFileException(Path.Combine(results.Root, bad?.File ?? ResultsFolder.IsochroneFolder), null, null,
                bad?.Problem ?? "no isochrones/*.geojson to draw; run `geo isochrone` first");
        }

        return features;
    }

    /// <summary>Allocated minutes per zone (zones.geojson order) from the allocation lines' minutes; NaN where unallocated.</summary>
    internal static double[] AllocationMinutes(IReadOnlyList<GeoFeature> zones, IReadOnlyList<GeoFeature> placement)
    {
        var byZone = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in placement)
        {
            if (f.Kind == GeoGeometryKind.Line && f.GetString("zone_id") is { } id)
            {
                byZone[id] = f.GetNumber("minutes");
            }
        }

        var values = new double[zones.Count];
        for (int z = 0; z < zones.Count; z++)
        {
            values[z] = zones[z].GetString("zone_id") is { } id && byZone.TryGetValue(id, out double m) ? m : double.NaN;
        }

        return values;
    }

    private static string? ResolvedService(ResultsFolder results, StaticMapRequest request)
    {
        if (!string.IsNullOrEmpty(request.Service))
        {
            return request.Service;
        }

        return results.ZoneResults?.Services.FirstOrDefault() ?? results.Services.FirstOrDefault();
    }

    internal static ScoreSet FindScores(ResultsFolder results, StaticMapRequest request)
    {
        var table = results.ZoneResults!;
        if (!table.Options.Contains(request.Option!))
        {
            throw new ArgumentException("unknown option '" + request.Option + "'; valid options: " + string.Join(", ", table.Options));
        }

        if (!table.Modes.Contains(request.Mode!))
        {
            throw new ArgumentException("unknown mode '" + request.Mode + "'; valid modes: " + string.Join(", ", table.Modes));
        }

        string service = string.IsNullOrEmpty(request.Service) ? table.Services[0] : request.Service;
        if (!table.Services.Contains(service))
        {
            throw new ArgumentException("unknown service '" + service + "'; valid services: " + string.Join(", ", table.Services));
        }

        if (!table.TryGet(request.Option!, request.Mode!, service, out var set))
        {
            throw new ArgumentException("zone_results.csv has no rows for option " + request.Option + ", mode " + request.Mode + ", service " + service);
        }

        return set;
    }

    private static void RequireFile(ResultsFolder results, string file)
    {
        if (results.ErrorFor(file) is { } e)
        {
            throw new InputFileException(Path.Combine(results.Root, file), null, null, e.Problem);
        }
    }

    private static string DefaultTitle(ResultsFolder results, StaticMapRequest r, string layerText)
    {
        if (r.Layer == MapLayer.Placement)
        {
            return "Placement — chosen sites and zone allocation by travel time";
        }

        if (IsNeedLayer(r.Layer))
        {
            return "Need: " + layerText;
        }

        if (r.Layer == MapLayer.Flows)
        {
            return "Where patients travel from — visits by zone and site";
        }

        if (r.Layer is MapLayer.Imd or MapLayer.Attribute)
        {
            return "Zones by " + layerText;
        }

        string optionName = results.Options.FirstOrDefault(o => o.Id == r.Option)?.Name ?? r.Option!;
        string service = string.IsNullOrEmpty(r.Service) ? (results.ZoneResults?.Services.FirstOrDefault() ?? string.Empty) : r.Service;
        return char.ToUpperInvariant(layerText[0]) + layerText[1..] + " — option " + r.Option + " (" + optionName + "), " + r.Mode
            + (service.Length > 0 ? ", " + service : string.Empty);
    }

    private static void DrawRoads(SKCanvas canvas, IReadOnlyList<GeoFeature> roads, Projection proj, float s)
    {
        if (roads.Count == 0)
        {
            return;
        }

        using var paint = new SKPaint { Color = new SKColor(0xC8, 0xC8, 0xC8), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f * s, IsAntialias = true };
        using var major = new SKPaint { Color = new SKColor(0xB0, 0xB0, 0xB0), Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f * s, IsAntialias = true };
        foreach (var road in roads)
        {
            if (road.Kind != GeoGeometryKind.Line)
            {
                continue;
            }

            string hw = road.GetString("highway") ?? string.Empty;
            bool isMajor = hw.StartsWith("motorway", StringComparison.Ordinal) || hw.StartsWith("trunk", StringComparison.Ordinal) || hw.StartsWith("primary", StringComparison.Ordinal);
            using var path = proj.Path(road.Parts, close: false);
            canvas.DrawPath(path, isMajor ? major : paint);
        }
    }

    private static void DrawZones(SKCanvas canvas, IReadOnlyList<GeoFeature> zones, double[] values, MapClassification cls, Projection proj, float s, SKColor? fixedFill = null)
    {
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var edge = new SKPaint { Style = SKPaintStyle.Stroke, Color = new SKColor(255, 255, 255, 200), StrokeWidth = 0.8f * s, IsAntialias = true };
        for (int z = 0; z < zones.Count; z++)
        {
            var colour = fixedFill ?? SKColor.Parse(cls.ColourOf(values[z]));
            fill.Color = colour.WithAlpha(225);
            var zone = zones[z];
            if (zone.Kind == GeoGeometryKind.Polygon)
            {
                using var path = proj.Path(zone.Parts, close: true);
                canvas.DrawPath(path, fill);
                canvas.DrawPath(path, edge);
            }
            else if (zone.Kind == GeoGeometryKind.Point)
            {
                foreach (var p in zone.Parts)
                {
                    var pt = proj.Map(p[0], p[1]);
                    canvas.DrawCircle(pt, 7 * s, fill);
                    canvas.DrawCircle(pt, 7 * s, edge);
                }
            }
        }
    }

    /// <summary>Sites in draw order: candidates first, then open, new and closing on top; placement-only candidates are left off.</summary>
    internal static List<(string Status, GeoFeature Site)> SitesToDraw(ResultsFolder results, string? option, string? service)
    {
        string[] optionIds = results.Options.Select(o => o.Id).ToArray();
        string baselineId = optionIds.Length > 0 ? optionIds[0] : "baseline";
        var list = new List<(string Status, GeoFeature Site, int Order, int Index)>();
        for (int i = 0; i < results.Sites.Count; i++)
        {
            var site = results.Sites[i];
            if (site.Kind != GeoGeometryKind.Point || site.Parts.Count == 0)
            {
                continue;
            }

            string status = SiteStatusResolver.StatusFor(site, option, service, baselineId, optionIds);
            int order = SiteStatusResolver.OrderOf(status);
            if (order >= 0)
            {
                list.Add((status, site, order, i));
            }
        }

        list.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Index.CompareTo(b.Index));
        return list.ConvertAll(x => (x.Status, x.Site));
    }

    private static void DrawSites(SKCanvas canvas, ResultsFolder results, string? option, string? service, Projection proj, float s)
    {
        foreach (var (status, site) in SitesToDraw(results, option, service))
        {
            DrawSiteSymbol(canvas, status, proj.Map(site.Parts[0][0], site.Parts[0][1]), s);
        }
    }

    /// <summary>Per-site status as written in sites.geojson ("open", "closed", "new", "candidate"; kind when the option is unknown).</summary>
    internal static string SiteStatus(GeoFeature site, string? option)
    {
        string? status = option is null ? null : site.GetString("status_" + option);
        if (status is not null)
        {
            return status;
        }

        return site.GetString("kind") == SiteStatuses.Candidate ? SiteStatuses.Candidate : SiteStatuses.Open;
    }

    /// <summary>Distinct isochrone bands (minutes property), ascending; NaN when a feature has none.</summary>
    internal static List<double> IsochroneMinutes(IReadOnlyList<GeoFeature> isochrones) =>
        [.. isochrones.Where(f => f.Kind != GeoGeometryKind.None).Select(f => f.GetNumber("minutes")).Distinct().Order()];

    /// <summary>One dash pattern per band (in <see cref="IsochroneMinutes"/> order), so bands are told apart on any fill colour.</summary>
    private static SKPaint IsochronePaint(int band, float s)
    {
        float[][] dashes = [[9, 6], [3, 4], [16, 5, 3, 5], [2, 8]];
        return new SKPaint
        {
            Color = new SKColor(0x11, 0x11, 0x11), Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f * s, IsAntialias = true,
            PathEffect = SKPathEffect.CreateDash([.. dashes[band % dashes.Length].Select(d => d * s)], 0), StrokeJoin = SKStrokeJoin.Round,
        };
    }

    private static void DrawIsochrones(SKCanvas canvas, IReadOnlyList<GeoFeature> isochrones, Projection proj, float s)
    {
        var bands = IsochroneMinutes(isochrones);
        foreach (var f in isochrones)
        {
            using var line = IsochronePaint(Math.Max(0, bands.IndexOf(f.GetNumber("minutes"))), s);
            if (f.Kind == GeoGeometryKind.Line)
            {
                using var path = proj.Path(f.Parts, close: false);
                canvas.DrawPath(path, line);
            }
            else if (f.Kind == GeoGeometryKind.Polygon)
            {
                // Street-buffer isochrones have many small holes; outline only the rings that matter at map scale.
                using var path = proj.Path(OutlineRings(f.Parts, proj), close: true);
                canvas.DrawPath(path, line);
            }
        }
    }

    /// <summary>Rings whose projected area is at least 2% of the feature's largest ring (drops small holes and specks).</summary>
    private static List<double[]> OutlineRings(IReadOnlyList<double[]> rings, Projection proj)
    {
        var areas = new double[rings.Count];
        double max = 0;
        for (int r = 0; r < rings.Count; r++)
        {
            double[] ring = rings[r];
            double twice = 0;
            for (int i = 0; i + 3 < ring.Length; i += 2)
            {
                var a = proj.Map(ring[i], ring[i + 1]);
                var b = proj.Map(ring[i + 2], ring[i + 3]);
                twice += ((double)a.X * b.Y) - ((double)b.X * a.Y);
            }

            areas[r] = Math.Abs(twice) / 2;
            max = Math.Max(max, areas[r]);
        }

        var kept = new List<double[]>();
        for (int r = 0; r < rings.Count; r++)
        {
            if (areas[r] >= 0.02 * max)
            {
                kept.Add(rings[r]);
            }
        }

        return kept;
    }

    private static void DrawAllocation(SKCanvas canvas, IReadOnlyList<GeoFeature> placement, MapClassification cls, Projection proj, float s)
    {
        using var halo = new SKPaint { Color = new SKColor(0x30, 0x30, 0x30, 170), Style = SKPaintStyle.Stroke, StrokeWidth = 4.5f * s, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        using var line = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f * s, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        foreach (var f in placement)
        {
            if (f.Kind != GeoGeometryKind.Line)
            {
                continue;
            }

            using var path = proj.Path(f.Parts, close: false);
            canvas.DrawPath(path, halo);
            line.Color = SKColor.Parse(cls.ColourOf(f.GetNumber("minutes")));
            canvas.DrawPath(path, line);
        }
    }

    private static void DrawChosenSites(SKCanvas canvas, IReadOnlyList<GeoFeature> placement, Projection proj, float s)
    {
        foreach (var f in placement)
        {
            if (f.Kind == GeoGeometryKind.Point && f.Parts.Count > 0)
            {
                DrawChosenSymbol(canvas, proj.Map(f.Parts[0][0], f.Parts[0][1]), s);
            }
        }
    }

    private static void DrawChosenSymbol(SKCanvas canvas, SKPoint pt, float s)
    {
        using var halo = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 8 * s, IsAntialias = true };
        using var ring = new SKPaint { Color = new SKColor(0xE6, 0x61, 0x01), Style = SKPaintStyle.Stroke, StrokeWidth = 4 * s, IsAntialias = true };
        using var dot = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawCircle(pt, 13 * s, halo);
        canvas.DrawCircle(pt, 13 * s, ring);
        canvas.DrawCircle(pt, 4 * s, dot);
    }

    private static void DrawSiteSymbol(SKCanvas canvas, string status, SKPoint pt, float s)
    {
        float r = 11 * s;
        using var halo = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 5 * s, IsAntialias = true };
        using var ink = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var line = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 3 * s, IsAntialias = true };
        switch (status)
        {
            case "closed":
                using (var path = new SKPath())
                {
                    path.MoveTo(pt.X - r, pt.Y - r);
                    path.LineTo(pt.X + r, pt.Y + r);
                    path.MoveTo(pt.X + r, pt.Y - r);
                    path.LineTo(pt.X - r, pt.Y + r);
                    canvas.DrawPath(path, halo);
                    line.Color = new SKColor(0xB2, 0x18, 0x2B);
                    canvas.DrawPath(path, line);
                }

                break;
            case "new":
                using (var star = Star(pt, r * 1.3f, r * 0.55f))
                {
                    canvas.DrawPath(star, halo);
                    ink.Color = new SKColor(0xE6, 0x61, 0x01);
                    canvas.DrawPath(star, ink);
                    line.StrokeWidth = 1.5f * s;
                    canvas.DrawPath(star, line);
                }

                break;
            case "candidate":
                var rect = new SKRect(pt.X - (r * 0.6f), pt.Y - (r * 0.6f), pt.X + (r * 0.6f), pt.Y + (r * 0.6f));
                halo.StrokeWidth = 3 * s;
                canvas.DrawRect(rect, halo);
                ink.Color = SKColors.White;
                canvas.DrawRect(rect, ink);
                line.Color = new SKColor(0x55, 0x55, 0x55);
                line.StrokeWidth = 2 * s;
                canvas.DrawRect(rect, line);
                break;
            default:
                canvas.DrawCircle(pt, r * 0.8f, halo);
                canvas.DrawCircle(pt, r * 0.8f, ink);
                break;
        }
    }

    private static SKPath Star(SKPoint c, float outer, float inner)
    {
        var path = new SKPath();
        for (int i = 0; i < 10; i++)
        {
            double a = (-Math.PI / 2) + (i * Math.PI / 5);
            float rr = i % 2 == 0 ? outer : inner;
            float x = c.X + (float)(rr * Math.Cos(a)), y = c.Y + (float)(rr * Math.Sin(a));
            if (i == 0)
            {
                path.MoveTo(x, y);
            }
            else
            {
                path.LineTo(x, y);
            }
        }

        path.Close();
        return path;
    }

    private static void DrawLegend(SKCanvas canvas, MapClassification cls, double[] values, SKPoint at, float s, bool withSites, bool placement, List<double> isochrones, bool authorities,
        bool classes = true, (string Set, NeedLayerValues Values)? need = null)
    {
        using var font = new SKFont(Typeface.Value, 21 * s);
        using var head = new SKFont(Typeface.Value, 24 * s);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        using var edge = new SKPaint { Style = SKPaintStyle.Stroke, Color = new SKColor(0x80, 0x80, 0x80), StrokeWidth = 1 };
        float x = at.X, y = at.Y + (24 * s);
        float maxWidth = 310 * s;
        float box = 30 * s;
        if (classes)
        {
            y = DrawClasses(canvas, cls, values, x, y, s, font, head, ink, fill, edge);
        }

        if (need is { Values.Points.Count: > 0 } n)
        {
            y += 14 * s;
            DrawNeedPoint(canvas, new SKPoint(x + (box / 2), y + (box / 2)), s);
            var lines = new List<string> { n.Set, n.Values.Points.Count.ToString(CultureInfo.InvariantCulture) + " points" };
            if (n.Values.PointsOutside > 0)
            {
                lines.Add(n.Values.PointsOutside.ToString(CultureInfo.InvariantCulture) + " outside the zones");
            }

            foreach (string line in lines)
            {
                DrawText(canvas, Fit(line, font, maxWidth - box - (10 * s)), x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
                y += box * 0.85f;
            }

            y += 6 * s;
        }

        DrawLegendKeys(canvas, x, y, s, box, maxWidth, font, head, ink, withSites, placement, isochrones, authorities);
    }

    /// <summary>The zone classes with their zone counts; returns the y below them.</summary>
    private static float DrawClasses(SKCanvas canvas, MapClassification cls, double[] values, float x, float y, float s, SKFont font, SKFont head, SKPaint ink, SKPaint fill, SKPaint edge)
    {
        float maxWidth = 310 * s;
        string title = cls.Title;
        int paren = title.IndexOf(" (", StringComparison.Ordinal);
        if (head.MeasureText(title) > maxWidth && paren > 0)
        {
            DrawText(canvas, title[..paren], x, y, SKTextAlign.Left, head, ink);
            y += 28 * s;
            title = title[(paren + 1)..];
        }

        DrawText(canvas, Fit(title, head, maxWidth), x, y, SKTextAlign.Left, head, ink);
        y += 18 * s;
        var counts = new int[cls.Colours.Count];
        int noData = 0;
        foreach (double v in values)
        {
            int c = cls.ClassOf(v);
            if (c < 0)
            {
                noData++;
            }
            else
            {
                counts[c]++;
            }
        }

        float box = 30 * s;
        int rows = cls.Colours.Count + (noData > 0 ? 1 : 0);
        for (int i = 0; i < rows; i++)
        {
            bool isNoData = i == cls.Colours.Count;
            fill.Color = SKColor.Parse(isNoData ? Palettes.NoData : cls.Colours[i]);
            var r = new SKRect(x, y, x + box, y + box);
            canvas.DrawRect(r, fill);
            canvas.DrawRect(r, edge);
            int n = isNoData ? noData : counts[i];
            string label = (isNoData ? "no data" : cls.Labels[i]) + "  (" + n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " zone)" : " zones)");
            DrawText(canvas, Fit(label, font, maxWidth - box - (10 * s)), x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
            y += box + (6 * s);
        }

        return y;
    }

    private static void DrawLegendKeys(SKCanvas canvas, float x, float y, float s, float box, float maxWidth, SKFont font, SKFont head, SKPaint ink,
        bool withSites, bool placement, List<double> isochrones, bool authorities)
    {
        if (isochrones.Count > 0)
        {
            y += 14 * s;
        }

        for (int b = 0; b < isochrones.Count; b++)
        {
            using var dash = IsochronePaint(b, s);
            canvas.DrawLine(x, y + (box / 2), x + box, y + (box / 2), dash);
            string label = double.IsNaN(isochrones[b]) ? "isochrone" : "isochrone: within " + isochrones[b].ToString("0.##", CultureInfo.InvariantCulture) + " min";
            DrawText(canvas, Fit(label, font, maxWidth - box - (10 * s)), x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
            y += box + (6 * s);
        }

        if (authorities)
        {
            y += isochrones.Count > 0 ? 0 : 14 * s;
            using var boundary = BoundaryPaint(s);
            canvas.DrawLine(x, y + (box / 2), x + box, y + (box / 2), boundary);
            DrawText(canvas, "local authority boundary", x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
            y += box + (6 * s);
        }

        if (!withSites)
        {
            return;
        }

        y += 20 * s;
        DrawText(canvas, "Sites", x, y + (20 * s), SKTextAlign.Left, head, ink);
        y += 36 * s;
        var entries = placement
            ? new[] { (SiteStatuses.Open, "existing") }
            : SiteStatuses.DrawOrder.Reverse().Select(st => (st, SiteStatuses.Label(st))).ToArray();
        foreach (var (status, label) in entries)
        {
            DrawSiteSymbol(canvas, status, new SKPoint(x + (box / 2), y + (box / 2)), s);
            DrawText(canvas, Fit(label, font, maxWidth - box - (10 * s)), x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
            y += box + (8 * s);
        }

        if (placement)
        {
            DrawChosenSymbol(canvas, new SKPoint(x + (box / 2), y + (box / 2)), s);
            DrawText(canvas, "chosen site", x + box + (10 * s), y + (box * 0.75f), SKTextAlign.Left, font, ink);
        }
    }

    private static void DrawNorthArrow(SKCanvas canvas, SKPoint top, float s)
    {
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        using var font = new SKFont(Typeface.Value, 20 * s);
        using var path = new SKPath();
        path.MoveTo(top.X, top.Y + (22 * s));
        path.LineTo(top.X + (12 * s), top.Y + (56 * s));
        path.LineTo(top.X, top.Y + (48 * s));
        path.LineTo(top.X - (12 * s), top.Y + (56 * s));
        path.Close();
        canvas.DrawPath(path, ink);
        DrawText(canvas, "N", top.X, top.Y + (18 * s), SKTextAlign.Center, font, ink);
    }

    private static void DrawScaleBar(SKCanvas canvas, Projection proj, SKPoint at, float s)
    {
        double metresPerPx = proj.MetresPerPixel;
        if (!(metresPerPx > 0))
        {
            return;
        }

        double target = 200 * s * metresPerPx;
        double[] nice = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000];
        double len = nice[0];
        foreach (double n in nice)
        {
            if (n <= target)
            {
                len = n;
            }
        }

        float px = (float)(len / metresPerPx);
        using var bar = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), Style = SKPaintStyle.Stroke, StrokeWidth = 3 * s, IsAntialias = true };
        using var font = new SKFont(Typeface.Value, 18 * s);
        using var ink = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
        canvas.DrawLine(at.X, at.Y, at.X + px, at.Y, bar);
        canvas.DrawLine(at.X, at.Y - (6 * s), at.X, at.Y + (6 * s), bar);
        canvas.DrawLine(at.X + px, at.Y - (6 * s), at.X + px, at.Y + (6 * s), bar);
        string text = len >= 1000 ? (len / 1000).ToString("0.#", CultureInfo.InvariantCulture) + " km" : len.ToString("0", CultureInfo.InvariantCulture) + " m";
        DrawText(canvas, text, at.X + (px / 2), at.Y - (10 * s), SKTextAlign.Center, font, ink);
    }

    private static string Fit(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        while (text.Length > 4 && font.MeasureText(text + "…") > maxWidth)
        {
            text = text[..^1];
        }

        return text + "…";
    }

    private static SKTypeface LoadTypeface()
    {
        foreach (string p in FontPaths)
        {
            if (File.Exists(p) && SKTypeface.FromFile(p) is { } tf)
            {
                return tf;
            }
        }

        return SKTypeface.Default;
    }
}
