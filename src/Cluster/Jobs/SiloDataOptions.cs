namespace Geo.Cluster.Jobs;

/// <summary>Where this silo finds job inputs, and how many shards it computes at once.</summary>
public sealed class SiloDataOptions
{
    public required string DataFolder { get; init; }

    /// <summary>Shards computed at the same time (each uses all its threads). Default 1.</summary>
    public int Slots { get; init; } = 1;

    /// <summary>How often an idle silo looks for running jobs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
