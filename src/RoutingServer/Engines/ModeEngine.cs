using Geo.RoutingServer.Osrm;
using System.Collections.Concurrent;
using Geo.Routing.Contraction;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Paths;
using Geo.Routing.Streets;

namespace Geo.RoutingServer.Engines;

/// <summary>
/// Everything one travel mode needs to answer requests, loaded once: the graph, its snapper, its contraction hierarchy
/// with the many-to-many and path searches over it, and a pool of path-search states (one per concurrent request).
/// </summary>
public sealed class ModeEngine
{
    private readonly ConcurrentBag<PathSearch> _pathSearches = [];

    internal ModeEngine(StreetNetwork network, TravelMode mode, ModeGraph graph, ContractedGraph hierarchy)
    {
        Network = network;
        Mode = mode;
        Graph = graph;
        Snapper = network.CreateSnapper(mode, graph);
        Matrix = new ManyToManyCh(hierarchy);
        Paths = new ChPathFinder(hierarchy);
    }

    public StreetNetwork Network { get; }
    public TravelMode Mode { get; }
    public ModeGraph Graph { get; }
    public Snapper Snapper { get; }
    public ManyToManyCh Matrix { get; }
    public ChPathFinder Paths { get; }

    /// <summary>Snaps every coordinate within its radius; the first that cannot snap is a NoSegment error.</summary>
    public SnapResult[] SnapAll(IReadOnlyList<GeoPoint> coordinates, double[] radiiMetres, CancellationToken cancellation)
    {
        var snaps = new SnapResult[coordinates.Count];
        Parallel.For(0, snaps.Length, new ParallelOptions { CancellationToken = cancellation }, i => snaps[i] = Snapper.Snap(coordinates[i], radiiMetres[i]));
        for (var i = 0; i < snaps.Length; i++)
        {
            if (!snaps[i].IsOk)
            {
                throw new OsrmError(OsrmError.NoSegment, $"Could not find a matching segment for coordinate {i} within {Radius(radiiMetres[i])}.");
            }
        }
        return snaps;
    }

    private static string Radius(double metres) => metres == double.MaxValue ? "any distance" : metres.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " m";

    public PathSearch RentPathSearch() => _pathSearches.TryTake(out var search) ? search : Paths.CreateSearch();

    public void ReturnPathSearch(PathSearch search) => _pathSearches.Add(search);

    /// <summary>The vertex an edge leaves (binary search of the CSR offsets).</summary>
    public int EdgeSource(int edge)
    {
        var first = Graph.FirstEdge;
        int lo = 0, hi = Graph.VertexCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= edge)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public GeoPoint VertexPoint(int vertex) => new(Graph.VertexLonE7[vertex] / 1e7, Graph.VertexLatE7[vertex] / 1e7);
}
