namespace Geo.Cluster.Jobs;

/// <summary>States of a shard (stored as these lower-case names in geo_cluster_shard.state).</summary>
public static class ShardState
{
    public const string Pending = "pending";
    public const string Running = "running";
    /// <summary>Written, and its SHA-256 re-read and checked; listed in the manifest.</summary>
    public const string Done = "done";
}

/// <summary>States of a job (geo_cluster_job.state).</summary>
public static class JobState
{
    public const string Running = "running";
    public const string Done = "done";
    /// <summary>Stopped by a fatal error (see geo_cluster_job.error); <c>geo cluster resume</c> continues it.</summary>
    public const string Failed = "failed";
}
