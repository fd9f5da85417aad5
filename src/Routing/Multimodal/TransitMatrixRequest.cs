using Geo.Routing.Geometry;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;

namespace Geo.Routing.Multimodal;

/// <summary>
/// A walk + public transport matrix request. Depart-at mode (ArriveBySeconds null): one departure per minute from
/// WindowStartSeconds for WindowMinutes minutes; the travel time of a minute includes waiting at the origin.
/// Arrive-by mode: for each of the WindowMinutes minutes ending at ArriveBySeconds (inclusive), the time needed to
/// arrive by that minute = deadline minus the latest departure (on whole minutes) that arrives in time.
/// Either way the per-minute times are summarised as percentiles (nearest rank).
/// </summary>
public sealed record TransitMatrixRequest
{
    public const int DefaultWindowMinutes = 60;
    public const int DefaultMaxRides = 4;
    public const double DefaultMaxWalkMinutes = 20;
    public const int DefaultMaxTripMinutes = 180;
    public static IReadOnlyList<int> DefaultPercentiles { get; } = [25, 50, 75];

    public required IReadOnlyList<GeoPoint> Origins { get; init; }
    public required IReadOnlyList<GeoPoint> Destinations { get; init; }
    /// <summary>First departure, seconds after service-day midnight (depart-at mode).</summary>
    public int WindowStartSeconds { get; init; } = 7 * 3600;
    public int WindowMinutes { get; init; } = DefaultWindowMinutes;
    /// <summary>Latest deadline in arrive-by mode, seconds after midnight; null for depart-at.</summary>
    public int? ArriveBySeconds { get; init; }
    /// <summary>1 to 5 percentiles in 1..99, ascending.</summary>
    public IReadOnlyList<int> Percentiles { get; init; } = DefaultPercentiles;
    public int MaxRides { get; init; } = DefaultMaxRides;
    /// <summary>Maximum walk for access, egress and the direct walk (minutes, at the profile's walk speed).</summary>
    public double MaxWalkMinutes { get; init; } = DefaultMaxWalkMinutes;
    /// <summary>Times longer than this are reported as unreachable.</summary>
    public int MaxTripMinutes { get; init; } = DefaultMaxTripMinutes;
    /// <summary>Origins/destinations farther than this from a walkable street are unsnapped.</summary>
    public double MaxSnapMetres { get; init; } = Snapper.DefaultMaxSnapMetres;
    /// <summary>Compute the breakdown (walk, wait, in-vehicle, boardings, fare) of the median journey.</summary>
    public bool JourneyDetails { get; init; } = true;
    /// <summary>
    /// Test reference only: reconstruct each depart-at median journey with a fresh RAPTOR run at its departure rather than
    /// from the replayed range-RAPTOR state (same times, journeys checked equal in value).
    /// </summary>
    internal bool BreakdownBySingleRuns { get; init; }
    /// <summary>Fare model for the median journey's fare; null for no fares.</summary>
    public FareModel? Fares { get; init; }
    /// <summary>Worker threads; null = all cores. Results do not depend on it.</summary>
    public int? Threads { get; init; }

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Origins);
        ArgumentNullException.ThrowIfNull(Destinations);
        ArgumentNullException.ThrowIfNull(Percentiles);
        if (Percentiles.Count is < 1 or > 5)
        {
            throw new ArgumentException("Between 1 and 5 percentiles are required.", nameof(Percentiles));
        }
        for (var i = 0; i < Percentiles.Count; i++)
        {
            if (Percentiles[i] is < 1 or > 99 || (i > 0 && Percentiles[i] <= Percentiles[i - 1]))
            {
                throw new ArgumentException("Percentiles must be ascending integers between 1 and 99.", nameof(Percentiles));
            }
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WindowMinutes, 24 * 60);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRides, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRides, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxWalkMinutes);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTripMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSnapMetres);
        ArgumentOutOfRangeException.ThrowIfNegative(WindowStartSeconds);
        if (ArriveBySeconds is { } a)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(a, 0, nameof(ArriveBySeconds));
        }
    }
}
