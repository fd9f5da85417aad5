using Geo.Routing.Streets;

namespace Geo.Routing.Jobs;

/// <summary>
/// One origin-destination matrix to compute, whatever the front door (geo matrix, geo run, the routing server, a cluster
/// silo): the network, the mode, the points, and the options of the mode. Defaults live here and in
/// <see cref="RoadOptions"/> / <see cref="TransitOptions"/>, once; front doors only fill them. See <see cref="MatrixPipeline"/>.
/// </summary>
public sealed record MatrixJob
{
    public required MatrixMode Mode { get; init; }
    public required IReadOnlyList<MatrixPoint> Origins { get; init; }
    public required IReadOnlyList<MatrixPoint> Destinations { get; init; }

    /// <summary>The .geonet file; road hierarchies are cached beside it. Needed unless <see cref="Network"/> is given.</summary>
    public string? NetworkPath { get; init; }

    /// <summary>An already loaded street network (a server or silo keeps it in memory); null = load <see cref="NetworkPath"/>.</summary>
    public StreetNetwork? Network { get; init; }

    /// <summary>A point farther than this from a routable street is reported as unsnapped (metres).</summary>
    public double MaxSnapMetres { get; init; } = Snapper.DefaultMaxSnapMetres;

    /// <summary>Worker threads; 0 = all cores. Results never depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Origins per batch handed to the sink; 0 = chosen from the memory budget. Results never depend on it.</summary>
    public int OriginsPerBatch { get; init; }

    public RoadOptions Road { get; init; } = new();

    /// <summary>Required for <see cref="MatrixMode.Transit"/>.</summary>
    public TransitOptions? Transit { get; init; }

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Origins);
        ArgumentNullException.ThrowIfNull(Destinations);
        if (Network is null && string.IsNullOrWhiteSpace(NetworkPath))
        {
            throw new ArgumentException("A matrix job needs a network (NetworkPath or Network).");
        }
        if (!(MaxSnapMetres >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSnapMetres), "must be 0 or more");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
        ArgumentOutOfRangeException.ThrowIfNegative(OriginsPerBatch);
        if (Mode == MatrixMode.Transit)
        {
            (Transit ?? throw new ArgumentException("A transit matrix job needs Transit options (GTFS, date, window).")).Validate();
        }
    }
}
