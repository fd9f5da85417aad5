using Geo.Core;
using System.Collections.Concurrent;
using System.Diagnostics;
using Geo.Catchment.Inputs;
using Geo.Cli.Commands;
using Geo.Cluster.Jobs;
using Geo.Routing.Jobs;
using Geo.Routing.Output;
using Geo.Routing.Streets;

namespace Geo.Cli.ClusterMatrix;

/// <summary>
/// The cluster's shard computation through the library matrix pipeline that <c>geo matrix</c> uses
/// (<see cref="MatrixPipeline.Open"/>, <see cref="IMatrixStage.ComputeRows"/>, the Parquet sink), with the job's options
/// parsed exactly as <c>geo matrix</c> parses them, so the union of a job's shards equals <c>geo matrix</c> value for
/// value. Per silo, each street network is loaded once and each job's stage (snapped points, per-destination tables,
/// timetable) is opened once and shared by all shard grains.
/// </summary>
public sealed class MatrixShardComputer(int threads) : IMatrixShardComputer
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _loaded = new(StringComparer.Ordinal);

    public int CountOrigins(MatrixJobSpec spec, string dataFolder) => Origins(JobSettings.ToMatrixSettings(spec, dataFolder, threads)).Count;

    public IRoutedShard Route(MatrixJobSpec spec, string dataFolder, int originStart, int originEnd)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var started = Stopwatch.GetTimestamp();
        var stage = Stage(spec, dataFolder);
        var opened = Stopwatch.GetTimestamp();
        MatrixBatch batch;
        lock (stage)
        {
            batch = stage.ComputeRows(originStart, originEnd);
        }
        return new RoutedShard(stage.Layout, batch, Ms(started, opened), Ms(opened, Stopwatch.GetTimestamp()));
    }

    private sealed class RoutedShard(MatrixLayout layout, MatrixBatch batch, long stageMs, long routeMs) : IRoutedShard
    {
        public long Rows => batch.PairCount;
        public long StageMs => stageMs;
        public long RouteMs => routeMs;

        public void Write(string parquetPath)
        {
            using var sink = MatrixFiles.Create(parquetPath, wide: false);
            sink.Begin(layout);
            sink.Write(batch);
            sink.Complete();
        }
    }

    private static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private IMatrixStage Stage(MatrixJobSpec spec, string dataFolder)
    {
        // What the rows depend on (not the job id, output folder or shard size): jobs over the same inputs share a stage.
        var key = "stage|" + dataFolder + "|" + Geo.Cluster.Store.ClusterStore.ToJson(spec with { JobId = "", OutputFolder = "", ShardOrigins = 1, LeaseSeconds = 2 });
        return Load(key, () =>
        {
            var settings = JobSettings.ToMatrixSettings(spec, dataFolder, threads);
            MatrixModes.TryParse(settings.Mode, out var mode);
            var job = new MatrixJob
            {
                Mode = mode,
                NetworkPath = settings.Network,
                Network = Load("streets|" + settings.Network, () => StreetNetwork.Load(settings.Network!)),
                Origins = MatrixCommand.Points(Origins(settings)),
                Destinations = MatrixCommand.Points(Load($"points|{settings.Destinations}|{spec.DestinationIdColumn}",
                    () => PointFileReader.Read(settings.Destinations!, settings.DestinationColumns()))),
                MaxSnapMetres = settings.MaxSnapMetres,
                Threads = settings.Threads,
                Road = mode == MatrixMode.Transit ? new RoadOptions() : MatrixCommand.ParseRoad(settings),
                Transit = mode == MatrixMode.Transit ? MatrixCommand.ParseTransit(settings) : null,
            };
            return MatrixPipeline.Open(job);
        });
    }

    private IReadOnlyList<NamedPoint> Origins(MatrixCommand.Settings settings) =>
        Load($"points|{settings.Origins}|{settings.OriginId}", () => PointFileReader.Read(settings.Origins!, settings.OriginColumns()));

    private T Load<T>(string key, Func<T> load) where T : class =>
        (T)_loaded.GetOrAdd(key, _ => new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
