using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Geo.Samples;

/// <summary>
/// Zone polygons: the Voronoi cells of the zone points (NetTopologySuite), computed in the local metre plane and
/// clipped to the region rectangle, then converted to WGS84 rings (exterior counter-clockwise, RFC 7946).
/// </summary>
internal static class ZoneBoundaryBuilder
{
    /// <summary>One ring of (lon, lat) pairs per zone, in the order of <paramref name="zones"/>, closed (first = last).</summary>
    public static IReadOnlyList<(double Lon, double Lat)[]> Build(IReadOnlyList<SampleZone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var factory = new GeometryFactory(new PrecisionModel(10)); // 0.1 m grid keeps the cells deterministic and clean
        var region = new Envelope(-RegionBuilder.HalfWidthMetres, RegionBuilder.HalfWidthMetres, -RegionBuilder.HalfHeightMetres, RegionBuilder.HalfHeightMetres);
        var regionPolygon = factory.ToGeometry(region);
        var sites = new List<Coordinate>(zones.Count);
        foreach (var z in zones)
        {
            sites.Add(new Coordinate(z.XMetres, z.YMetres));
        }
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = region };
        builder.SetSites(sites);
        var diagram = builder.GetDiagram(factory);

        var rings = new List<(double, double)[]>(zones.Count);
        foreach (var z in zones)
        {
            var cell = CellOf(diagram, z);
            var clipped = cell.Intersection(regionPolygon);
            if (clipped is not Polygon polygon || polygon.IsEmpty)
            {
                throw new InvalidOperationException($"the Voronoi cell of zone {z.ZoneId} is not a single polygon");
            }
            var coordinates = polygon.ExteriorRing.Coordinates;
            var ring = new List<(double Lon, double Lat)>(coordinates.Length);
            foreach (var c in coordinates)
            {
                var point = (LocalProjection.Lon(c.X), LocalProjection.Lat(c.Y));
                if (ring.Count == 0 || ring[^1] != point)
                {
                    ring.Add(point);
                }
            }
            if (SignedArea(ring) < 0)
            {
                ring.Reverse();
            }
            rings.Add([.. ring]);
        }
        return rings;
    }

    private static Geometry CellOf(GeometryCollection diagram, SampleZone zone)
    {
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            if (cell.UserData is Coordinate site && Math.Abs(site.X - zone.XMetres) < 0.5 && Math.Abs(site.Y - zone.YMetres) < 0.5)
            {
                return cell;
            }
        }
        throw new InvalidOperationException($"no Voronoi cell for zone {zone.ZoneId}");
    }

    private static double SignedArea(List<(double Lon, double Lat)> ring)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            sum += ring[i].Lon * ring[i + 1].Lat - ring[i + 1].Lon * ring[i].Lat;
        }
        return sum / 2;
    }
}
