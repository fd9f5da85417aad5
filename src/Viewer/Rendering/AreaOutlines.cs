using Geo.Viewer.Results;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Local authority boundaries dissolved from the zone polygons, without a geometry library: every ring edge of a zone that
/// no other zone of the same local authority shares. Neighbouring ONS polygons share their vertices, so an edge inside a
/// local authority appears twice and drops out. Zones are keyed by <c>local_authority_code</c>, else <c>local_authority</c>.
/// </summary>
internal static class AreaOutlines
{
    public const string CodeProperty = "local_authority_code";
    public const string NameProperty = "local_authority";

    /// <summary>Vertex coordinates are compared at 1e-7 degrees (about 1 cm), the precision of the zone files.</summary>
    private const double Scale = 1e7;

    /// <summary>The local authority of a zone (code, else name), or null.</summary>
    public static string? AuthorityOf(GeoFeature zone) => zone.GetString(CodeProperty) ?? zone.GetString(NameProperty);

    /// <summary>Boundary segments (lon1, lat1, lon2, lat2), each once, in a stable order; empty without polygons or authorities.</summary>
    public static List<(double Lon1, double Lat1, double Lon2, double Lat2)> LocalAuthorityEdges(IReadOnlyList<GeoFeature> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var uses = new Dictionary<(string Authority, long X1, long Y1, long X2, long Y2), int>();
        var order = new List<(string Authority, long X1, long Y1, long X2, long Y2)>();
        foreach (var zone in zones)
        {
            if (zone.Kind != GeoGeometryKind.Polygon || AuthorityOf(zone) is not { } authority)
            {
                continue;
            }
            foreach (var ring in zone.Parts)
            {
                var n = ring.Length / 2;
                for (var i = 0; i < n; i++)
                {
                    var j = (i + 1) % n;
                    var a = (X: Key(ring[2 * i]), Y: Key(ring[(2 * i) + 1]));
                    var b = (X: Key(ring[2 * j]), Y: Key(ring[(2 * j) + 1]));
                    if (a == b)
                    {
                        continue; // the closing vertex repeats the first
                    }
                    // Undirected: the smaller end first, so both neighbours' copies of an edge get the same key.
                    var key = a.X < b.X || (a.X == b.X && a.Y < b.Y) ? (authority, a.X, a.Y, b.X, b.Y) : (authority, b.X, b.Y, a.X, a.Y);
                    if (uses.TryGetValue(key, out var count))
                    {
                        uses[key] = count + 1;
                    }
                    else
                    {
                        uses[key] = 1;
                        order.Add(key);
                    }
                }
            }
        }
        var seen = new HashSet<(long, long, long, long)>();
        var edges = new List<(double, double, double, double)>();
        foreach (var key in order)
        {
            if (uses[key] == 1 && seen.Add((key.X1, key.Y1, key.X2, key.Y2)))
            {
                edges.Add((key.X1 / Scale, key.Y1 / Scale, key.X2 / Scale, key.Y2 / Scale));
            }
        }
        return edges;
    }

    private static long Key(double degrees) => (long)Math.Round(degrees * Scale);
}
