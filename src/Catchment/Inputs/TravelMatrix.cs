namespace Geo.Catchment.Inputs;

/// <summary>
/// Origin-by-destination travel times for one mode, row-major (row = origin). The common currency of appraisal,
/// placement and accessibility: filled from a <c>geo matrix</c> output, an external matrix file (TRACC, r5, Valhalla)
/// or computed in memory. A missing route is <see cref="double.NaN"/> minutes, never 0.
/// </summary>
public sealed class TravelMatrix
{
    public TravelMatrix(string mode, IReadOnlyList<string> originIds, IReadOnlyList<string> destinationIds, double[] minutes)
    {
        ArgumentNullException.ThrowIfNull(originIds);
        ArgumentNullException.ThrowIfNull(destinationIds);
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Length != originIds.Count * destinationIds.Count)
        {
            throw new ArgumentException("minutes must hold one value per origin-destination pair.", nameof(minutes));
        }
        Mode = mode;
        OriginIds = originIds;
        DestinationIds = destinationIds;
        Minutes = minutes;
    }

    public string Mode { get; }
    public IReadOnlyList<string> OriginIds { get; }
    public IReadOnlyList<string> DestinationIds { get; }
    public int OriginCount => OriginIds.Count;
    public int DestinationCount => DestinationIds.Count;

    /// <summary>Minutes, row-major; NaN where there is no route.</summary>
    public double[] Minutes { get; }
    /// <summary>Kilometres along the fastest route, row-major; null when the source gave none.</summary>
    public double[]? Kilometres { get; init; }
    /// <summary>Interchanges (public transport), row-major; null for road modes.</summary>
    public double[]? Interchanges { get; init; }
    /// <summary>Fare in pounds (public transport), row-major; null when unknown.</summary>
    public double[]? Fares { get; init; }

    /// <summary>Origins that could not be snapped to the network (every pair unreachable for that reason); null when unknown.</summary>
    public bool[]? UnsnappedOrigins { get; init; }
    /// <summary>Destinations that could not be snapped to the network; null when unknown.</summary>
    public bool[]? UnsnappedDestinations { get; init; }
    /// <summary>Where the matrix came from (a file path, or e.g. "car routing"), for error messages.</summary>
    public string? Source { get; init; }

    public double MinutesAt(int origin, int destination) => Minutes[origin * DestinationIds.Count + destination];

    public ReadOnlySpan<double> Row(int origin) => Minutes.AsSpan(origin * DestinationIds.Count, DestinationIds.Count);
}
