using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>geo matrix: origin-destination travel times (minutes, km) by car, walk or cycle, or by public transport.</summary>
public sealed class MatrixCommand : Command<MatrixCommand.Settings>
{
    public const string ValidModes = "car, walk, cycle (or bike), transit";

    public sealed class Settings : CommandSettings
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
        [Description("A point farther than this (metres) from a routable street is reported as unsnapped. Default: 1000.")]
        public double MaxSnapMetres { get; init; } = 1000;

        [CommandOption("--max-minutes <MINUTES>")]
        [Description("Pairs slower than this (minutes) are reported as unreachable. Default: no limit.")]
        public double? MaxMinutes { get; init; }

        [CommandOption("--threads <N>")]
        [Description("Worker threads. Default: 0 = all cores. Results are identical for any value.")]
        public int Threads { get; init; }

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

        // --- public transport options (owned by the transit helper; used by TransitMatrixRunner) ---
        [CommandOption("--window <WINDOW>")]
        [Description("Transit only: departure window HH:MM-HH:MM (e.g. 07:00-10:00, one departure per minute; same as --departure), or with --arrive-by the number of minutes ending at the deadline (e.g. 60). Default with --arrive-by: 60.")]
        public string? Window { get; init; }

        [CommandOption("--arrive-by <HH:MM>")]
        [Description("Transit only: arrive-by mode. For each minute of --window ending at this time, the time needed to arrive by it (latest departure). Default: depart-at mode.")]
        public string? ArriveBy { get; init; }

        [CommandOption("--percentiles <LIST>")]
        [Description("Transit only: up to 5 percentiles of travel time over the window's minutes, e.g. 25,50,75 (default). Written as columns p25, p50...; 'minutes' is always the median.")]
        public string Percentiles { get; init; } = "25,50,75";

        [CommandOption("--max-rides <N>")]
        [Description("Transit only: most vehicles boarded in one journey (1-12). Default: 4.")]
        public int MaxRides { get; init; } = 4;

        [CommandOption("--max-walk-minutes <MINUTES>")]
        [Description("Transit only: longest walk to the first stop, from the last stop, and for a walk-only journey (minutes at the profile's walk speed, 4.8 km/h by default). Transfers walk at most 10 minutes. Default: 20.")]
        public double MaxWalkMinutes { get; init; } = 20;

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
        if (string.Equals(settings.Mode, "transit", StringComparison.OrdinalIgnoreCase)
            || string.Equals(settings.Mode, "pt", StringComparison.OrdinalIgnoreCase))
        {
            return TransitMatrixRunner.Run(settings);
        }
        if (!TravelModes.TryParse(settings.Mode, out var mode))
        {
            throw new UsageException($"unknown --mode '{settings.Mode}'; valid modes: {ValidModes}.");
        }
        var network = Required(settings.Network, "--network <GEONET>", "the street network from 'geo build-network'");
        var originsPath = Required(settings.Origins, "--origins <FILE>", "the origin points");
        var destinationsPath = Required(settings.Destinations, "--destinations <FILE>", "the destination points");
        var outPath = Required(settings.Out, "--out <FILE>", "the .csv or .parquet to write");
        if (MatrixFileWriter.CheckExtension(outPath) is { } badExtension)
        {
            throw new UsageException(badExtension);
        }
        if (!TimeBands.TryParse(settings.TimeBand, out var band))
        {
            throw new UsageException($"unknown --time-band '{settings.TimeBand}'; valid bands: {TimeBands.ValidNames}.");
        }
        if (!(settings.MaxSnapMetres >= 0))
        {
            throw new UsageException("--max-snap-metres must be 0 or more.");
        }
        if (settings.MaxMinutes is { } maxMinutes && !(maxMinutes > 0 && maxMinutes < 35_000))
        {
            throw new UsageException("--max-minutes must be a positive number of minutes.");
        }
        if (settings.Threads < 0)
        {
            throw new UsageException("--threads must be 0 (all cores) or more.");
        }

        // Fail before the long computation if the output folder cannot be created (exit 4, nothing written or created).
        OutputFolder.CheckCreatable(Path.GetDirectoryName(Path.GetFullPath(outPath))!);

        var clock = Stopwatch.StartNew();
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var origins = PointFileReader.Read(originsPath, settings.OriginColumns(), out var originDuplicates);
        var destinations = PointFileReader.Read(destinationsPath, settings.DestinationColumns(), out var destinationDuplicates);
        var overrides = settings.Speeds is null ? null : SpeedOverrides.Load(settings.Speeds);

        RoadMatrixResult? result = null;
        StreetNetwork? streets = null;
        stderr.Progress().AutoClear(true).HideCompleted(true).Start(progress =>
        {
            var task = progress.AddTask("Loading network", maxValue: origins.Count);
            streets = StreetNetwork.Load(network);
            var done = 0;
            result = RoadMatrixComputer.Compute(streets, mode, Points(origins), Points(destinations), new RoadMatrixOptions
            {
                Band = band,
                Overrides = overrides,
                OverridesKey = settings.Speeds is null ? null : "speeds-" + ShortHash(settings.Speeds),
                MaxSnapMetres = settings.MaxSnapMetres,
                MaxDurationMs = settings.MaxMinutes is { } m ? (int)Math.Round(m * 60_000) : TravelTime.Unreached,
                Threads = settings.Threads,
                NetworkPath = network,
                Contraction = new ContractionOptions
                {
                    Progress = (contracted, total) =>
                    {
                        task.Description = $"Contracting {contracted * 100L / Math.Max(1, total)}%";
                    },
                },
                Stage = stage => task.Description = Markup.Escape(char.ToUpperInvariant(stage[0]) + stage[1..]),
                Progress = n => task.Value = Interlocked.Add(ref done, n),
            });
        });

        var table = ToTable(origins, destinations, result!);
        MatrixFileWriter.Write(outPath, table, settings.Wide);

        var counts = table.CountStatuses();
        var summary = new Table().Title($"{mode.ToName()} matrix → {Markup.Escape(outPath)}").HideHeaders();
        summary.AddColumn("Measure");
        summary.AddColumn(new TableColumn("Value").RightAligned());
        summary.AddRow("Origins × destinations", $"{N(origins.Count)} × {N(destinations.Count)}");
        summary.AddRow("Pairs", N(table.PairCount));
        summary.AddRow("ok", N(counts[(int)PairStatus.Ok]));
        summary.AddRow("unreachable", N(counts[(int)PairStatus.Unreachable]));
        summary.AddRow("origin_unsnapped", N(counts[(int)PairStatus.OriginUnsnapped]) + $" ({N(table.OriginSnapped!.Count(s => !s))} origins)");
        summary.AddRow("destination_unsnapped", N(counts[(int)PairStatus.DestinationUnsnapped]) + $" ({N(table.DestinationSnapped!.Count(s => !s))} destinations)");
        if (originDuplicates + destinationDuplicates > 0)
        {
            summary.AddRow("Duplicate ids skipped", N(originDuplicates + destinationDuplicates));
        }
        if (mode == TravelMode.Car)
        {
            summary.AddRow("Time band", band.ToName() + (overrides is null ? string.Empty : " + speed overrides"));
        }
        summary.AddRow("Hierarchy", result!.HierarchyFromCache ? "loaded from cache" : "built");
        summary.AddRow("Time", clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        AnsiConsole.Write(summary);
        return ExitCodes.Ok;
    }

    internal static MatrixTable ToTable(IReadOnlyList<NamedPoint> origins, IReadOnlyList<NamedPoint> destinations, RoadMatrixResult result) =>
        new(Ids(origins), Ids(destinations), result.MinutesRowMajor())
        {
            Kilometres = result.KilometresRowMajor(),
            OriginSnapMetres = result.OriginSnaps.Select(s => double.IsFinite(s.DistanceMetres) ? s.DistanceMetres : double.NaN).ToArray(),
            DestinationSnapMetres = result.DestinationSnaps.Select(s => double.IsFinite(s.DistanceMetres) ? s.DistanceMetres : double.NaN).ToArray(),
            OriginSnapped = result.OriginSnaps.Select(s => s.IsOk).ToArray(),
            DestinationSnapped = result.DestinationSnaps.Select(s => s.IsOk).ToArray(),
        };

    private static string[] Ids(IReadOnlyList<NamedPoint> points) => points.Select(p => p.Id).ToArray();

    private static Routing.Geometry.GeoPoint[] Points(IReadOnlyList<NamedPoint> points) => points.Select(p => p.Point).ToArray();

    private static string Required(string? value, string option, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option} is required ({what}).") : value;

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string ShortHash(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))[..12];
    }
}
