namespace Geo.Cluster.Jobs;

/// <summary>
/// Where a shard's time went on its silo, in milliseconds (stored per shard in geo_cluster_shard, so the overhead of
/// sharding can be measured with SQL): checking the job's inputs, waiting for the job's stage (opened by the first
/// shard of a job on a silo, then shared), routing the origin range, writing the Parquet file and hashing it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardTimings
{
    [Id(0)] public long CheckMs { get; init; }
    [Id(1)] public long StageMs { get; init; }
    [Id(2)] public long RouteMs { get; init; }
    [Id(3)] public long WriteMs { get; init; }
    [Id(4)] public long HashMs { get; init; }

    public static readonly ShardTimings None = new();
}
