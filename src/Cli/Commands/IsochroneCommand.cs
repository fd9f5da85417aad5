using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Pipeline;
using Geo.Routing.Geometry;
using Geo.Routing.Isochrones;
using Geo.Routing.Jobs;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// geo isochrone: areas reachable within given minutes from one point (--at) or from every point of a file (--points), by
/// car, walk, cycle or public transport (the transit matrix's stages: the area where the chosen percentile of the window's
/// departures arrives in time), as GeoJSON polygons with the point's id. Unsnappable points are written with no geometry.
/// </summary>
public sealed class IsochroneCommand : Command<IsochroneCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--network <GEONET>")]
        [Description("Street network file from 'geo build-network' (.geonet). Required.")]
        public string? Network { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("Travel mode: car, walk, cycle (or bike), or transit (walk + public transport, needs --gtfs, --date and --window). Default: walk.")]
        public string Mode { get; init; } = "walk";

        [CommandOption("--at <LON,LAT>")]
        [Description("One start point in WGS84 degrees, longitude first, e.g. -1.2976,50.7107. Give --at or --points.")]
        public string? At { get; init; }

        [CommandOption("--points <FILE>")]
        [Description("Many start points: CSV (id and lon/lat or easting/northing columns), GeoJSON, shapefile or GeoPackage points, read as geo matrix reads --origins. Each polygon carries its point's id; points too far from a street are written with no geometry and status unsnapped.")]
        public string? Points { get; init; }

        [CommandOption("--point-id <COLUMN>")]
        [Description("Id column of --points. Default: detected (id, code, zone_id, site_id, LSOA21CD, name, ...).")]
        public string? PointId { get; init; }

        [CommandOption("--minutes <LIST>")]
        [Description("Comma-separated thresholds in minutes, e.g. 10,20,30; reachable means within (<=) the minutes. Default: 10,20,30.")]
        public string Minutes { get; init; } = "10,20,30";

        [CommandOption("--out <FILE>")]
        [Description("Output GeoJSON FeatureCollection, one (Multi)Polygon per point and threshold (properties id, minutes, mode, status ok or unsnapped, snap_m; transit adds percentile and window), written atomically. Required.")]
        public string? Out { get; init; }

        [CommandOption("--time-band <BAND>")]
        [Description("Car time band: off_peak, am_peak, inter_peak or pm_peak. Default: off_peak.")]
        public string TimeBand { get; init; } = "off_peak";

        [CommandOption("--speeds <CSV>")]
        [Description("Car speed overrides CSV. Default: profile speeds.")]
        public string? Speeds { get; init; }

        [CommandOption("--max-snap-metres <METRES>")]
        [Description("A start point must be within this distance (metres) of a routable street. Default: 1000.")]
        public double MaxSnapMetres { get; init; } = Snapper.DefaultMaxSnapMetres;

        [CommandOption("--buffer-metres <METRES>")]
        [Description("Width (metres) drawn either side of each reached street. Default: 50 walk and transit, 75 cycle, 100 car.")]
        public double? BufferMetres { get; init; }

        [CommandOption("--gtfs <ZIP>")]
        [Description("Transit only: GTFS feed zip(s); repeat the option for several feeds.")]
        public string[] Gtfs { get; init; } = [];

        [CommandOption("--date <YYYY-MM-DD>")]
        [Description("Transit only: service date, e.g. 2024-03-05.")]
        public string? Date { get; init; }

        [CommandOption("--window <WINDOW>")]
        [Description("Transit only: departure window HH:MM-HH:MM (one departure per minute, e.g. 07:00-08:00), or with --arrive-by the minutes ending at the deadline (e.g. 60).")]
        public string? Window { get; init; }

        [CommandOption("--arrive-by <HH:MM>")]
        [Description("Transit only: arrive-by mode, as in geo matrix. Default: depart-at.")]
        public string? ArriveBy { get; init; }

        [CommandOption("--percentile <P>")]
        [Description("Transit only: the percentile (1-99) of the window's per-minute travel times that must be within the minutes, e.g. 50 (half the departures arrive in time) or 90 (nearly all). Default: 50.")]
        public int Percentile { get; init; } = 50;

        [CommandOption("--max-rides <N>")]
        [Description("Transit only: most vehicles boarded in one journey (1-12). Default: 4.")]
        public int MaxRides { get; init; } = Routing.Multimodal.TransitMatrixRequest.DefaultMaxRides;

        [CommandOption("--max-walk-minutes <MINUTES>")]
        [Description("Transit only: longest walk to the first stop, from the last stop, and for a walk-only journey. Default: 20.")]
        public double MaxWalkMinutes { get; init; } = Routing.Multimodal.TransitMatrixRequest.DefaultMaxWalkMinutes;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!MatrixModes.TryParse(settings.Mode, out var mode))
        {
            throw new UsageException($"unknown --mode '{settings.Mode}'; valid modes: {MatrixModes.ValidNames}.");
        }
        var networkPath = string.IsNullOrWhiteSpace(settings.Network) ? throw new UsageException("--network <GEONET> is required.") : settings.Network;
        var outPath = string.IsNullOrWhiteSpace(settings.Out) ? throw new UsageException("--out <FILE> is required (a .geojson file).") : settings.Out;
        if ((settings.At is null) == (settings.Points is null))
        {
            throw new UsageException("give either --at <LON,LAT> (one point) or --points <FILE> (many points).");
        }
        var minutes = ParseMinutes(settings.Minutes);
        if (!TimeBands.TryParse(settings.TimeBand, out var band))
        {
            throw new UsageException($"unknown --time-band '{settings.TimeBand}'; valid bands: {TimeBands.ValidNames}.");
        }
        if (!(settings.MaxSnapMetres >= 0))
        {
            throw new UsageException("--max-snap-metres must be 0 or more.");
        }
        var buffer = settings.BufferMetres ?? IsochroneGeoJsonWriter.DefaultBufferMetres(mode == MatrixMode.Transit ? TravelMode.Walk : mode.ToTravelMode());
        if (!(buffer > 0))
        {
            throw new UsageException("--buffer-metres must be positive.");
        }
        if (settings.Percentile is < 1 or > 99)
        {
            throw new UsageException($"--percentile must be a whole number between 1 and 99, e.g. 50 (got {settings.Percentile}).");
        }
        var transit = mode == MatrixMode.Transit ? ParseTransit(settings, minutes[^1]) : null;
        IReadOnlyList<NamedPoint> points = settings.At is { } at
            ? [new NamedPoint(at.Trim(), ParsePoint(at), 0)]
            : PointFileReader.Read(settings.Points!, new PointColumns { Id = settings.PointId, OptionPrefix = "--point-" }, settings.Input);
        OutputFolder.CheckCreatable(Path.GetDirectoryName(Path.GetFullPath(outPath))!);

        var clock = Stopwatch.StartNew();
        var network = StreetNetwork.Load(networkPath);
        var thresholds = minutes.Select(m => (int)Math.Round(m * 60_000)).ToArray();
        var named = points.Select(p => (p.Id, p.Point)).ToList();
        var issues = new IssueLog();
        PointIsochrones[] results;
        if (transit is not null)
        {
            var linked = TransitMatrixStage.Link(network, transit.Gtfs, transit.Date, issues);
            var search = new TransitIsochrone(linked, transit, settings.Percentile);
            results = PointIsochrones.Compute(named, point => search.Snap(point, settings.MaxSnapMetres), snap => search.Run(snap, thresholds), buffer);
        }
        else
        {
            var travel = mode.ToTravelMode();
            var overrides = settings.Speeds is null || travel != TravelMode.Car ? null : SpeedOverrides.Load(settings.Speeds);
            var graph = network.GetModeGraph(travel, overrides, travel == TravelMode.Car ? band : Routing.Profiles.TimeBand.OffPeak);
            var snapper = network.CreateSnapper(travel, graph);
            results = PointIsochrones.Compute(named, point => snapper.Snap(point, settings.MaxSnapMetres),
                snap => IsochroneSearch.Run(graph, snap.SnappedPoint, snap.Outbound, thresholds), buffer);
        }
        if (settings.At is not null && !results[0].Snap.IsOk)
        {
            throw new ComputationException(results[0].Snap.Status == SnapStatus.InvalidCoordinate
                ? $"--at {settings.At} is not a valid coordinate."
                : $"--at {settings.At} is more than {settings.MaxSnapMetres.ToString(CultureInfo.InvariantCulture)} m from a {mode.ToName()} street; move the point or raise --max-snap-metres.");
        }
        if (!results.Any(r => r.Snap.IsOk))
        {
            throw new ComputationException($"none of the {points.Count:N0} points of {settings.Points} is within {settings.MaxSnapMetres.ToString(CultureInfo.InvariantCulture)} m of a {mode.ToName()} street; nothing written.");
        }

        var extra = new List<(string, object?)>();
        if (transit is not null)
        {
            extra.Add(("percentile", settings.Percentile));
            extra.Add(("window", transit.Window.ToString()));
            extra.Add(("date", transit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var features = PointIsochrones.Bands(results, minutes);
        IsochroneGeoJsonWriter.Write(outPath, features, mode.ToName(), extra);

        if (transit is not null)
        {
            TransitIssues.Write(issues);
        }
        WriteSummary(settings, mode, outPath, minutes, results, clock.Elapsed);
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesReport.WriteBeside(settings.Input.Issues, outPath));
        return ExitCodes.Ok;
    }

    private static void WriteSummary(Settings settings, MatrixMode mode, string outPath, double[] minutes, PointIsochrones[] results, TimeSpan elapsed)
    {
        var title = $"{mode.ToName()} isochrones → {Markup.Escape(outPath)}";
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        if (settings.At is not null)
        {
            var r = results[0];
            var table = new Table().Title(title);
            table.AddColumn(new TableColumn("Minutes").RightAligned());
            table.AddColumn(new TableColumn("Street segments").RightAligned());
            table.AddColumn(new TableColumn("Area km²").RightAligned());
            for (var i = 0; i < minutes.Length; i++)
            {
                table.AddRow(minutes[i].ToString(CultureInfo.InvariantCulture), r.Reached![i].Count.ToString("N0", CultureInfo.InvariantCulture),
                    AreaKm2(r.Polygons![i], r.Snap.SnappedPoint.Lat).ToString("0.00", CultureInfo.InvariantCulture));
            }
            table.Caption($"snapped {r.Snap.DistanceMetres.ToString("0", CultureInfo.InvariantCulture)} m; {seconds}");
            ConsoleTables.Write(table);
            return;
        }
        var many = new Table().Title(title);
        many.AddColumn(new TableColumn("Minutes").RightAligned());
        many.AddColumn(new TableColumn("Points").RightAligned());
        many.AddColumn(new TableColumn("Median area km²").RightAligned());
        var ok = results.Where(r => r.Polygons is not null).ToArray();
        for (var i = 0; i < minutes.Length; i++)
        {
            var areas = ok.Select(r => AreaKm2(r.Polygons![i], r.Snap.SnappedPoint.Lat)).Order().ToArray();
            many.AddRow(minutes[i].ToString(CultureInfo.InvariantCulture), ok.Length.ToString("N0", CultureInfo.InvariantCulture),
                areas[(areas.Length - 1) / 2].ToString("0.00", CultureInfo.InvariantCulture));
        }
        var unsnapped = results.Where(r => !r.Snap.IsOk).Select(r => r.Id).ToArray();
        many.Caption($"{results.Length:N0} points; {seconds}");
        ConsoleTables.Write(many);
        if (unsnapped.Length > 0)
        {
            // A line of its own (captions are not printed when stdout is redirected): unsnapped points are never silently dropped.
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{unsnapped.Length:N0} of {results.Length:N0} points unsnapped (more than {settings.MaxSnapMetres} m from a {mode.ToName()} street; written with no geometry and status unsnapped): {string.Join(", ", unsnapped.Take(10))}{(unsnapped.Length > 10 ? ", ..." : "")}"));
        }
    }

    /// <summary>The transit options exactly as geo matrix --mode transit reads them (same defaults and checks), one percentile, trips up to the largest threshold.</summary>
    private static TransitOptions ParseTransit(Settings s, double maxMinutes) => MatrixCommand.ParseTransit(new MatrixCommand.Settings
    {
        Gtfs = s.Gtfs,
        Date = s.Date,
        Window = s.Window,
        ArriveBy = s.ArriveBy,
        Percentiles = s.Percentile.ToString(CultureInfo.InvariantCulture),
        MaxRides = s.MaxRides,
        MaxWalkMinutes = s.MaxWalkMinutes,
        MaxMinutes = Math.Max(1, Math.Ceiling(maxMinutes)),
        NoBreakdown = true,
    }) with { Fares = null };

    private static double AreaKm2(NetTopologySuite.Geometries.Geometry polygon, double lat) =>
        polygon.Area * 110_574.0 * 111_320.0 * Math.Cos(lat * Math.PI / 180) / 1e6;

    internal static GeoPoint ParsePoint(string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !new GeoPoint(lon, lat).IsValid)
        {
            throw new UsageException($"--at must be 'lon,lat' in WGS84 degrees, e.g. -1.2976,50.7107 (got '{text}').");
        }
        return new GeoPoint(lon, lat);
    }

    internal static double[] ParseMinutes(string text)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !(m > 0 && m <= 24 * 60))
            {
                throw new UsageException($"--minutes must be a comma-separated list of minutes between 0 and 1440, e.g. 10,20,30 (got '{part}').");
            }
            values.Add(m);
        }
        if (values.Count == 0)
        {
            throw new UsageException("--minutes needs at least one value, e.g. 10,20,30.");
        }
        return [.. values.Distinct().Order()];
    }
}
