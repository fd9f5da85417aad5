using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>Options of <see cref="RoadMatrixComputer"/>.</summary>
public sealed record RoadMatrixOptions
{
    /// <summary>Time band for car speeds (ignored for walk and cycle).</summary>
    public TimeBand Band { get; init; } = TimeBand.OffPeak;

    /// <summary>Car speed overrides, or null.</summary>
    public SpeedOverrides? Overrides { get; init; }

    /// <summary>Short name of the overrides (e.g. a hash of the file) used in the cache file name; null = "overrides".</summary>
    public string? OverridesKey { get; init; }

    /// <summary>Points farther than this from a routable street are unsnapped (metres). Default 1000.</summary>
    public double MaxSnapMetres { get; init; } = Snapper.DefaultMaxSnapMetres;

    /// <summary>Pairs slower than this are unreached; default no limit.</summary>
    public int MaxDurationMs { get; init; } = TravelTime.Unreached;

    /// <summary>Add the straight-line <see cref="OffNetworkLeg"/> from each point to its snapped point (default true; false = times between snapped points, as OSRM reports).</summary>
    public bool OffNetworkLegs { get; init; } = true;

    /// <summary>Worker threads; 0 = all cores. Results never depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>The .geonet file the network came from: the contraction hierarchy is cached beside it. Null = no file cache.</summary>
    public string? NetworkPath { get; init; }

    public ContractionOptions? Contraction { get; init; }

    /// <summary>Called at each stage ("snapping", "loading hierarchy" or "contracting", "targets", "matrix").</summary>
    public Action<string>? Stage { get; init; }

    /// <summary>Told when a cached hierarchy is refused (damaged, other version) and rebuilt; null = reported through <see cref="Stage"/>.</summary>
    public Action<string>? Warning { get; init; }

    /// <summary>Called with the number of origins just finished (from worker threads).</summary>
    public Action<int>? Progress { get; init; }
}
