using Geo.Cluster.Jobs;

namespace Geo.Cluster.Grains;

/// <summary>Computes one leased shard on the silo that calls it (key = job/shard/attempt, placed locally).</summary>
public interface IShardGrain : IGrainWithStringKey
{
    [ResponseTimeout("7.00:00:00")]
    Task<ShardResult> ComputeAsync(ShardLease lease, string silo);
}
