namespace Geo.Cluster.Jobs;

/// <summary>A shard handed to a silo: origins [<see cref="OriginStart"/>, <see cref="OriginEnd"/>) of the job.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardLease(
    [property: Id(0)] MatrixJobSpec Spec,
    [property: Id(1)] int Shard,
    [property: Id(2)] int Attempt,
    [property: Id(3)] int OriginStart,
    [property: Id(4)] int OriginEnd);

/// <summary>
/// What a silo reports for a leased shard: the written file's rows, bytes and SHA-256, or an error.
/// A fatal error (inputs differ from the job's, output not writable) stops the job; others re-queue the shard.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardResult
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required int Shard { get; init; }
    [Id(2)] public required int Attempt { get; init; }
    [Id(3)] public required string Silo { get; init; }
    [Id(4)] public long Rows { get; init; }
    [Id(5)] public long Bytes { get; init; }
    [Id(6)] public string? Sha256 { get; init; }
    /// <summary>The silo's whole time on the shard: input check, stage, routing, write and hash.</summary>
    [Id(7)] public long ComputeMs { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public bool Fatal { get; init; }
    /// <summary>Where <see cref="ComputeMs"/> went on the silo.</summary>
    [Id(10)] public ShardTimings Timings { get; init; } = ShardTimings.None;

    public bool Ok => Error is null;
}
