using Geo.Routing.Geometry;

namespace Geo.Routing.Streets;

/// <summary>
/// A point snapped onto the nearest routable edge of a mode graph.
/// <see cref="Outbound"/>: leaving the point along the edge to reach a vertex (seed an origin's forward search).
/// <see cref="Inbound"/>: from a vertex along the edge to the point (seed a destination / backward search).
/// Up to two seeds each (one per direction the edge can be travelled). On failure both are empty and
/// <see cref="EdgeIndex"/> is -1; for TooFar <see cref="DistanceMetres"/> is the nearest segment met within the search (which stops near the snap limit), or +infinity.
/// </summary>
public sealed record SnapResult(
    SnapStatus Status,
    double DistanceMetres,
    GeoPoint SnappedPoint,
    SnapSeed[] Outbound,
    SnapSeed[] Inbound,
    int EdgeIndex,
    double Fraction)
{
    public bool IsOk => Status == SnapStatus.Ok;

    internal static SnapResult Invalid { get; } = new(SnapStatus.InvalidCoordinate, double.NaN, default, [], [], -1, double.NaN);
}
