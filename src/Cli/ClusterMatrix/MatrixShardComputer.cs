using System.Collections.Concurrent;
using System.Globalization;
using Geo.Catchment.Inputs;
using Geo.Core;
using Geo.Cli.Commands;
using Geo.Cli.Output;
using Geo.Cluster.Jobs;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Cli.ClusterMatrix;

/// <summary>
/// The cluster's shard computation over the same library calls as <c>geo matrix</c> (RoadMatrixComputer,
/// TransitMatrixComputer, MatrixFileWriter), so the union of a job's shards equals <c>geo matrix</c> value for value.
/// Points, street networks and transit networks are loaded once per silo and shared by all its shard grains.
/// (Adapter: to be replaced by the library matrix-job API with an origin-shard entry point when it lands.)
/// </summary>
public sealed class MatrixShardComputer(int threads) : IMatrixShardComputer
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _loaded = new(StringComparer.Ordinal);

    public int CountOrigins(MatrixJobSpec spec, string dataFolder) => Origins(spec, dataFolder).Count;

    public long WriteShard(MatrixJobSpec spec, string dataFolder, int originStart, int originEnd, string parquetPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var settings = JobSettings.ToMatrixSettings(spec, dataFolder, threads);
        var allOrigins = Origins(spec, dataFolder);
        var origins = allOrigins.Skip(originStart).Take(originEnd - originStart).ToArray();
        var destinations = Load($"points|{settings.Destinations}|{spec.DestinationIdColumn}", () => PointFileReader.Read(settings.Destinations!, settings.DestinationColumns()));
        var table = JobSettings.IsTransit(spec.Mode)
            ? Transit(settings, origins, destinations)
            : Road(settings, origins, destinations);
        MatrixFileWriter.Write(parquetPath, table, wide: false);
        return table.PairCount;
    }

    private IReadOnlyList<NamedPoint> Origins(MatrixJobSpec spec, string dataFolder)
    {
        var settings = JobSettings.ToMatrixSettings(spec, dataFolder, threads);
        return Load($"points|{settings.Origins}|{spec.OriginIdColumn}", () => PointFileReader.Read(settings.Origins!, settings.OriginColumns()));
    }

    private MatrixTable Road(MatrixCommand.Settings settings, NamedPoint[] origins, IReadOnlyList<NamedPoint> destinations)
    {
        TravelModes.TryParse(settings.Mode, out var mode);
        TimeBands.TryParse(settings.TimeBand, out var band);
        var streets = Load("streets|" + settings.Network, () => StreetNetwork.Load(settings.Network!));
        // The same options as geo matrix (MatrixCommand), so the values are the same.
        var result = RoadMatrixComputer.Compute(streets, mode, origins.Select(p => p.Point).ToArray(), destinations.Select(p => p.Point).ToArray(), new RoadMatrixOptions
        {
            Band = band,
            MaxSnapMetres = settings.MaxSnapMetres,
            MaxDurationMs = settings.MaxMinutes is { } m ? (int)Math.Round(m * 60_000) : TravelTime.Unreached,
            Threads = settings.Threads,
            NetworkPath = settings.Network,
        });
        return MatrixCommand.ToTable(origins, destinations, result);
    }

    private MatrixTable Transit(MatrixCommand.Settings settings, NamedPoint[] origins, IReadOnlyList<NamedPoint> destinations)
    {
        var (windowStart, windowMinutes, arriveBy) = TransitMatrixRunner.ParseWindow(settings);
        var date = DateOnly.ParseExact(settings.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var network = Load($"transit|{settings.Network}|{string.Join('|', settings.Gtfs)}|{settings.Date}", () =>
        {
            var streets = Load("streets|" + settings.Network, () => StreetNetwork.Load(settings.Network!));
            var issues = new IssueLog();
            var feed = GtfsReader.Read(settings.Gtfs.Select(p => new GtfsSource(p)).ToArray(), issues);
            return TransitNetwork.Build(streets, TimetableBuilder.Build(feed, date, issues));
        });
        // The same request as geo matrix --mode transit (TransitMatrixRunner).
        var request = new TransitMatrixRequest
        {
            Origins = origins.Select(p => p.Point).ToArray(),
            Destinations = destinations.Select(p => p.Point).ToArray(),
            WindowStartSeconds = windowStart,
            WindowMinutes = windowMinutes,
            ArriveBySeconds = arriveBy,
            Percentiles = TransitMatrixRunner.ParsePercentiles(settings.Percentiles),
            MaxRides = settings.MaxRides,
            MaxWalkMinutes = settings.MaxWalkMinutes,
            MaxTripMinutes = settings.MaxMinutes is { } m ? (int)Math.Ceiling(m) : 180,
            MaxSnapMetres = settings.MaxSnapMetres,
            Fares = FareModel.Default,
            Threads = settings.Threads == 0 ? null : settings.Threads,
        };
        var result = TransitMatrixComputer.Compute(network, request);
        return TransitMatrixRunner.ToTable(origins.Select(p => p.Id).ToArray(), destinations.Select(p => p.Id).ToArray(), result);
    }

    private T Load<T>(string key, Func<T> load) where T : class =>
        (T)_loaded.GetOrAdd(key, _ => new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
