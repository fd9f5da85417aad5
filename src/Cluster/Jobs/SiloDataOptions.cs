namespace Geo.Cluster.Jobs;

/// <summary>Where this silo finds job inputs, and how many shards it computes at once.</summary>
public sealed class SiloDataOptions
{
    public required string DataFolder { get; init; }

    /// <summary>Shards computed at the same time (each uses all its threads). Default 1.</summary>
    public int Slots { get; init; } = 1;

    /// <summary>
    /// Shards of a slot written at once while the slot routes the next (each holds its rows in memory until written).
    /// Default 1; more help when writing Parquet takes longer than routing (car matrices) and memory allows.
    /// </summary>
    public int Writers { get; init; } = 1;

    /// <summary>How often an idle silo looks for running jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
