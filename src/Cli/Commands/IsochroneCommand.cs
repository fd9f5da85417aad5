using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Cli.Output;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Isochrones;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using NetTopologySuite.Geometries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>geo isochrone: areas reachable from a point within given minutes, as GeoJSON polygons.</summary>
public sealed class IsochroneCommand : Command<IsochroneCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--network <GEONET>")]
        [Description("Street network file from 'geo build-network' (.geonet). Required.")]
        public string? Network { get; init; }

        [CommandOption("--mode <MODE>")]
        [Description("Travel mode: car, walk or cycle (or bike). Default: walk.")]
        public string Mode { get; init; } = "walk";

        [CommandOption("--at <LON,LAT>")]
        [Description("Start point in WGS84 degrees, longitude first, e.g. -1.2976,50.7107. Required.")]
        public string? At { get; init; }

        [CommandOption("--minutes <LIST>")]
        [Description("Comma-separated thresholds in minutes, e.g. 10,20,30. Default: 10,20,30.")]
        public string Minutes { get; init; } = "10,20,30";

        [CommandOption("--out <FILE>")]
        [Description("Output GeoJSON FeatureCollection (one polygon per threshold; properties minutes, mode), written atomically. Required.")]
        public string? Out { get; init; }

        [CommandOption("--time-band <BAND>")]
        [Description("Car time band: off_peak, am_peak, inter_peak or pm_peak. Default: off_peak.")]
        public string TimeBand { get; init; } = "off_peak";

        [CommandOption("--speeds <CSV>")]
        [Description("Car speed overrides CSV. Default: profile speeds.")]
        public string? Speeds { get; init; }

        [CommandOption("--max-snap-metres <METRES>")]
        [Description("The start point must be within this distance (metres) of a routable street. Default: 1000.")]
        public double MaxSnapMetres { get; init; } = 1000;

        [CommandOption("--buffer-metres <METRES>")]
        [Description("Width (metres) drawn either side of each reached street. Default: 50 walk, 75 cycle, 100 car.")]
        public double? BufferMetres { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!TravelModes.TryParse(settings.Mode, out var mode))
        {
            throw new UsageException($"unknown --mode '{settings.Mode}'; valid modes: {TravelModes.ValidNames}.");
        }
        var networkPath = string.IsNullOrWhiteSpace(settings.Network) ? throw new UsageException("--network <GEONET> is required.") : settings.Network;
        var outPath = string.IsNullOrWhiteSpace(settings.Out) ? throw new UsageException("--out <FILE> is required (a .geojson file).") : settings.Out;
        var at = ParsePoint(settings.At);
        var minutes = ParseMinutes(settings.Minutes);
        if (!TimeBands.TryParse(settings.TimeBand, out var band))
        {
            throw new UsageException($"unknown --time-band '{settings.TimeBand}'; valid bands: {TimeBands.ValidNames}.");
        }
        var buffer = settings.BufferMetres ?? mode switch { TravelMode.Car => 100, TravelMode.Cycle => 75, _ => 50 };
        if (!(buffer > 0))
        {
            throw new UsageException("--buffer-metres must be positive.");
        }

        var clock = Stopwatch.StartNew();
        var network = StreetNetwork.Load(networkPath);
        var overrides = settings.Speeds is null || mode != TravelMode.Car ? null : SpeedOverrides.Load(settings.Speeds);
        var graph = network.GetModeGraph(mode, overrides, mode == TravelMode.Car ? band : TimeBand.OffPeak);
        var snap = network.CreateSnapper(mode, graph).Snap(at, settings.MaxSnapMetres);
        if (!snap.IsOk)
        {
            throw new ComputationException(snap.Status == Routing.Streets.SnapStatus.InvalidCoordinate
                ? $"--at {settings.At} is not a valid coordinate."
                : $"--at {settings.At} is more than {settings.MaxSnapMetres.ToString(CultureInfo.InvariantCulture)} m from a {mode.ToName()} street; move the point or raise --max-snap-metres.");
        }
        var thresholds = minutes.Select(m => (int)Math.Round(m * 60_000)).ToArray();
        var reached = IsochroneSearch.Run(graph, snap.SnappedPoint, snap.Outbound, thresholds);
        var bands = new List<(double, Geometry)>();
        for (var i = 0; i < minutes.Length; i++)
        {
            bands.Add((minutes[i], IsochroneGeoJsonWriter.Polygon(reached[i], snap.SnappedPoint.Lon, snap.SnappedPoint.Lat, buffer)));
        }
        IsochroneGeoJsonWriter.Write(outPath, bands, mode.ToName());

        var table = new Table().Title($"{mode.ToName()} isochrones → {Markup.Escape(outPath)}");
        table.AddColumn(new TableColumn("Minutes").RightAligned());
        table.AddColumn(new TableColumn("Street segments").RightAligned());
        table.AddColumn(new TableColumn("Area km²").RightAligned());
        for (var i = 0; i < minutes.Length; i++)
        {
            table.AddRow(minutes[i].ToString(CultureInfo.InvariantCulture), reached[i].Count.ToString("N0", CultureInfo.InvariantCulture),
                AreaKm2(bands[i].Item2, snap.SnappedPoint.Lat).ToString("0.00", CultureInfo.InvariantCulture));
        }
        table.Caption($"snapped {snap.DistanceMetres.ToString("0", CultureInfo.InvariantCulture)} m; {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        ConsoleTables.Write(table);
        return ExitCodes.Ok;
    }

    private static double AreaKm2(Geometry polygon, double lat) =>
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
