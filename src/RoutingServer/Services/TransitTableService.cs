using System.Globalization;
using System.IO.Pipelines;
using Geo.Core;
using Geo.Routing.Jobs;
using Geo.Routing.Multimodal;
using Geo.Routing.Output;
using Geo.RoutingServer.Osrm;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Services;

/// <summary>
/// The table service for the transit profile (a Geo extension of OSRM's table): walk + public transport over a departure
/// window, computed by <see cref="MatrixPipeline"/>'s <see cref="TransitMatrixStage"/>, the stage behind
/// <c>geo matrix --mode transit</c>. Options: <c>departure=HH:MM-HH:MM</c> (one departure a minute; default 07:00-10:00) or
/// <c>arrive_by=HH:MM</c> with <c>window=minutes</c> (default 60), <c>percentiles=25,50,75</c>, <c>max_rides</c>,
/// <c>max_walk_minutes</c>, and OSRM's sources, destinations, annotations=duration, generate_hints, skip_waypoints.
/// Answer: OSRM's <c>durations</c> (seconds, the median; null when not reachable) plus <c>columns</c>, every column of
/// <c>geo matrix --mode transit</c> by name (minutes, p25..., access_walk_min ... fare_gbp) in its units and decimals.
/// </summary>
public static class TransitTableService
{
    /// <summary>Origins computed between checks of the request's time limit (results never depend on it).</summary>
    private const int OriginsPerCheck = 8;

    private sealed record Plan(int[] Sources, int[] Destinations, TransitOptions Transit, OptionReader Options);

    public static async Task WriteAsync(OsrmRequest request, ModeEngine walk, TransitEngine? transit, RoutingServerOptions settings,
        PipeWriter pipe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(walk);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pipe);
        if (request.Service != "table")
        {
            throw new OsrmError(OsrmError.NotImplemented, $"The transit profile serves table only, not {request.Service}.");
        }
        if (transit is null)
        {
            throw new OsrmError(OsrmError.NotImplemented, "This server has no public transport: start it with --gtfs <ZIP> --date <YYYY-MM-DD>.");
        }
        var plan = Read(request, transit, settings);
        var job = new MatrixJob
        {
            Mode = MatrixMode.Transit,
            Network = walk.Network,
            Origins = Points(request, plan.Sources),
            Destinations = Points(request, plan.Destinations),
            MaxSnapMetres = settings.MaxSnapMetres,
            Threads = settings.ThreadsPerRequest,
            Transit = plan.Transit,
        };
        var stage = (TransitMatrixStage)MatrixPipeline.Open(job);
        RequireSnapped(stage.OriginSnaps, plan.Sources, settings.MaxSnapMetres);
        RequireSnapped(stage.DestinationSnaps, plan.Destinations, settings.MaxSnapMetres);
        var collector = new MatrixCollector();
        collector.Begin(stage.Layout);
        for (var start = 0; start < plan.Sources.Length; start += OriginsPerCheck)
        {
            cancellation.ThrowIfCancellationRequested();
            collector.Write(stage.ComputeRows(start, Math.Min(plan.Sources.Length, start + OriginsPerCheck)));
        }
        await WriteResponseAsync(plan, stage, collector, pipe, cancellation).ConfigureAwait(false);
    }

    private static Plan Read(OsrmRequest request, TransitEngine transit, RoutingServerOptions settings)
    {
        if (request.Option("radiuses") is not null)
        {
            throw new OsrmError(OsrmError.NotImplemented, "radiuses are not supported by the transit table; the server's --max-snap-metres applies.");
        }
        var options = new OptionReader(request, settings.MaxSnapMetres);
        var sources = options.Indices("sources");
        var destinations = options.Indices("destinations");
        if (options.Text("annotations") is not (null or "duration"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, "The transit table has annotations=duration only (journeys have no single road distance).");
        }
        var window = Window(options.Text("departure"), options.Text("arrive_by"), options.Text("window"));
        var percentiles = Percentiles(options.Text("percentiles"));
        var maxRides = options.Number("max_rides") ?? TransitMatrixRequest.DefaultMaxRides;
        if (maxRides is < 1 or > 12 || maxRides != Math.Floor(maxRides))
        {
            throw OsrmError.Value("max_rides must be a whole number from 1 to 12.");
        }
        var maxWalk = options.Number("max_walk_minutes") ?? TransitMatrixRequest.DefaultMaxWalkMinutes;
        if (maxWalk is < 0 or > 240)
        {
            throw OsrmError.Value("max_walk_minutes must be between 0 and 240.");
        }
        options.RejectUnknown();
        if ((long)sources.Length * destinations.Length > (long)settings.MaxTableSize * settings.MaxTableSize)
        {
            throw new OsrmError(OsrmError.TooBig, $"Too many table coordinates: {sources.Length} x {destinations.Length} exceeds this server's {settings.MaxTableSize} x {settings.MaxTableSize} (--max-table-size).");
        }
        var transitOptions = new TransitOptions
        {
            Date = transit.Date,
            Window = window,
            Percentiles = percentiles,
            MaxRides = (int)maxRides,
            MaxWalkMinutes = maxWalk,
            Fares = transit.Fares,
            Network = transit.Network,
        };
        return new Plan(sources, destinations, transitOptions, options);
    }

    /// <summary>departure=HH:MM-HH:MM, or arrive_by=HH:MM with window=minutes; the default is the morning peak.</summary>
    private static DepartureWindow Window(string? departure, string? arriveBy, string? minutes)
    {
        if (arriveBy is not null)
        {
            if (departure is not null)
            {
                throw new OsrmError(OsrmError.InvalidQuery, "Give departure or arrive_by, not both.");
            }
            var span = DepartureWindow.DefaultArriveByMinutes;
            if (minutes is not null && !int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out span))
            {
                throw OsrmError.Value($"window must be a number of minutes ending at arrive_by, got '{minutes}'.");
            }
            return DepartureWindow.TryArriveBy(arriveBy, span, out var window, out var error) ? window : throw OsrmError.Value("arrive_by/window: " + error + ".");
        }
        if (minutes is not null)
        {
            throw new OsrmError(OsrmError.InvalidQuery, "window (minutes) goes with arrive_by; for departures give departure=HH:MM-HH:MM.");
        }
        return DepartureWindow.TryParse(departure ?? DepartureWindow.DefaultText, out var parsed, out var message)
            ? parsed : throw OsrmError.Value("departure " + message + ".");
    }

    /// <summary>1 to 5 ascending whole percentiles 1-99, separated by , or ; (default 25,50,75).</summary>
    private static int[] Percentiles(string? text)
    {
        if (text is null)
        {
            return [.. TransitMatrixRequest.DefaultPercentiles];
        }
        var parts = text.Split([',', ';'], StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts.Length > 5 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] is < 1 or > 99 || (i > 0 && values[i] <= values[i - 1]))
            {
                throw OsrmError.Value($"percentiles must be 1 to 5 ascending whole numbers from 1 to 99, e.g. 25,50,75; got '{text}'.");
            }
        }
        return values;
    }

    private static MatrixPoint[] Points(OsrmRequest request, int[] indices) =>
        [.. indices.Select(i => new MatrixPoint(i.ToString(CultureInfo.InvariantCulture), request.Coordinates[i]))];

    private static void RequireSnapped(Geo.Routing.Streets.SnapResult[] snaps, int[] indices, double radiusMetres)
    {
        for (var i = 0; i < snaps.Length; i++)
        {
            if (!snaps[i].IsOk)
            {
                throw new OsrmError(OsrmError.NoSegment, $"Could not find a matching segment for coordinate {indices[i]} within {radiusMetres.ToString("0.#", CultureInfo.InvariantCulture)} m.");
            }
        }
    }

    private static async Task WriteResponseAsync(Plan plan, TransitMatrixStage stage, MatrixCollector matrix, PipeWriter pipe, CancellationToken cancellation)
    {
        var sources = plan.Sources.Length;
        var destinations = plan.Destinations.Length;
        using var writer = OsrmJson.CreateWriter(pipe);
        writer.WriteStartObject();
        writer.WriteString("code", "Ok");
        writer.WriteStartArray("durations");
        for (var s = 0; s < sources; s++)
        {
            writer.WriteStartArray();
            for (var d = 0; d < destinations; d++)
            {
                var pair = (s * destinations) + d;
                if (matrix.Status[pair] == PairStatus.Ok && !double.IsNaN(matrix.Minutes[pair]))
                {
                    OsrmJson.WriteThousandths(writer, (long)Math.Round(matrix.Minutes[pair] * 60_000));
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
        writer.WriteStartObject("columns");
        await WriteColumnAsync(writer, pipe, "minutes", matrix.Minutes, MatrixCsvSink.MinutesDecimals, sources, destinations, cancellation).ConfigureAwait(false);
        var extras = stage.Layout.ExtraColumns;
        for (var c = 0; c < extras.Count; c++)
        {
            await WriteColumnAsync(writer, pipe, extras[c].Name, matrix.Extra[c], extras[c].Decimals, sources, destinations, cancellation).ConfigureAwait(false);
        }
        writer.WriteStartArray("status");
        for (var s = 0; s < sources; s++)
        {
            writer.WriteStartArray();
            for (var d = 0; d < destinations; d++)
            {
                writer.WriteStringValue(matrix.Status[(s * destinations) + d].ToCode());
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        if (!plan.Options.SkipWaypoints)
        {
            OsrmJson.WriteWaypoints(writer, "sources", stage.OriginSnaps, plan.Options.GenerateHints);
            OsrmJson.WriteWaypoints(writer, "destinations", stage.DestinationSnaps, plan.Options.GenerateHints);
        }
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>One geo matrix column as rows of numbers written as the CSV writes them (null = empty).</summary>
    private static async Task WriteColumnAsync(System.Text.Json.Utf8JsonWriter writer, PipeWriter pipe, string name, double[] values, int decimals,
        int sources, int destinations, CancellationToken cancellation)
    {
        var buffer = new byte[32];
        writer.WriteStartArray(name);
        for (var s = 0; s < sources; s++)
        {
            writer.WriteStartArray();
            for (var d = 0; d < destinations; d++)
            {
                var value = values[(s * destinations) + d];
                if (double.IsNaN(value))
                {
                    writer.WriteNullValue();
                }
                else
                {
                    var length = MatrixNumberFormat.Write(value, decimals, buffer);
                    writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
                }
            }
            writer.WriteEndArray();
            await OsrmJson.FlushIfFullAsync(writer, pipe, cancellation).ConfigureAwait(false);
        }
        writer.WriteEndArray();
    }
}
