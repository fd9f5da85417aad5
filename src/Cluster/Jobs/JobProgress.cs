namespace Geo.Cluster.Jobs;

/// <summary>A job's progress for <c>geo cluster status</c>: shards done, per-silo throughput, ETA.</summary>
[GenerateSerializer, Immutable]
public sealed record JobProgress
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string State { get; init; }
    [Id(2)] public string? Error { get; init; }
    [Id(3)] public int ShardCount { get; init; }
    [Id(4)] public int ShardsDone { get; init; }
    [Id(5)] public int ShardsRunning { get; init; }
    [Id(6)] public int OriginCount { get; init; }
    [Id(7)] public int OriginsDone { get; init; }
    [Id(8)] public SiloThroughput[] Silos { get; init; } = [];
    /// <summary>Seconds to finish at the summed per-silo rates; null before any shard is done.</summary>
    [Id(9)] public double? EtaSeconds { get; init; }
    [Id(10)] public string OutputFolder { get; init; } = string.Empty;

    public static JobProgress From(JobRecord job, IReadOnlyList<ShardRecord> shards)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(shards);
        var done = shards.Where(s => s.State == ShardState.Done).ToList();
        var silos = done.Where(s => s.Silo is not null).GroupBy(s => s.Silo!).Select(g =>
        {
            var origins = g.Sum(s => s.OriginCount);
            var computeSeconds = g.Sum(s => s.ComputeMs) / 1000.0;
            return new SiloThroughput(g.Key, g.Count(), origins, computeSeconds > 0 ? origins / computeSeconds : 0);
        }).OrderBy(s => s.Silo, StringComparer.Ordinal).ToArray();
        var originsDone = done.Sum(s => s.OriginCount);
        var rate = silos.Sum(s => s.OriginsPerSecond);
        var remaining = job.Spec.OriginCount - originsDone;
        return new JobProgress
        {
            JobId = job.Spec.JobId,
            State = job.State,
            Error = job.Error,
            ShardCount = shards.Count,
            ShardsDone = done.Count,
            ShardsRunning = shards.Count(s => s.State == ShardState.Running),
            OriginCount = job.Spec.OriginCount,
            OriginsDone = originsDone,
            Silos = silos,
            EtaSeconds = remaining == 0 ? 0 : rate > 0 ? remaining / rate : null,
            OutputFolder = job.Spec.OutputFolder,
        };
    }
}

/// <summary>Shards and origins a silo finished, and its rate (origins per second of shard computation).</summary>
[GenerateSerializer, Immutable]
public sealed record SiloThroughput(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Shards,
    [property: Id(2)] int Origins,
    [property: Id(3)] double OriginsPerSecond);
