using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.Routing.Multimodal;

/// <summary>Everything the workers of one transit matrix share, read-only once built: the request, the snaps, the egress table.</summary>
internal sealed class TransitMatrixContext
{
    public TransitMatrixContext(TransitNetwork network, TransitMatrixRequest request)
    {
        Network = network;
        Request = request;
        MaxWalkMs = (int)Math.Min(int.MaxValue / 2, Math.Round(request.MaxWalkMinutes * 60_000));
        MaxTripSeconds = request.MaxTripMinutes * 60;
        OriginSnaps = SnapAll(network, request.Origins, request.MaxSnapMetres);
        DestinationSnaps = SnapAll(network, request.Destinations, request.MaxSnapMetres);
        Egress = new EgressTable(network, DestinationSnaps, MaxWalkMs);
        Rides = request.JourneyDetails && request.Fares is not null ? new RideTables(network) : null;
    }

    public TransitNetwork Network { get; }
    public TransitMatrixRequest Request { get; }
    public int MaxWalkMs { get; }
    public int MaxTripSeconds { get; }
    public SnapResult[] OriginSnaps { get; }
    public SnapResult[] DestinationSnaps { get; }
    public EgressTable Egress { get; }
    /// <summary>Fare inputs per agency and stop-time segment (only with a breakdown and a fare model).</summary>
    public RideTables? Rides { get; }

    private static SnapResult[] SnapAll(TransitNetwork network, IReadOnlyList<GeoPoint> points, double maxSnapMetres)
    {
        var r = new SnapResult[points.Count];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = network.Snap(points[i], maxSnapMetres);
        }
        return r;
    }
}
