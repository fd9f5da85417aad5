namespace Geo.Catchment.Scoring;

/// <summary>Outcome for one zone in one option, mode and service. String forms (results contract): ok, unreachable, unsnapped.</summary>
public enum ZoneStatus : byte
{
    /// <summary>An open site providing the service is reachable.</summary>
    Ok = 0,
    /// <summary>No open site providing the service can be reached.</summary>
    Unreachable = 1,
    /// <summary>The zone could not be snapped to the network for this mode.</summary>
    Unsnapped = 2,
}
