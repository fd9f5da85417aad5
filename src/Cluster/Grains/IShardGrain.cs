using Geo.Cluster.Jobs;

namespace Geo.Cluster.Grains;

/// <summary>
/// Computes one leased shard on the silo that calls it (key = job/shard/attempt, placed locally), in two calls so the
/// silo can route the next shard while this one is written: <see cref="RouteAsync"/>, then <see cref="WriteAsync"/>.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Checks the job's inputs and routes the shard; the rows stay in this activation. A result with an error if it failed.</summary>
    [ResponseTimeout("7.00:00:00")]
    Task<ShardResult> RouteAsync(ShardLease lease, string silo);

    /// <summary>Writes the rows <paramref name="routed"/> reported as part-NNNNN.parquet (atomically): its size, SHA-256 and timings.</summary>
    [ResponseTimeout("7.00:00:00")]
    Task<ShardResult> WriteAsync(ShardLease lease, ShardResult routed);
}
