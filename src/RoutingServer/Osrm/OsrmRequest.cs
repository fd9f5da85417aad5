using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.RoutingServer.Osrm;

/// <summary>
/// A parsed request: service (table, route, nearest), travel mode from the profile segment, coordinates in lon,lat order,
/// and the options as given (query string, or the members of a POSTed JSON body turned into the same text forms).
/// A transit profile sets <see cref="Transit"/> (its street mode is walk).
/// </summary>
public sealed class OsrmRequest(string service, TravelMode mode, GeoPoint[] coordinates, IReadOnlyDictionary<string, string> options, bool transit = false)
{
    public bool Transit { get; } = transit;

    public string Service { get; } = service;
    public TravelMode Mode { get; } = mode;
    public GeoPoint[] Coordinates { get; } = coordinates;
    public IReadOnlyDictionary<string, string> Options { get; } = options;

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
