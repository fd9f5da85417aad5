using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Jobs;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Output;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;

namespace Geo.Pipeline;

/// <summary>
/// Zone-by-site travel-time matrices for a run, one per mode, through the library's <see cref="MatrixPipeline"/> (the same
/// stages as geo matrix): road modes on contraction hierarchies cached beside the network file, public transport as the
/// median over the departure window with the median journey's interchanges and fare.
/// Ids are zone codes (origins) and site ids (destinations, sites plus placement candidates).
/// </summary>
internal static class MatrixStage
{
    public const double DefaultMaxSnapMetres = Snapper.DefaultMaxSnapMetres;

    public static TravelMatrix Road(Scenario scenario, StreetNetwork network, string networkPath, TravelMode mode,
        ZoneTable zones, SiteTable sites, RunOptions options, IProgress<string> progress, out string detail)
    {
        var file = scenario.FilePath ?? "scenario";
        var (band, overrides) = RoadProfile(scenario, mode);
        var name = mode.ToName();
        var job = Job(scenario, network, zones, sites, options) with
        {
            Mode = MatrixModes.FromTravelMode(mode),
            NetworkPath = networkPath,
            Road = new RoadOptions
            {
                Band = band,
                Overrides = overrides,
                OverridesKey = overrides is null ? null : Path.GetFileNameWithoutExtension(scenario.Network!.Speeds),
            },
        };
        var (stage, collector) = RunWhole(file, job, progress, name);
        var road = (RoadMatrixStage)stage;
        var unsnappedOrigins = Array.ConvertAll(road.OriginSnaps, s => !s.IsOk);
        var unsnappedDestinations = Array.ConvertAll(road.DestinationSnaps, s => !s.IsOk);
        var matrix = new TravelMatrix(name, zones.Codes, SiteIds(sites), collector.Minutes)
        {
            Kilometres = collector.Kilometres,
            UnsnappedOrigins = unsnappedOrigins,
            UnsnappedDestinations = unsnappedDestinations,
            Source = name + " routing",
        };
        detail = Describe(matrix, unsnappedOrigins, unsnappedDestinations) + (road.HierarchyFromCache ? "; hierarchy from cache" : "");
        return matrix;
    }

    /// <summary>The scenario's car time band (off-peak by default) and car speed overrides (none for walk and cycle).</summary>
    public static (TimeBand Band, SpeedOverrides? Overrides) RoadProfile(Scenario scenario, TravelMode mode)
    {
        var band = TimeBand.OffPeak;
        if (scenario.Network?.TimeBand is { } bandText && !TimeBands.TryParse(bandText, out band))
        {
            throw new InputFileException(scenario.FilePath ?? "scenario", null, "network.timeBand", $"unknown time band '{bandText}'; valid: {TimeBands.ValidNames}");
        }
        SpeedOverrides? overrides = null;
        if (mode == TravelMode.Car && !string.IsNullOrWhiteSpace(scenario.Network?.Speeds))
        {
            overrides = SpeedOverrides.Load(scenario.Resolve(scenario.Network.Speeds));
        }
        return (band, overrides);
    }

    public static TravelMatrix Transit(Scenario scenario, StreetNetwork network, ZoneTable zones, SiteTable sites,
        RunOptions options, IProgress<string> progress, out string detail)
    {
        var file = scenario.FilePath ?? "scenario";
        var spec = scenario.Transit;
        if (spec is null || spec.Gtfs.Count == 0)
        {
            throw new InputFileException(file, null, "transit.gtfs", $"mode 'transit' needs \"transit\": {{ \"gtfs\": [\"feed.zip\"], \"date\": \"yyyy-MM-dd\", \"window\": \"{DepartureWindow.DefaultText}\" }}");
        }
        if (!DateOnly.TryParseExact(spec.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputFileException(file, null, "transit.date", $"'{spec.Date}' is not a date like 2024-03-05");
        }
        var windowText = spec.Window ?? DepartureWindow.DefaultText;
        if (!DepartureWindow.TryParse(windowText, out var window, out var windowError))
        {
            throw new InputFileException(file, null, "transit.window", windowError);
        }
        // No fares file = the embedded England defaults, as in `geo matrix --mode transit` (never a flat fare instead).
        var fares = string.IsNullOrWhiteSpace(spec.Fares) ? FareModel.Default : FareModel.Load(scenario.Resolve(spec.Fares));
        var transitOptions = new TransitOptions
        {
            Gtfs = [.. spec.Gtfs.Select(scenario.Resolve)],
            Date = date,
            Window = window,
            Percentiles = [50],
            Fares = fares,
            MaxTripMinutes = spec.MaxMinutes ?? TransitMatrixRequest.DefaultMaxTripMinutes,
        };
        if (spec.MaxWalkMinutes is { } maxWalk)
        {
            transitOptions = transitOptions with { MaxWalkMinutes = maxWalk };
        }
        var job = Job(scenario, network, zones, sites, options) with { Mode = MatrixMode.Transit, Transit = transitOptions };
        var (stage, collector) = RunWhole(file, job, progress, "transit");
        var transit = (TransitMatrixStage)stage;
        var interchanges = Masked(collector, collector.Column("interchanges")!);
        var fareValues = Masked(collector, collector.Column("fare_gbp")!);
        var unsnappedOrigins = Array.ConvertAll(transit.OriginSnaps, s => !s.IsOk);
        var unsnappedDestinations = Array.ConvertAll(transit.DestinationSnaps, s => !s.IsOk);
        var matrix = new TravelMatrix("transit", zones.Codes, SiteIds(sites), collector.Minutes)
        {
            Interchanges = interchanges,
            Fares = fareValues,
            UnsnappedOrigins = unsnappedOrigins,
            UnsnappedDestinations = unsnappedDestinations,
            Source = "transit routing (median over " + windowText + ")",
        };
        detail = Describe(matrix, unsnappedOrigins, unsnappedDestinations)
            + $"; {transit.Network.Timetable.TripInstanceCount:N0} trips on {date:yyyy-MM-dd}, {transit.Network.LinkedStopCount}/{transit.Network.Timetable.StopCount} stops linked, {transit.Issues.TotalCount} GTFS issues";
        return matrix;
    }

    /// <summary>The job every mode of a run shares: zones to sites on the loaded network, the scenario's snap limit.</summary>
    private static MatrixJob Job(Scenario scenario, StreetNetwork network, ZoneTable zones, SiteTable sites, RunOptions options)
    {
        var origins = new MatrixPoint[zones.Count];
        for (var i = 0; i < origins.Length; i++)
        {
            origins[i] = new MatrixPoint(zones.Codes[i], zones.Points[i]);
        }
        var destinations = new MatrixPoint[sites.Count];
        for (var i = 0; i < destinations.Length; i++)
        {
            destinations[i] = new MatrixPoint(sites[i].Id, sites[i].Point);
        }
        return new MatrixJob
        {
            Mode = MatrixMode.Car,
            Network = network,
            Origins = origins,
            Destinations = destinations,
            MaxSnapMetres = scenario.Network?.MaxSnapMetres ?? DefaultMaxSnapMetres,
            Threads = options.Threads ?? 0,
        };
    }

    /// <summary>Runs a job into memory (the appraisal needs every pair), refused up front when it cannot fit.</summary>
    private static (IMatrixStage Stage, MatrixCollector Collector) RunWhole(string file, MatrixJob job, IProgress<string> progress, string name)
    {
        var estimate = MatrixMemory.Estimate(job, wholeTable: true);
        if (!estimate.Fits)
        {
            throw new InputFileException(file, null, "zones", estimate.Message);
        }
        var stage = MatrixPipeline.Open(job, null, s => progress.Report($"{name}: {s}"));
        progress.Report($"{name}: matrix");
        var collector = new MatrixCollector();
        MatrixPipeline.Run(stage, collector, estimate.OriginsPerBatch);
        return (stage, collector);
    }

    /// <summary>A column's values where the pair is ok, NaN elsewhere.</summary>
    private static double[] Masked(MatrixCollector collector, double[] values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = collector.Status[i] == PairStatus.Ok ? values[i] : double.NaN;
        }
        return result;
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
