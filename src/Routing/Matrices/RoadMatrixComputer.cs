using Geo.Routing.Contraction;
using Geo.Routing.Geometry;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// The in-memory road matrix: snap origins and destinations, find or build the contraction hierarchy of the mode graph
/// (cached beside the network file when <see cref="RoadMatrixOptions.NetworkPath"/> is set), run <see cref="ManyToManyCh"/>.
/// For origin ranges (batches, shards) use <see cref="RoadMatrixRows"/>. Journeys include the straight-line
/// <see cref="OffNetworkLeg"/> at each end (point to snapped point) unless <see cref="RoadMatrixOptions.OffNetworkLegs"/> is off;
/// The OSRM-compatible server uses <see cref="RoadMatrixRows"/> over points it snapped itself: times between snapped points, as OSRM reports.
/// </summary>
public static class RoadMatrixComputer
{
    public static RoadMatrixResult Compute(StreetNetwork network, TravelMode mode, IReadOnlyList<GeoPoint> origins,
        IReadOnlyList<GeoPoint> destinations, RoadMatrixOptions? options = null)
    {
        var rows = new RoadMatrixRows(network, mode, origins, destinations, options);
        options?.Stage?.Invoke("matrix");
        var matrix = rows.Compute(0, rows.OriginCount, options?.Progress);
        return new RoadMatrixResult(matrix, rows.OriginSnaps, rows.DestinationSnaps, rows.HierarchyFromCache);
    }

    /// <summary>The contraction hierarchy of a mode (from memory, the cache file beside the network, or built).</summary>
    public static ContractedGraph Hierarchy(StreetNetwork network, TravelMode mode, TimeBand band, string? variant, ModeGraph graph,
        RoadMatrixOptions options, out bool fromCache)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Hierarchy(network.SourceHash, mode, band, variant, graph, options, out fromCache);
    }

    /// <summary>
    /// As above, given only the network's <see cref="StreetNetwork.SourceHash"/>: lets a caller free the rest of the network
    /// (the other modes' graphs, nodes and ways) before a large contraction.
    /// </summary>
    public static ContractedGraph Hierarchy(string networkSourceHash, TravelMode mode, TimeBand band, string? variant, ModeGraph graph,
        RoadMatrixOptions options, out bool fromCache)
    {
        ArgumentNullException.ThrowIfNull(networkSourceHash);
        ArgumentNullException.ThrowIfNull(options);
        var hash = ContractedGraphCache.InputHash(graph, $"{networkSourceHash}|{mode.ToName()}|{band.ToName()}|{variant}");
        var path = options.NetworkPath is null ? null : ContractedGraphCache.CachePath(options.NetworkPath, mode.ToName(), band.ToName(), variant);
        options.Stage?.Invoke(path is not null && ContractedGraph.IsCachedFor(path, hash) ? "loading hierarchy" : "contracting");
        var warning = options.Warning ?? (message => options.Stage?.Invoke("warning: " + message));
        return ContractedGraphCache.GetOrBuild(graph, hash, path, options.Contraction, out fromCache, warning);
    }
}
