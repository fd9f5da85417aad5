using Geo.Core;

using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Isochrones;

/// <summary>
/// Isochrone step 1 (no geometry library): one bounded Dijkstra from a snapped point, then for each threshold every edge
/// leaving a reached vertex, whole when its far end is reached in time, else cut at the fraction reachable. The polygon
/// step (buffer and union) happens at the output boundary.
/// </summary>
public static class IsochroneSearch
{
    /// <param name="graph">Mode graph the seeds belong to.</param>
    /// <param name="snappedPoint">Where the start point lies on the street (the seeds lead from it).</param>
    /// <param name="seeds">Outbound snap seeds of the start point.</param>
    /// <param name="thresholdsMs">Thresholds in milliseconds (any order, each &gt; 0).</param>
    public static IReadOnlyList<ReachedSegments> Run(ModeGraph graph, GeoPoint snappedPoint, ReadOnlySpan<SnapSeed> seeds, IReadOnlyList<int> thresholdsMs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(thresholdsMs);
        if (thresholdsMs.Count == 0)
        {
            throw new ArgumentException("At least one threshold is needed.", nameof(thresholdsMs));
        }
        var max = 0;
        foreach (var t in thresholdsMs)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
            max = Math.Max(max, t);
        }
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, seeds, max, space);
        var vertexMs = new int[graph.VertexCount];
        Array.Fill(vertexMs, TravelTime.Unreached);
        foreach (var u in space.Settled)
        {
            vertexMs[u] = space.DurationMs(u);
        }
        return Segments(graph, snappedPoint, seeds, 0, space.Settled, vertexMs, thresholdsMs);
    }

    /// <summary>
    /// The reached street pieces for each threshold from times already known per vertex (e.g. a transit percentile):
    /// every edge leaving a vertex of <paramref name="reached"/>, whole or cut at the fraction reachable in the time left.
    /// </summary>
    /// <param name="startMs">Added to each seed's duration (e.g. the straight walk from the point to the street).</param>
    /// <param name="reached">Vertices whose time in <paramref name="vertexMs"/> may be within a threshold.</param>
    /// <param name="vertexMs">Milliseconds to every vertex, <see cref="TravelTime.Unreached"/> where not reached.</param>
    public static IReadOnlyList<ReachedSegments> Segments(ModeGraph graph, GeoPoint snappedPoint, ReadOnlySpan<SnapSeed> seeds, int startMs,
        ReadOnlySpan<int> reached, int[] vertexMs, IReadOnlyList<int> thresholdsMs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(vertexMs);
        ArgumentNullException.ThrowIfNull(thresholdsMs);
        var lat = graph.VertexLatE7;
        var lon = graph.VertexLonE7;
        var result = new ReachedSegments[thresholdsMs.Count];
        var coordinates = new List<double>();
        for (var i = 0; i < thresholdsMs.Count; i++)
        {
            var threshold = thresholdsMs[i];
            coordinates.Clear();
            foreach (var seed in seeds)
            {
                var seedMs = (long)seed.DurationMs + startMs;
                if (startMs > threshold)
                {
                    break;
                }
                var share = seedMs <= threshold ? 1.0 : Math.Max(0, threshold - startMs) / (double)Math.Max(1, seed.DurationMs);
                Add(coordinates, snappedPoint.Lon, snappedPoint.Lat, lon[seed.Vertex] / 1e7, lat[seed.Vertex] / 1e7, share);
            }
            foreach (var u in reached)
            {
                var at = vertexMs[u];
                if (at > threshold)
                {
                    continue;
                }
                var uLon = lon[u] / 1e7;
                var uLat = lat[u] / 1e7;
                for (var e = graph.FirstEdge[u]; e < graph.FirstEdge[u + 1]; e++)
                {
                    var v = graph.EdgeTarget[e];
                    var duration = graph.EdgeDurationMs[e];
                    var left = threshold - at;
                    var share = duration <= left ? 1.0 : left / (double)duration;
                    // Skip this direction when the street is drawn whole from its other end (once, if whole both ways).
                    if ((share < 1.0 || v < u) && vertexMs[v] <= threshold
                        && (long)vertexMs[v] + EdgeDuration(graph, v, u) <= threshold)
                    {
                        continue;
                    }
                    Add(coordinates, uLon, uLat, lon[v] / 1e7, lat[v] / 1e7, share);
                }
            }
            result[i] = new ReachedSegments(threshold, [.. coordinates]);
        }
        return result;
    }

    /// <summary>Duration of the edge from → to, or <see cref="TravelTime.Unreached"/> when there is none.</summary>
    private static long EdgeDuration(ModeGraph graph, int from, int to)
    {
        for (var e = graph.FirstEdge[from]; e < graph.FirstEdge[from + 1]; e++)
        {
            if (graph.EdgeTarget[e] == to)
            {
                return graph.EdgeDurationMs[e];
            }
        }
        return TravelTime.Unreached;
    }

    private static void Add(List<double> coordinates, double lon0, double lat0, double lon1, double lat1, double share)
    {
        // share 0 is a vertex reached exactly at the threshold: drawn as a point (within T means <= T).
        if (share < 0)
        {
            return;
        }
        coordinates.Add(lon0);
        coordinates.Add(lat0);
        coordinates.Add(lon0 + ((lon1 - lon0) * share));
        coordinates.Add(lat0 + ((lat1 - lat0) * share));
    }
}
