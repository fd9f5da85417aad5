namespace Geo.Cluster.Jobs;

/// <summary>One row of geo_cluster_shard: a shard's state, lease and, once done, its verified output.</summary>
public sealed class ShardRecord
{
    public required string JobId { get; init; }
    public required int Shard { get; init; }
    public required int OriginStart { get; init; }
    public required int OriginEnd { get; init; }
    public string State { get; set; } = ShardState.Pending;
    /// <summary>The silo holding the lease or that wrote the file (Orleans silo address).</summary>
    public string? Silo { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    /// <summary>Leases handed out so far.</summary>
    public int Attempts { get; set; }
    /// <summary>Results accepted (a finished shard that is skipped on resume keeps its count).</summary>
    public int Computed { get; set; }
    public long Rows { get; set; }
    public long Bytes { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>The silo's whole time on the shard (the sum of <see cref="Timings"/> and a little bookkeeping).</summary>
    public long ComputeMs { get; set; }
    public ShardTimings Timings { get; set; } = ShardTimings.None;
    /// <summary>The job grain's time reading the file back to check its SHA-256.</summary>
    public long VerifyMs { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    public int OriginCount => OriginEnd - OriginStart;

    /// <summary>A new job's shards, all pending.</summary>
    public static List<ShardRecord> ForNewJob(MatrixJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Enumerable.Range(0, spec.ShardCount).Select(i =>
        {
            var (start, end) = spec.ShardOriginRange(i);
            return new ShardRecord { JobId = spec.JobId, Shard = i, OriginStart = start, OriginEnd = end };
        }).ToList();
    }
}

/// <summary>One row of geo_cluster_job.</summary>
public sealed record JobRecord(MatrixJobSpec Spec, string State, string? Error, DateTime CreatedUtc);
