using Geo.Routing.Multimodal;
using Geo.Routing.Transit.Fares;

namespace Geo.Routing.Jobs;

/// <summary>
/// Options of a walk + public transport matrix job (r5's): feeds and date, the departure window, percentiles of the
/// per-minute travel times, and the journey limits. The limits' defaults are <see cref="TransitMatrixRequest"/>'s.
/// </summary>
public sealed record TransitOptions
{
    /// <summary>GTFS zips, read together.</summary>
    public IReadOnlyList<string> Gtfs { get; init; } = [];

    public required DateOnly Date { get; init; }

    public DepartureWindow Window { get; init; } = DepartureWindow.Default;

    /// <summary>1 to 5 ascending percentiles (1-99) of the window's travel times; the status follows the median.</summary>
    public IReadOnlyList<int> Percentiles { get; init; } = TransitMatrixRequest.DefaultPercentiles;

    public int MaxRides { get; init; } = TransitMatrixRequest.DefaultMaxRides;

    /// <summary>Longest access, egress or walk-only walk (minutes at the profile's walk speed).</summary>
    public double MaxWalkMinutes { get; init; } = TransitMatrixRequest.DefaultMaxWalkMinutes;

    /// <summary>Longer journeys are unreachable (minutes).</summary>
    public int MaxTripMinutes { get; init; } = TransitMatrixRequest.DefaultMaxTripMinutes;

    /// <summary>Fare model for the median journey's fare; null for none.</summary>
    public FareModel? Fares { get; init; }

    /// <summary>Compute the median journey's breakdown (walk, wait, in-vehicle, boardings, interchanges, fare).</summary>
    public bool JourneyDetails { get; init; } = true;

    /// <summary>An already linked transit network (server, silo); null = read <see cref="Gtfs"/> for <see cref="Date"/>.</summary>
    public TransitNetwork? Network { get; init; }

    public void Validate()
    {
        if (Network is null && Gtfs.Count == 0)
        {
            throw new ArgumentException("A transit matrix job needs at least one GTFS feed.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(Window.Minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Window.Minutes, DepartureWindow.MaxMinutes);
    }
}
