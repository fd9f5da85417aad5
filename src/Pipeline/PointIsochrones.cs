using Geo.Routing.Geometry;
using Geo.Routing.Isochrones;
using Geo.Routing.Streets;
using NetTopologySuite.Geometries;

namespace Geo.Pipeline;

/// <summary>
/// One point's isochrones: its snap, the streets reached within each threshold and their polygons (both null when the point
/// did not snap). The one path from points to isochrone bands for <c>geo isochrone</c> and <c>geo run</c>'s isochrones.
/// </summary>
public sealed record PointIsochrones(string Id, SnapResult Snap, IReadOnlyList<ReachedSegments>? Reached, Geometry[]? Polygons)
{
    /// <summary>
    /// Snaps every point and searches from each that snaps (in order: a search reuses its own state), then draws the polygons
    /// (the slow part) in parallel, each into its own slot, so the result does not depend on the thread count.
    /// </summary>
    public static PointIsochrones[] Compute(IReadOnlyList<(string Id, GeoPoint Point)> points, Func<GeoPoint, SnapResult> snap,
        Func<SnapResult, IReadOnlyList<ReachedSegments>> search, double bufferMetres)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(snap);
        ArgumentNullException.ThrowIfNull(search);
        var results = new PointIsochrones[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var snapped = snap(points[i].Point);
            results[i] = new PointIsochrones(points[i].Id, snapped, snapped.IsOk ? search(snapped) : null, null);
        }
        Parallel.For(0, results.Length, i =>
        {
            var r = results[i];
            if (r.Reached is not null)
            {
                var origin = r.Snap.SnappedPoint;
                results[i] = r with { Polygons = [.. r.Reached.Select(s => IsochroneGeoJsonWriter.Polygon(s, origin.Lon, origin.Lat, bufferMetres))] };
            }
        });
        return results;
    }

    /// <summary>The GeoJSON bands: one per threshold for a point that snapped, one with no geometry and status unsnapped otherwise.</summary>
    public static List<IsochroneGeoJsonWriter.Band> Bands(IEnumerable<PointIsochrones> results, IReadOnlyList<double> minutes)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(minutes);
        var bands = new List<IsochroneGeoJsonWriter.Band>();
        foreach (var r in results)
        {
            var snapMetres = double.IsFinite(r.Snap.DistanceMetres) ? Math.Round(r.Snap.DistanceMetres, 1) : (double?)null;
            if (r.Polygons is null)
            {
                bands.Add(new IsochroneGeoJsonWriter.Band(r.Id, null, null, "unsnapped", snapMetres));
                continue;
            }
            for (var i = 0; i < minutes.Count; i++)
            {
                bands.Add(new IsochroneGeoJsonWriter.Band(r.Id, minutes[i], r.Polygons[i], "ok", snapMetres));
            }
        }
        return bands;
    }
}
