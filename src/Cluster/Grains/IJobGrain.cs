using Geo.Cluster.Jobs;

namespace Geo.Cluster.Grains;

/// <summary>
/// The coordinator of one job (key = job id): hands out shard leases, accepts verified results, keeps the manifest.
/// Orleans keeps one activation in the cluster; its state lives in PostgreSQL, so when its silo dies the next call
/// re-activates it on a live silo from the stored state.
/// </summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Creates the job, or resumes it if it exists with the same spec (checks its written shards again).</summary>
    Task<JobProgress> SubmitAsync(MatrixJobSpec spec);

    /// <summary>Re-checks every written shard's file (missing or checksum differs: recomputed) and continues a failed job.</summary>
    Task<JobProgress> ResumeAsync();

    /// <summary>The next shard for <paramref name="silo"/>, or null when none is waiting (or the job is not running).</summary>
    Task<ShardLease?> LeaseAsync(string silo);

    /// <summary>Extends a lease; false if the shard is no longer this silo's (then the silo may stop working on it).</summary>
    Task<bool> RenewAsync(string silo, int shard, int attempt);

    Task CompleteAsync(ShardResult result);

    Task<JobProgress?> GetProgressAsync();
}
