using Geo.Routing.Geometry;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Optional positions and names for <see cref="PlacementWriter"/>: per problem zone and per problem site (same order as the
/// matrix origins and destinations). Null entries (or null lists) simply leave geometry out.
/// </summary>
public sealed record PlacementGeography
{
    public IReadOnlyList<GeoPoint?>? ZonePoints { get; init; }
    public IReadOnlyList<GeoPoint?>? SitePoints { get; init; }
    public IReadOnlyList<string?>? SiteNames { get; init; }
}
