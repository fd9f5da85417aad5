using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Routing.Jobs;

/// <summary>Options of a car, walk or cycle matrix job.</summary>
public sealed record RoadOptions
{
    /// <summary>Car time band (ignored for walk and cycle).</summary>
    public TimeBand Band { get; init; } = TimeBand.OffPeak;

    /// <summary>Car speed overrides, or null for the profile speeds.</summary>
    public SpeedOverrides? Overrides { get; init; }

    /// <summary>Short name of the overrides (e.g. a hash of the file) used in the hierarchy cache file name.</summary>
    public string? OverridesKey { get; init; }

    /// <summary>Pairs slower than this are unreachable; default no limit.</summary>
    public int MaxDurationMs { get; init; } = TravelTime.Unreached;

    /// <summary>Add the straight line from each point to its snapped point (default); false = times between snapped points, as OSRM reports.</summary>
    public bool OffNetworkLegs { get; init; } = true;

    public ContractionOptions? Contraction { get; init; }
}
