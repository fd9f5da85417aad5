using Geo.Core;
using System.IO.Pipelines;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.RoutingServer.Osrm;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Services;

/// <summary>
/// OSRM's table service: durations (s) and/or distances (m) from each source to each destination, null where there is
/// no route. fallback_speed fills those cells with the straight-line distance at that speed (m/s) and lists them in
/// fallback_speed_cells; scale_factor multiplies the durations. Values keep the library's precision (ms, mm).
/// </summary>
public static class TableService
{
    private sealed record Plan(int[] Sources, int[] Destinations, bool Durations, bool Distances, double? FallbackSpeed,
        bool FallbackFromSnapped, double ScaleFactor, OptionReader Options);

    public static async Task WriteAsync(OsrmRequest request, ModeEngine engine, RoutingServerOptions settings, PipeWriter pipe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pipe);
        var plan = Read(request, settings);
        var snaps = engine.SnapAll(request.Coordinates, plan.Options.RadiiMetres, cancellation);
        var originSnaps = plan.Sources.Select(i => snaps[i]).ToArray();
        var destinationSnaps = plan.Destinations.Select(i => snaps[i]).ToArray();
        // The rows geo matrix computes (RoadMatrixRows behind MatrixPipeline's road stage), over this request's own snaps.
        var rows = new RoadMatrixRows(engine.Graph, engine.Matrix, originSnaps, destinationSnaps,
            new RoadMatrixOptions { Threads = settings.ThreadsPerRequest }, cancellation);
        var matrix = rows.Compute(0, rows.OriginCount, cancellation: cancellation);
        await WriteResponseAsync(request, plan, matrix, originSnaps, destinationSnaps, pipe, cancellation).ConfigureAwait(false);
    }

    private static Plan Read(OsrmRequest request, RoutingServerOptions settings)
    {
        var options = new OptionReader(request, settings.MaxSnapMetres);
        var sources = options.Indices("sources");
        var destinations = options.Indices("destinations");
        var annotations = options.Text("annotations") ?? "duration";
        var parts = annotations.Split(',');
        if (parts.Length == 0 || parts.Any(p => p is not ("duration" or "distance")))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"annotations must be duration, distance or duration,distance; got '{annotations}'.");
        }
        var fallbackSpeed = options.Number("fallback_speed");
        if (fallbackSpeed is <= 0)
        {
            throw OsrmError.Value("fallback_speed must be > 0 (metres per second).");
        }
        var fallbackCoordinate = options.Text("fallback_coordinate") ?? "input";
        if (fallbackCoordinate is not ("input" or "snapped"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"fallback_coordinate must be input or snapped, got '{fallbackCoordinate}'.");
        }
        var scale = options.Number("scale_factor") ?? 1;
        if (scale <= 0)
        {
            throw OsrmError.Value("scale_factor must be > 0.");
        }
        options.RejectUnknown();
        if ((long)sources.Length * destinations.Length > (long)settings.MaxTableSize * settings.MaxTableSize)
        {
            throw new OsrmError(OsrmError.TooBig, $"Too many table coordinates: {sources.Length} x {destinations.Length} exceeds this server's {settings.MaxTableSize} x {settings.MaxTableSize} (--max-table-size).");
        }
        return new Plan(sources, destinations, parts.Contains("duration"), parts.Contains("distance"), fallbackSpeed,
            fallbackCoordinate == "snapped", scale, options);
    }

    private static async Task WriteResponseAsync(OsrmRequest request, Plan plan, TravelTimeMatrix matrix, SnapResult[] originSnaps,
        SnapResult[] destinationSnaps, PipeWriter pipe, CancellationToken cancellation)
    {
        var fallbackCells = new List<(int Row, int Column)>();
        using var writer = OsrmJson.CreateWriter(pipe);
        writer.WriteStartObject();
        writer.WriteString("code", "Ok");
        if (plan.Durations)
        {
            writer.WriteStartArray("durations");
            for (var s = 0; s < matrix.SourceCount; s++)
            {
                writer.WriteStartArray();
                for (var t = 0; t < matrix.TargetCount; t++)
                {
                    var ms = matrix.DurationAt(s, t);
                    long? value = ms != TravelTime.Unreached ? ms : null;
                    if (value is null && plan.FallbackSpeed is { } speed)
                    {
                        value = (long)Math.Round(CrowMetres(request, plan, originSnaps, destinationSnaps, s, t) / speed * 1000);
                        fallbackCells.Add((s, t));
                    }
                    if (value is { } v)
                    {
                        OsrmJson.WriteThousandths(writer, plan.ScaleFactor == 1 ? v : (long)Math.Round(v * plan.ScaleFactor));
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }
                writer.WriteEndArray();
                await OsrmJson.FlushIfFullAsync(writer, pipe, cancellation).ConfigureAwait(false);
            }
            writer.WriteEndArray();
        }
        if (plan.Distances)
        {
            var collect = !plan.Durations;
            writer.WriteStartArray("distances");
            for (var s = 0; s < matrix.SourceCount; s++)
            {
                writer.WriteStartArray();
                for (var t = 0; t < matrix.TargetCount; t++)
                {
                    var mm = matrix.LengthAt(s, t);
                    if (mm != TravelTime.Unreached)
                    {
                        OsrmJson.WriteThousandths(writer, mm);
                    }
                    else if (plan.FallbackSpeed is not null)
                    {
                        OsrmJson.WriteThousandths(writer, (long)Math.Round(CrowMetres(request, plan, originSnaps, destinationSnaps, s, t) * 1000));
                        if (collect)
                        {
                            fallbackCells.Add((s, t));
                        }
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }
                writer.WriteEndArray();
                await OsrmJson.FlushIfFullAsync(writer, pipe, cancellation).ConfigureAwait(false);
            }
            writer.WriteEndArray();
        }
        if (fallbackCells.Count > 0)
        {
            writer.WriteStartArray("fallback_speed_cells");
            foreach (var (row, column) in fallbackCells)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(row);
                writer.WriteNumberValue(column);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        if (!plan.Options.SkipWaypoints)
        {
            OsrmJson.WriteWaypoints(writer, "sources", originSnaps, plan.Options.GenerateHints);
            OsrmJson.WriteWaypoints(writer, "destinations", destinationSnaps, plan.Options.GenerateHints);
        }
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private static double CrowMetres(OsrmRequest request, Plan plan, SnapResult[] originSnaps, SnapResult[] destinationSnaps, int s, int t) =>
        plan.FallbackFromSnapped
            ? GeoPoint.DistanceMetres(originSnaps[s].SnappedPoint, destinationSnaps[t].SnappedPoint)
            : GeoPoint.DistanceMetres(request.Coordinates[plan.Sources[s]], request.Coordinates[plan.Destinations[t]]);
}
