using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using Spectre.Console;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo matrix --mode transit</c>: walk + public transport travel times (r5 stages: access walk, range RAPTOR over each
/// departure minute, egress walk, percentiles), written in the matrix long format with extra columns
/// p&lt;N&gt;, access_walk_min, wait_min, in_vehicle_min, transfer_walk_min, egress_walk_min, boardings, interchanges, fare_gbp.
/// </summary>
public static class TransitMatrixRunner
{
    public static int Run(MatrixCommand.Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var networkPath = Required(settings.Network, "--network <GEONET>", "the street network from 'geo build-network'");
        var originsPath = Required(settings.Origins, "--origins <FILE>", "the origin points");
        var destinationsPath = Required(settings.Destinations, "--destinations <FILE>", "the destination points");
        var outPath = Required(settings.Out, "--out <FILE>", "the .csv or .parquet to write");
        if (MatrixFileWriter.CheckExtension(outPath) is { } badExtension)
        {
            throw new UsageException(badExtension);
        }
        if (settings.Gtfs.Length == 0)
        {
            throw new UsageException("--gtfs <ZIP> is required for --mode transit (repeat it for several feeds).");
        }
        var dateText = Required(settings.Date, "--date <YYYY-MM-DD>", "the service date, e.g. 2020-06-02");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"--date '{dateText}' must be YYYY-MM-DD, e.g. 2020-06-02.");
        }
        var (windowStart, windowMinutes, arriveBy) = ParseWindow(settings);
        var percentiles = ParsePercentiles(settings.Percentiles);
        if (settings.MaxRides is < 1 or > 12)
        {
            throw new UsageException("--max-rides must be between 1 and 12.");
        }
        if (!(settings.MaxWalkMinutes >= 0 && settings.MaxWalkMinutes <= 240))
        {
            throw new UsageException("--max-walk-minutes must be between 0 and 240.");
        }
        if (!(settings.MaxSnapMetres >= 0))
        {
            throw new UsageException("--max-snap-metres must be 0 or more.");
        }
        if (settings.MaxMinutes is { } mm && !(mm >= 1 && mm <= 24 * 60))
        {
            throw new UsageException("--max-minutes must be between 1 and 1440 for transit.");
        }
        if (settings.Threads < 0)
        {
            throw new UsageException("--threads must be 0 (all cores) or more.");
        }
        var fares = settings.Fares is null ? FareModel.Default : FareModel.Load(settings.Fares);

        var clock = Stopwatch.StartNew();
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var origins = PointFileReader.Read(originsPath, settings.OriginColumns(), out var originDuplicates);
        var destinations = PointFileReader.Read(destinationsPath, settings.DestinationColumns(), out var destinationDuplicates);
        var issues = new IssueLog();
        TransitMatrixResult? result = null;
        TransitNetwork? network = null;
        stderr.Progress().AutoClear(true).HideCompleted(true).Start(progress =>
        {
            var task = progress.AddTask("Loading street network", maxValue: origins.Count);
            var streets = StreetNetwork.Load(networkPath);
            task.Description = "Reading GTFS";
            var feed = GtfsReader.Read(settings.Gtfs.Select(p => new GtfsSource(p)).ToArray(), issues);
            task.Description = Markup.Escape($"Timetable for {date:yyyy-MM-dd}");
            var timetable = TimetableBuilder.Build(feed, date, issues);
            task.Description = "Linking stops to streets";
            network = TransitNetwork.Build(streets, timetable);
            network.RequireLinkedStops(issues, string.Join(", ", settings.Gtfs));
            task.Description = "Routing (range RAPTOR)";
            var request = new TransitMatrixRequest
            {
                Origins = origins.Select(p => p.Point).ToArray(),
                Destinations = destinations.Select(p => p.Point).ToArray(),
                WindowStartSeconds = windowStart,
                WindowMinutes = windowMinutes,
                ArriveBySeconds = arriveBy,
                Percentiles = percentiles,
                MaxRides = settings.MaxRides,
                MaxWalkMinutes = settings.MaxWalkMinutes,
                MaxTripMinutes = settings.MaxMinutes is { } m ? (int)Math.Ceiling(m) : 180,
                MaxSnapMetres = settings.MaxSnapMetres,
                Fares = fares,
                Threads = settings.Threads == 0 ? null : settings.Threads,
            };
            result = TransitMatrixComputer.Compute(network, request, new Progress<int>(n => task.Value = Math.Max(task.Value, n)));
        });

        var table = ToTable(origins.Select(p => p.Id).ToArray(), destinations.Select(p => p.Id).ToArray(), result!);
        MatrixFileWriter.Write(outPath, table, settings.Wide);

        WriteIssueSummary(issues);
        var counts = table.CountStatuses();
        var summary = new Table().Title($"transit matrix → {Markup.Escape(outPath)}").HideHeaders();
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Origins × destinations", $"{N(origins.Count)} × {N(destinations.Count)}");
        summary.AddRow("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        summary.AddRow(arriveBy is null ? "Departures" : "Arrive by", Markup.Escape(arriveBy is { } a
            ? $"{windowMinutes} minutes ending {GtfsTime.Format(a)[..5]}"
            : $"{GtfsTime.Format(windowStart)[..5]} + {windowMinutes} minutes"));
        summary.AddRow("Trips on the date", N(network!.Timetable.TripInstanceCount));
        summary.AddRow("Stops linked to streets", $"{N(network.LinkedStopCount)} of {N(network.Timetable.StopCount)}");
        summary.AddRow("ok", N(counts[(int)PairStatus.Ok]));
        summary.AddRow("unreachable", N(counts[(int)PairStatus.Unreachable]));
        summary.AddRow("origin_unsnapped", N(counts[(int)PairStatus.OriginUnsnapped]));
        summary.AddRow("destination_unsnapped", N(counts[(int)PairStatus.DestinationUnsnapped]));
        if (originDuplicates + destinationDuplicates > 0)
        {
            summary.AddRow("Duplicate ids skipped", N(originDuplicates + destinationDuplicates));
        }
        summary.AddRow("GTFS issues", N(issues.TotalCount));
        summary.AddRow("Time", clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        AnsiConsole.Write(summary);
        return ExitCodes.Ok;
    }

    /// <summary>The matrix file table: minutes = median, km empty, then the transit columns.</summary>
    internal static MatrixTable ToTable(IReadOnlyList<string> originIds, IReadOnlyList<string> destinationIds, TransitMatrixResult result)
    {
        var pairs = result.PairCount;
        var median = new double[pairs];
        var medianIndex = Array.IndexOf(result.Percentiles, 50);
        var extra = new List<MatrixColumn>();
        for (var p = 0; p < result.Percentiles.Length; p++)
        {
            extra.Add(new MatrixColumn("p" + result.Percentiles[p].ToString(CultureInfo.InvariantCulture), result.MinutesRowMajor(p)));
        }
        for (var i = 0; i < pairs; i++)
        {
            // the status follows the median (PairStatus); 'minutes' is the median when requested, else NaN
            median[i] = result.Status[i] == PairStatus.Ok ? (medianIndex >= 0 ? result.Minutes[(medianIndex * pairs) + i] : MedianFromBreakdown(result, i)) : double.NaN;
        }
        extra.Add(new MatrixColumn("access_walk_min", ToDouble(result.AccessWalkMinutes)));
        extra.Add(new MatrixColumn("wait_min", ToDouble(result.WaitMinutes)));
        extra.Add(new MatrixColumn("in_vehicle_min", ToDouble(result.InVehicleMinutes)));
        extra.Add(new MatrixColumn("transfer_walk_min", ToDouble(result.TransferWalkMinutes)));
        extra.Add(new MatrixColumn("egress_walk_min", ToDouble(result.EgressWalkMinutes)));
        var boardings = new double[pairs];
        var interchanges = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            boardings[i] = result.Boardings[i] < 0 ? double.NaN : result.Boardings[i];
            interchanges[i] = result.Boardings[i] < 0 ? double.NaN : result.Interchanges(i);
        }
        extra.Add(new MatrixColumn("boardings", boardings, 0));
        extra.Add(new MatrixColumn("interchanges", interchanges, 0));
        extra.Add(new MatrixColumn("fare_gbp", ToDouble(result.Fares)));
        return new MatrixTable(originIds, destinationIds, median)
        {
            OriginSnapMetres = result.OriginSnaps.Select(s => double.IsFinite(s.DistanceMetres) ? s.DistanceMetres : double.NaN).ToArray(),
            DestinationSnapMetres = result.DestinationSnaps.Select(s => double.IsFinite(s.DistanceMetres) ? s.DistanceMetres : double.NaN).ToArray(),
            OriginSnapped = result.OriginSnaps.Select(s => s.IsOk).ToArray(),
            DestinationSnapped = result.DestinationSnaps.Select(s => s.IsOk).ToArray(),
            ExtraColumns = extra,
        };
    }

    private static double MedianFromBreakdown(TransitMatrixResult r, int i)
        => (double)r.AccessWalkMinutes[i] + r.WaitMinutes[i] + r.InVehicleMinutes[i] + r.TransferWalkMinutes[i] + r.EgressWalkMinutes[i];

    private static double[] ToDouble(float[] values)
    {
        var d = new double[values.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = values[i];
        }
        return d;
    }

    internal static (int Start, int Minutes, int? ArriveBy) ParseWindow(MatrixCommand.Settings s)
    {
        var window = s.Window ?? s.Departure;
        if (s.ArriveBy is { } arriveText)
        {
            if (!GtfsTime.TryParseClock(arriveText, out var arriveBy))
            {
                throw new UsageException($"--arrive-by '{arriveText}' must be a time HH:MM, e.g. 09:00.");
            }
            var minutes = 60;
            if (window is not null && !int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
            {
                throw new UsageException($"with --arrive-by, --window '{window}' must be a number of minutes (e.g. 60).");
            }
            if (minutes is < 1 or > 1440)
            {
                throw new UsageException("--window must be between 1 and 1440 minutes.");
            }
            return (0, minutes, arriveBy);
        }
        if (window is null)
        {
            throw new UsageException("--window <HH:MM-HH:MM> is required for --mode transit (e.g. --window 07:00-10:00), or use --arrive-by.");
        }
        var dash = window.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !GtfsTime.TryParseClock(window.AsSpan(0, dash), out var start) || !GtfsTime.TryParseClock(window.AsSpan(dash + 1), out var end) || end <= start)
        {
            throw new UsageException($"--window '{window}' must be HH:MM-HH:MM with the end after the start, e.g. 07:00-10:00.");
        }
        var count = (end - start) / 60;
        if (count is < 1 or > 1440)
        {
            throw new UsageException("--window must span between 1 minute and 24 hours.");
        }
        return (start, count, null);
    }

    internal static int[] ParsePercentiles(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 5)
        {
            throw new UsageException($"--percentiles '{text}' must list 1 to 5 values, e.g. 25,50,75.");
        }
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] is < 1 or > 99 || (i > 0 && values[i] <= values[i - 1]))
            {
                throw new UsageException($"--percentiles '{text}' must be ascending whole numbers between 1 and 99, e.g. 25,50,75.");
            }
        }
        return values;
    }

    private static void WriteIssueSummary(IssueLog issues)
    {
        var summary = issues.Summarise();
        if (summary.Count == 0)
        {
            return;
        }
        var table = new Table().Title("GTFS issues (rows or trips skipped or repaired)");
        table.AddColumn("Code");
        table.AddColumn("Severity");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn("First example");
        foreach (var s in summary)
        {
            var example = s.FirstExample.ToString();
            if (example.Length > 140)
            {
                example = example[..140] + "…";
            }
            table.AddRow(s.IssueCode.ToString(), s.Severity.ToString(), N(s.Count), Markup.Escape(example));
        }
        AnsiConsole.Write(table);
    }

    private static string Required(string? value, string option, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option} is required ({what}).") : value;

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
