using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Pipeline;

/// <summary>
/// Zone-by-site travel-time matrices for a run, one per mode: road modes through <see cref="RoadMatrixComputer"/>
/// (contraction hierarchies cached beside the network file), public transport through GTFS -> timetable for the
/// scenario date -> <see cref="TransitNetwork"/> -> <see cref="TransitMatrixComputer"/> (median over the departure window).
/// Ids are zone codes (origins) and site ids (destinations, sites plus placement candidates).
/// </summary>
internal static class MatrixStage
{
    public const double DefaultMaxSnapMetres = 1000;

    public static TravelMatrix Road(Scenario scenario, StreetNetwork network, string networkPath, TravelMode mode,
        ZoneTable zones, SiteTable sites, RunOptions options, IProgress<string> progress, out string detail)
    {
        var file = scenario.FilePath ?? "scenario";
        var band = TimeBand.OffPeak;
        if (scenario.Network?.TimeBand is { } bandText && !TimeBands.TryParse(bandText, out band))
        {
            throw new InputFileException(file, null, "network.timeBand", $"unknown time band '{bandText}'; valid: {TimeBands.ValidNames}");
        }
        SpeedOverrides? overrides = null;
        if (mode == TravelMode.Car && !string.IsNullOrWhiteSpace(scenario.Network?.Speeds))
        {
            overrides = SpeedOverrides.Load(scenario.Resolve(scenario.Network.Speeds));
        }
        var name = mode.ToName();
        var result = RoadMatrixComputer.Compute(network, mode, zones.Points, SitePoints(sites), new RoadMatrixOptions
        {
            Band = band,
            Overrides = overrides,
            OverridesKey = overrides is null ? null : Path.GetFileNameWithoutExtension(scenario.Network!.Speeds),
            MaxSnapMetres = scenario.Network?.MaxSnapMetres ?? DefaultMaxSnapMetres,
            Threads = options.Threads ?? 0,
            NetworkPath = networkPath,
            Stage = stage => progress.Report($"{name}: {stage}"),
        });
        var unsnappedOrigins = Array.ConvertAll(result.OriginSnaps, s => !s.IsOk);
        var unsnappedDestinations = Array.ConvertAll(result.DestinationSnaps, s => !s.IsOk);
        var matrix = new TravelMatrix(name, zones.Codes, SiteIds(sites), result.MinutesRowMajor())
        {
            Kilometres = result.KilometresRowMajor(),
            UnsnappedOrigins = unsnappedOrigins,
            UnsnappedDestinations = unsnappedDestinations,
            Source = name + " routing",
        };
        detail = Describe(matrix, unsnappedOrigins, unsnappedDestinations) + (result.HierarchyFromCache ? "; hierarchy from cache" : "");
        return matrix;
    }

    public static TravelMatrix Transit(Scenario scenario, StreetNetwork network, ZoneTable zones, SiteTable sites,
        RunOptions options, IProgress<string> progress, out string detail)
    {
        var file = scenario.FilePath ?? "scenario";
        var spec = scenario.Transit;
        if (spec is null || spec.Gtfs.Count == 0)
        {
            throw new InputFileException(file, null, "transit.gtfs", "mode 'transit' needs \"transit\": { \"gtfs\": [\"feed.zip\"], \"date\": \"yyyy-MM-dd\", \"window\": \"07:00-10:00\" }");
        }
        if (!DateOnly.TryParseExact(spec.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputFileException(file, null, "transit.date", $"'{spec.Date}' is not a date like 2024-03-05");
        }
        var (startSeconds, windowMinutes) = ParseWindow(file, spec.Window ?? "07:00-10:00");
        FareModel? fares = null;
        if (!string.IsNullOrWhiteSpace(spec.Fares))
        {
            fares = FareModel.Load(scenario.Resolve(spec.Fares));
        }

        progress.Report("transit: reading GTFS");
        var issues = new IssueLog();
        var feed = GtfsReader.Read([.. spec.Gtfs.Select(g => new GtfsSource(scenario.Resolve(g)))], issues);
        progress.Report($"transit: timetable for {date:yyyy-MM-dd}");
        var timetable = TimetableBuilder.Build(feed, date, issues);
        progress.Report("transit: linking stops to the walk network");
        var linked = TransitNetwork.Build(network, timetable);
        linked.RequireLinkedStops(issues, string.Join(", ", spec.Gtfs));
        progress.Report("transit: matrix");
        var request = new TransitMatrixRequest
        {
            Origins = zones.Points,
            Destinations = SitePoints(sites),
            WindowStartSeconds = startSeconds,
            WindowMinutes = windowMinutes,
            Percentiles = [50],
            MaxWalkMinutes = spec.MaxWalkMinutes ?? 20,
            MaxSnapMetres = scenario.Network?.MaxSnapMetres ?? DefaultMaxSnapMetres,
            Fares = fares,
            Threads = options.Threads,
        };
        var result = TransitMatrixComputer.Compute(linked, request);
        var interchanges = new double[result.PairCount];
        var fareValues = new double[result.PairCount];
        for (var pair = 0; pair < result.PairCount; pair++)
        {
            var ok = result.Status[pair] == PairStatus.Ok && !float.IsNaN(result.Minutes[pair]);
            interchanges[pair] = ok && result.Boardings[pair] >= 0 ? result.Interchanges(pair) : double.NaN;
            fareValues[pair] = ok ? result.Fares[pair] : double.NaN;
        }
        var unsnappedOrigins = Array.ConvertAll(result.OriginSnaps, s => !s.IsOk);
        var unsnappedDestinations = Array.ConvertAll(result.DestinationSnaps, s => !s.IsOk);
        var matrix = new TravelMatrix("transit", zones.Codes, SiteIds(sites), result.MinutesRowMajor(0))
        {
            Interchanges = interchanges,
            Fares = fares is null ? null : fareValues,
            UnsnappedOrigins = unsnappedOrigins,
            UnsnappedDestinations = unsnappedDestinations,
            Source = "transit routing (median over " + (spec.Window ?? "07:00-10:00") + ")",
        };
        detail = Describe(matrix, unsnappedOrigins, unsnappedDestinations)
            + $"; {timetable.TripInstanceCount:N0} trips on {date:yyyy-MM-dd}, {linked.LinkedStopCount}/{timetable.StopCount} stops linked, {issues.TotalCount} GTFS issues";
        return matrix;
    }

    internal static (int StartSeconds, int Minutes) ParseWindow(string file, string window) =>
        TransitSpec.TryParseWindow(window, out var start, out var minutes)
            ? (start, minutes)
            : throw new InputFileException(file, null, "transit.window", $"'{window}' is not a window like 07:00-10:00 (start before end)");

    private static GeoPoint[] SitePoints(SiteTable sites)
    {
        var points = new GeoPoint[sites.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = sites[i].Point;
        }
        return points;
    }

    private static string[] SiteIds(SiteTable sites)
    {
        var ids = new string[sites.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = sites[i].Id;
        }
        return ids;
    }

    private static string Describe(TravelMatrix matrix, bool[] unsnappedOrigins, bool[] unsnappedDestinations)
    {
        var noRoute = 0;
        foreach (var m in matrix.Minutes)
        {
            noRoute += double.IsNaN(m) ? 1 : 0;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{matrix.OriginCount} x {matrix.DestinationCount}; {unsnappedOrigins.Count(u => u)} zones and {unsnappedDestinations.Count(u => u)} sites unsnapped; {noRoute} pairs without a route");
    }
}
