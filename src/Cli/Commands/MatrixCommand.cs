using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Jobs;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Output;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>geo matrix: origin-destination travel times (minutes, km) by car, walk or cycle, or by public transport.</summary>
public sealed class MatrixCommand : Command<MatrixCommand.Settings>
{
    public const string ValidModes = MatrixModes.ValidNames;

    public sealed class Settings : InputSettings
    {
        [CommandOption("--network <GEONET>")]
        [Description("Street network file from 'geo build-network' (.geonet). Required. The contraction hierarchy is cached beside it as <network>.<mode>.<band>.ch.")]
        public string? Network { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("Travel mode: car, walk, cycle (or bike), or transit (public transport, needs --gtfs). Default: car.")]
        public string Mode { get; init; } = "car";

        [CommandOption("--origins <FILE>")]
        [Description("Origins (e.g. LSOA population-weighted centroids): CSV with id and lon/lat or easting/northing (BNG) columns, or GeoJSON points. Required.")]
        public string? Origins { get; init; }

        [CommandOption("--destinations <FILE>")]
        [Description("Destinations (e.g. GP practices, hospitals), same formats as --origins. Required.")]
        public string? Destinations { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output .csv or .parquet. Long form columns: origin_id, destination_id, minutes, km, origin_snap_m, destination_snap_m, status (ok, unreachable, origin_unsnapped, destination_unsnapped; minutes and km empty unless ok). Written atomically. Required.")]
        public string? Out { get; init; }

        [CommandOption("--wide")]
        [Description("Write a wide table instead: one row per origin, one minutes column per destination (empty = no route). Default: long form.")]
        public bool Wide { get; init; }

        [CommandOption("--time-band <BAND>")]
        [Description("Car time band: off_peak, am_peak, inter_peak or pm_peak. Default: off_peak. Ignored for walk and cycle.")]
        public string TimeBand { get; init; } = "off_peak";

        [CommandOption("--speeds <CSV>")]
        [Description("Car speed overrides CSV (km/h by OSM way id or highway class, per time band). Default: profile speeds.")]
        public string? Speeds { get; init; }

        [CommandOption("--max-snap-metres <METRES>")]
        [Description("A point farther than this (metres) from a routable street is reported as unsnapped. Default: 1000. A snapped point's straight line to the street is added to its minutes and km: at walking speed (4.8 km/h) for walk and transit, 12 km/h for cycle, 20 km/h for car.")]
        public double MaxSnapMetres { get; init; } = Snapper.DefaultMaxSnapMetres;

        [CommandOption("--max-minutes <MINUTES>")]
        [Description("Pairs slower than this (minutes) are reported as unreachable. Default: 180 for transit (journeys over 3 hours are unreachable); no limit for car, walk and cycle.")]
        public double? MaxMinutes { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Worker threads. Default: 0 = all cores. Results are identical for any value.")]
        public int Threads { get; init; }

        [CommandOption("--origins-batch <N>")]
        [Description("Origins routed and written per batch; each batch is written while the next is routed, so memory holds two batches. Default: 0 = chosen from the memory available (public transport: about 8 batches of at least 64 origins). The file is identical for any value.")]
        public int OriginsBatch { get; init; }

        [CommandOption("--summary-json <FILE>")]
        [Description("Also write the run summary (time per phase, peak memory, pairs per status) as JSON to this file.")]
        public string? SummaryJson { get; init; }

        [CommandOption("--dedupe-ids")]
        [Description("Keep the first row of a repeated origin or destination id and skip the rest (counted in the summary). Default: a repeated id is an error.")]
        public bool DedupeIds { get; init; }

        [CommandOption("--origin-id <COLUMN>")]
        [Description("Origin id column. Default: detected (id, code, zone_id, site_id, LSOA21CD, lsoa21_code, OrganisationCode, Facility_Name, name).")]
        public string? OriginId { get; init; }

        [CommandOption("--origin-lon <COLUMN>")]
        [Description("Origin longitude column (WGS84 degrees). Default: detected (lon, lng, longitude, x).")]
        public string? OriginLon { get; init; }

        [CommandOption("--origin-lat <COLUMN>")]
        [Description("Origin latitude column (WGS84 degrees). Default: detected (lat, latitude, y).")]
        public string? OriginLat { get; init; }

        [CommandOption("--origin-easting <COLUMN>")]
        [Description("Origin easting column (British National Grid metres). Default: detected (easting, BNG_E) when no lon/lat.")]
        public string? OriginEasting { get; init; }

        [CommandOption("--origin-northing <COLUMN>")]
        [Description("Origin northing column (British National Grid metres). Default: detected (northing, BNG_N) when no lon/lat.")]
        public string? OriginNorthing { get; init; }

        [CommandOption("--destination-id <COLUMN>")]
        [Description("Destination id column. Default: detected as for --origin-id. Use OrganisationID for NHS Choices GP files, where branch surgeries share a code.")]
        public string? DestinationId { get; init; }

        [CommandOption("--destination-lon <COLUMN>")]
        [Description("Destination longitude column (WGS84 degrees). Default: detected.")]
        public string? DestinationLon { get; init; }

        [CommandOption("--destination-lat <COLUMN>")]
        [Description("Destination latitude column (WGS84 degrees). Default: detected.")]
        public string? DestinationLat { get; init; }

        [CommandOption("--destination-easting <COLUMN>")]
        [Description("Destination easting column (British National Grid metres). Default: detected.")]
        public string? DestinationEasting { get; init; }

        [CommandOption("--destination-northing <COLUMN>")]
        [Description("Destination northing column (British National Grid metres). Default: detected.")]
        public string? DestinationNorthing { get; init; }

        [CommandOption("--gtfs <ZIP>")]
        [Description("Transit only: GTFS feed zip(s); repeat the option for several feeds.")]
        public string[] Gtfs { get; init; } = [];

        [CommandOption("--date <YYYY-MM-DD>")]
        [Description("Transit only: service date, e.g. 2020-06-02.")]
        public string? Date { get; init; }

        [CommandOption("--departure <HH:MM-HH:MM>")]
        [Description("Transit only: departure window, e.g. 08:00-09:00.")]
        public string? Departure { get; init; }

        [CommandOption("--window <WINDOW>")]
        [Description("Transit only: departure window HH:MM-HH:MM (e.g. 07:00-10:00, one departure per minute; same as --departure), or with --arrive-by the number of minutes ending at the deadline (e.g. 60). Default with --arrive-by: 60.")]
        public string? Window { get; init; }

        [CommandOption("--arrive-by <HH:MM>")]
        [Description("Transit only: arrive-by mode. For each minute of --window ending at this time, the time needed to arrive by it (latest departure). Default: depart-at mode.")]
        public string? ArriveBy { get; init; }

        [CommandOption("--no-breakdown")]
        [Description("Transit only: skip the median journey's breakdown (walk, wait, in-vehicle, boardings, interchanges, fare columns left empty). Default: computed.")]
        public bool NoBreakdown { get; init; }

        [CommandOption("--percentiles <LIST>")]
        [Description("Transit only: up to 5 percentiles of travel time over the window's minutes, e.g. 25,50,75 (default). Written as columns p25, p50...; 'minutes' is always the median.")]
        public string Percentiles { get; init; } = string.Join(',', TransitMatrixRequest.DefaultPercentiles);

        [CommandOption("--max-rides <N>")]
        [Description("Transit only: most vehicles boarded in one journey (1-12). Default: 4.")]
        public int MaxRides { get; init; } = TransitMatrixRequest.DefaultMaxRides;

        [CommandOption("--max-walk-minutes <MINUTES>")]
        [Description("Transit only: longest walk to the first stop, from the last stop, and for a walk-only journey (minutes at the profile's walk speed, 4.8 km/h by default). Transfers walk at most 10 minutes. Default: 20.")]
        public double MaxWalkMinutes { get; init; } = TransitMatrixRequest.DefaultMaxWalkMinutes;

        [CommandOption("--fares <JSON>")]
        [Description("Transit only: fare model JSON (see 'Transit/Fares/fares.default.json'); fare_gbp is the fare of the median journey. Default: the embedded England defaults (bus GBP 3 fare cap; rail a per-km placeholder).")]
        public string? Fares { get; init; }

        public PointColumns OriginColumns() => new()
        {
            Id = OriginId, Lon = OriginLon, Lat = OriginLat, Easting = OriginEasting, Northing = OriginNorthing,
            DeduplicateIds = DedupeIds, OptionPrefix = "--origin-",
        };

        public PointColumns DestinationColumns() => new()
        {
            Id = DestinationId, Lon = DestinationLon, Lat = DestinationLat, Easting = DestinationEasting, Northing = DestinationNorthing,
            DeduplicateIds = DedupeIds, OptionPrefix = "--destination-",
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!MatrixModes.TryParse(settings.Mode, out var mode))
        {
            throw new UsageException($"unknown --mode '{settings.Mode}'; valid modes: {ValidModes}.");
        }
        var network = Required(settings.Network, "--network <GEONET>", "the street network from 'geo build-network'");
        var originsPath = Required(settings.Origins, "--origins <FILE>", "the origin points");
        var destinationsPath = Required(settings.Destinations, "--destinations <FILE>", "the destination points");
        var outPath = Required(settings.Out, "--out <FILE>", "the .csv or .parquet to write");
        if (MatrixFiles.CheckExtension(outPath) is { } badExtension)
        {
            throw new UsageException(badExtension);
        }
        if (!(settings.MaxSnapMetres >= 0))
        {
            throw new UsageException("--max-snap-metres must be 0 or more.");
        }
        if (settings.Threads < 0)
        {
            throw new UsageException("--threads must be 0 (all cores) or more.");
        }
        if (settings.OriginsBatch < 0)
        {
            throw new UsageException("--origins-batch must be 0 (automatic) or more.");
        }
        var road = mode == MatrixMode.Transit ? new RoadOptions() : ParseRoad(settings);
        var transit = mode == MatrixMode.Transit ? ParseTransit(settings) : null;

        // Fail before the long computation if the output folder cannot be created (exit 4, nothing written or created).
        OutputFolder.CheckCreatable(Path.GetDirectoryName(Path.GetFullPath(outPath))!);

        var timer = new PhaseTimer();
        timer.Start("read");
        var origins = PointFileReader.Read(originsPath, settings.OriginColumns(), out var originDuplicates, settings.Input);
        var destinations = PointFileReader.Read(destinationsPath, settings.DestinationColumns(), out var destinationDuplicates, settings.Input);
        var job = new MatrixJob
        {
            Mode = mode,
            NetworkPath = network,
            Origins = Points(origins),
            Destinations = Points(destinations),
            MaxSnapMetres = settings.MaxSnapMetres,
            Threads = settings.Threads,
            OriginsPerBatch = settings.OriginsBatch,
            Road = road,
            Transit = transit,
        };
        var estimate = MatrixMemory.Estimate(job, MatrixFiles.HoldsWholeTable(outPath, settings.Wide));
        if (!estimate.Fits)
        {
            throw new UsageException(estimate.Message);
        }

        IMatrixStage? stage = null;
        MatrixRunSummary? run = null;
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stderr.Progress().AutoClear(true).HideCompleted(true).Start(progress =>
        {
            var task = progress.AddTask("Loading network", maxValue: Math.Max(1, origins.Count));
            stage = MatrixPipeline.Open(job, timer, name => task.Description = Markup.Escape(char.ToUpperInvariant(name[0]) + name[1..]));
            task.Description = "Routing";
            var done = 0;
            if (stage is TransitMatrixStage transitStage)
            {
                transitStage.Progress = new Progress<int>(n => task.Value = Math.Max(task.Value, done + n));
            }
            using var sink = MatrixFiles.Create(outPath, settings.Wide, settings.Threads);
            run = MatrixPipeline.Run(stage, sink, estimate.OriginsPerBatch, timer, n => task.Value = done += n);
        });
        timer.Stop();

        var summary = new Table().Title($"{mode.ToName()} matrix → {Markup.Escape(outPath)}").HideHeaders();
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Origins × destinations", $"{N(origins.Count)} × {N(destinations.Count)}");
        summary.AddRow("Pairs", N(run!.Pairs));
        summary.AddRow("ok", N(run.Count(PairStatus.Ok)));
        summary.AddRow("unreachable", N(run.Count(PairStatus.Unreachable)));
        summary.AddRow("origin_unsnapped", N(run.Count(PairStatus.OriginUnsnapped)) + PointsNote(run.Count(PairStatus.OriginUnsnapped), destinations.Count, "origins"));
        summary.AddRow("destination_unsnapped", N(run.Count(PairStatus.DestinationUnsnapped)) + PointsNote(run.Count(PairStatus.DestinationUnsnapped), origins.Count, "destinations"));
        if (originDuplicates + destinationDuplicates > 0)
        {
            summary.AddRow("Duplicate ids skipped", N(originDuplicates + destinationDuplicates));
        }
        if (stage is RoadMatrixStage roadStage)
        {
            if (mode == MatrixMode.Car)
            {
                summary.AddRow("Time band", road.Band.ToName() + (road.Overrides is null ? string.Empty : " + speed overrides"));
            }
            summary.AddRow("Hierarchy", roadStage.HierarchyFromCache ? "loaded from cache" : "built");
        }
        if (stage is TransitMatrixStage ts)
        {
            summary.AddRow("Date", transit!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            summary.AddRow(transit.Window.ArriveBySeconds is null ? "Departures" : "Arrive by", Markup.Escape(transit.Window.ToString()));
            summary.AddRow("Trips on the date", N(ts.Network.Timetable.TripInstanceCount));
            summary.AddRow("Stops linked to streets", $"{N(ts.Network.LinkedStopCount)} of {N(ts.Network.Timetable.StopCount)}");
            summary.AddRow("GTFS issues", N(ts.Issues.TotalCount));
        }
        summary.AddRow("Batches", $"{N(run.Batches)} of up to {N(run.OriginsPerBatch)} origins");
        foreach (var (phase, elapsed) in timer.Phases)
        {
            summary.AddRow("Time: " + phase, Seconds(elapsed));
        }
        summary.AddRow("Time", Seconds(timer.Total));
        summary.AddRow("Peak memory", Megabytes(PhaseTimer.PeakMemoryBytes));
        if (stage is TransitMatrixStage withIssues)
        {
            TransitIssues.Write(withIssues.Issues);
        }
        ConsoleTables.Write(summary);
        if (settings.SummaryJson is { } jsonPath)
        {
            timer.WriteJson(jsonPath, "matrix", new Dictionary<string, object?>
            {
                ["mode"] = mode.ToName(),
                ["output"] = outPath,
                ["origins"] = origins.Count,
                ["destinations"] = destinations.Count,
                ["pairs"] = run.Pairs,
                ["ok"] = run.Count(PairStatus.Ok),
                ["unreachable"] = run.Count(PairStatus.Unreachable),
                ["origin_unsnapped"] = run.Count(PairStatus.OriginUnsnapped),
                ["destination_unsnapped"] = run.Count(PairStatus.DestinationUnsnapped),
                ["batches"] = run.Batches,
                ["origins_per_batch"] = run.OriginsPerBatch,
                ["memory_estimate_bytes"] = estimate.Bytes,
            });
        }
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesReport.WriteBeside(settings.Input.Issues, outPath));
        return ExitCodes.Ok;
    }

    internal static RoadOptions ParseRoad(Settings settings)
    {
        if (!TimeBands.TryParse(settings.TimeBand, out var band))
        {
            throw new UsageException($"unknown --time-band '{settings.TimeBand}'; valid bands: {TimeBands.ValidNames}.");
        }
        if (settings.MaxMinutes is { } maxMinutes && !(maxMinutes > 0 && maxMinutes < 35_000))
        {
            throw new UsageException("--max-minutes must be a positive number of minutes.");
        }
        return new RoadOptions
        {
            Band = band,
            Overrides = settings.Speeds is null ? null : SpeedOverrides.Load(settings.Speeds),
            OverridesKey = settings.Speeds is null ? null : "speeds-" + ShortHash(settings.Speeds),
            MaxDurationMs = settings.MaxMinutes is { } m ? (int)Math.Round(m * 60_000) : TravelTime.Unreached,
        };
    }

    internal static TransitOptions ParseTransit(Settings settings)
    {
        if (settings.Gtfs.Length == 0)
        {
            throw new UsageException("--gtfs <ZIP> is required for --mode transit (repeat it for several feeds).");
        }
        var dateText = Required(settings.Date, "--date <YYYY-MM-DD>", "the service date, e.g. 2020-06-02");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"--date '{dateText}' must be YYYY-MM-DD, e.g. 2020-06-02.");
        }
        var window = ParseWindow(settings);
        var percentiles = ParsePercentiles(settings.Percentiles);
        if (settings.MaxRides is < 1 or > 12)
        {
            throw new UsageException("--max-rides must be between 1 and 12.");
        }
        if (!(settings.MaxWalkMinutes >= 0 && settings.MaxWalkMinutes <= 240))
        {
            throw new UsageException("--max-walk-minutes must be between 0 and 240.");
        }
        if (settings.MaxMinutes is { } mm && !(mm >= 1 && mm <= 24 * 60))
        {
            throw new UsageException("--max-minutes must be between 1 and 1440 for transit.");
        }
        return new TransitOptions
        {
            Gtfs = settings.Gtfs,
            Date = date,
            Window = window,
            Percentiles = percentiles,
            MaxRides = settings.MaxRides,
            MaxWalkMinutes = settings.MaxWalkMinutes,
            MaxTripMinutes = settings.MaxMinutes is { } m ? (int)Math.Ceiling(m) : TransitMatrixRequest.DefaultMaxTripMinutes,
            Fares = settings.Fares is null ? FareModel.Default : FareModel.Load(settings.Fares),
            JourneyDetails = !settings.NoBreakdown,
        };
    }

    internal static DepartureWindow ParseWindow(Settings s)
    {
        var window = s.Window ?? s.Departure;
        if (s.ArriveBy is { } arriveText)
        {
            var minutes = DepartureWindow.DefaultArriveByMinutes;
            if (window is not null && !int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
            {
                throw new UsageException($"with --arrive-by, --window '{window}' must be a number of minutes (e.g. 60).");
            }
            if (!DepartureWindow.TryArriveBy(arriveText, minutes, out var arriveBy, out var arriveError))
            {
                throw new UsageException($"--arrive-by / --window: {arriveError}.");
            }
            return arriveBy;
        }
        if (window is null)
        {
            throw new UsageException($"--window <HH:MM-HH:MM> is required for --mode transit (e.g. --window {DepartureWindow.DefaultText}), or use --arrive-by.");
        }
        return DepartureWindow.TryParse(window, out var parsed, out var error) ? parsed : throw new UsageException($"--window {error}.");
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

    internal static MatrixPoint[] Points(IReadOnlyList<NamedPoint> points)
    {
        var result = new MatrixPoint[points.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new MatrixPoint(points[i].Id, points[i].Point);
        }
        return result;
    }

    private static string PointsNote(long pairs, int perPoint, string what) =>
        perPoint > 0 && pairs > 0 ? $" ({N(pairs / perPoint)} {what})" : string.Empty;

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private static string Required(string? value, string option, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option} is required ({what}).") : value;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string ShortHash(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))[..12];
    }
}
