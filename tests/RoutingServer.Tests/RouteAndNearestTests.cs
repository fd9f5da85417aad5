using System.Net;
using System.Text.Json;
using Geo.Routing.Geometry;
using Geo.RoutingServer.Osrm;
using NUnit.Framework;

namespace Geo.RoutingServer.Tests;

[TestFixture]
public sealed class RouteAndNearestTests : ServerFixture
{
    /// <summary>
    /// A route has OSRM's documented shape, its duration and distance equal the table's for the same pair, its legs add
    /// up, and its geometry (all three encodings) runs from the first snapped waypoint to the last through network vertices.
    /// </summary>
    [TestCase("polyline")]
    [TestCase("polyline6")]
    [TestCase("geojson")]
    public async Task Route_ThreePoints_AgreesWithTableAndHasGeometry(string geometries)
    {
        var points = new[] { SampleServer.Zones()[3], SampleServer.Sites()[1], SampleServer.Zones()[70] };
        var list = SampleServer.CoordinateList(points);
        var (status, json) = await GetAsync($"route/v1/driving/{list}?overview=full&geometries={geometries}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var (_, table) = await GetAsync($"table/v1/driving/{list}?annotations=duration,distance");

        Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("Ok"));
        var route = json.GetProperty("routes")[0];
        Assert.That(route.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "geometry", "legs", "weight_name", "weight", "duration", "distance" }));
        var legs = route.GetProperty("legs");
        Assert.That(legs.GetArrayLength(), Is.EqualTo(2));
        for (var i = 0; i < 2; i++)
        {
            Assert.That(legs[i].GetProperty("duration").GetDouble(), Is.EqualTo(table.GetProperty("durations")[i][i + 1].GetDouble()), $"leg {i} duration = table");
            Assert.That(legs[i].GetProperty("distance").GetDouble(), Is.EqualTo(table.GetProperty("distances")[i][i + 1].GetDouble()), $"leg {i} distance = table");
        }
        Assert.That(route.GetProperty("duration").GetDouble(),
            Is.EqualTo(legs[0].GetProperty("duration").GetDouble() + legs[1].GetProperty("duration").GetDouble()).Within(0.0011));

        var line = Decode(route.GetProperty("geometry"), geometries);
        var waypoints = json.GetProperty("waypoints");
        Assert.That(waypoints.GetArrayLength(), Is.EqualTo(3));
        var tolerance = geometries == "polyline" ? 1e-5 : 1e-6;
        AssertNear(line[0], Location(waypoints[0]), tolerance);
        AssertNear(line[^1], Location(waypoints[2]), tolerance);
        Assert.That(line.Count, Is.GreaterThan(3));
        // A line through the network: the length of the drawn line is the route's distance within rounding.
        var drawn = 0.0;
        for (var i = 1; i < line.Count; i++)
        {
            drawn += GeoPoint.DistanceMetres(line[i - 1], line[i]);
        }
        Assert.That(drawn, Is.EqualTo(route.GetProperty("distance").GetDouble()).Within(0.5).Percent);
    }

    /// <summary>
    /// Road geometry: every vertex of the network is an OSM node of a way (consecutive way nodes make the edges, nothing is
    /// merged), so a route follows the roads when its line runs edge by edge. Between the two snapped ends, each pair of
    /// consecutive points of a long route is an edge of the car graph: the hierarchy's shortcuts are unpacked to the
    /// original edges, never drawn straight.
    /// </summary>
    [Test]
    public async Task Route_Geometry_RunsEdgeByEdgeThroughOsmNodes()
    {
        var points = new[] { SampleServer.Zones()[0], SampleServer.Zones()[99] };
        var (status, json) = await GetAsync($"route/v1/driving/{SampleServer.CoordinateList(points)}?overview=full&geometries=geojson");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var line = Decode(json.GetProperty("routes")[0].GetProperty("geometry"), "geojson");
        var graph = SampleServer.Engine.For(Routing.Streets.TravelMode.Car).Graph;
        var vertexAt = new Dictionary<(long, long), List<int>>();
        for (var v = 0; v < graph.VertexCount; v++)
        {
            var key = ((long)Math.Round(graph.VertexLonE7[v] / 10.0), (long)Math.Round(graph.VertexLatE7[v] / 10.0)); // GeoJSON locations have 6 decimals
            if (!vertexAt.TryGetValue(key, out var list))
            {
                vertexAt[key] = list = [];
            }
            list.Add(v);
        }
        List<int> At(GeoPoint p) => vertexAt.TryGetValue(((long)Math.Round(p.Lon * 1e6), (long)Math.Round(p.Lat * 1e6)), out var v) ? v : [];
        Assert.That(line.Count, Is.GreaterThan(20), "a route across the region");
        for (var i = 1; i + 2 < line.Count; i++)
        {
            var from = At(line[i]);
            var to = At(line[i + 1]);
            Assert.That(from, Is.Not.Empty, $"point {i} is a network vertex (an OSM node)");
            var isEdge = from.Any(u => Enumerable.Range(graph.FirstEdge[u], graph.FirstEdge[u + 1] - graph.FirstEdge[u]).Any(e => to.Contains(graph.EdgeTarget[e])));
            Assert.That(isEdge, Is.True, $"points {i} -> {i + 1} are one edge (one OSM segment), not a straight shortcut");
        }
    }

    [Test]
    public async Task Route_OverviewFalse_HasNoGeometry()
    {
        var (_, json) = await GetAsync($"route/v1/car/{SampleServer.CoordinateList(SampleServer.Zones().Take(2))}?overview=false");
        Assert.That(json.GetProperty("routes")[0].TryGetProperty("geometry", out _), Is.False);
    }

    [Test]
    public async Task Nearest_OnePoint_HasOsrmShapeAndOsmNodes()
    {
        var point = SampleServer.Zones()[0];
        var (status, json) = await GetAsync($"nearest/v1/foot/{SampleServer.CoordinateList([point])}?number=1");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var waypoint = json.GetProperty("waypoints")[0];
        Assert.That(waypoint.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "nodes", "hint", "distance", "name", "location" }));
        var nodes = waypoint.GetProperty("nodes");
        Assert.That(nodes.GetArrayLength(), Is.EqualTo(2));
        // The sample's node ids start at 1000001 (data-samples/README.md).
        Assert.That(nodes[0].GetInt64(), Is.GreaterThanOrEqualTo(1_000_001));
        Assert.That(nodes[1].GetInt64(), Is.GreaterThanOrEqualTo(1_000_001));
        var snapped = Location(waypoint);
        Assert.That(GeoPoint.DistanceMetres(point, snapped), Is.EqualTo(waypoint.GetProperty("distance").GetDouble()).Within(0.5));
        Assert.That(waypoint.GetProperty("distance").GetDouble(), Is.LessThan(300), "zone points are within 300 m of a road");
    }

    private static GeoPoint Location(JsonElement waypoint) =>
        new(waypoint.GetProperty("location")[0].GetDouble(), waypoint.GetProperty("location")[1].GetDouble());

    private static void AssertNear(GeoPoint actual, GeoPoint expected, double tolerance)
    {
        Assert.That(actual.Lon, Is.EqualTo(expected.Lon).Within(tolerance));
        Assert.That(actual.Lat, Is.EqualTo(expected.Lat).Within(tolerance));
    }

    private static List<GeoPoint> Decode(JsonElement geometry, string geometries)
    {
        if (geometries == "geojson")
        {
            Assert.That(geometry.GetProperty("type").GetString(), Is.EqualTo("LineString"));
            return geometry.GetProperty("coordinates").EnumerateArray().Select(c => new GeoPoint(c[0].GetDouble(), c[1].GetDouble())).ToList();
        }
        Assert.That(Polyline.TryDecode(geometry.GetString()!, geometries == "polyline6" ? 6 : 5, out var points), Is.True);
        return [.. points];
    }
}
