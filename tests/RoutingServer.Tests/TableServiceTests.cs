using Geo.Core;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Geo.Routing.Geometry;
using Geo.Routing.Jobs;
using Geo.Routing.Matrices;
using Geo.Routing.Output;
using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.RoutingServer.Tests;

/// <summary>The table service against OSRM's documented response shape and against the library's own matrix.</summary>
[TestFixture]
public sealed class TableServiceTests : ServerFixture
{
    [TestCase("driving", TravelMode.Car)]
    [TestCase("car", TravelMode.Car)]
    [TestCase("walking", TravelMode.Walk)]
    [TestCase("foot", TravelMode.Walk)]
    [TestCase("cycling", TravelMode.Cycle)]
    [TestCase("bike", TravelMode.Cycle)]
    public async Task Table_SourcesAndDestinations_EqualLibraryMatrixExactly(string profile, TravelMode mode)
    {
        var zones = SampleServer.Zones().Take(40).ToArray();
        var sites = SampleServer.Sites().ToArray();
        var url = $"table/v1/{profile}/{SampleServer.CoordinateList(zones.Concat(sites))}"
            + $"?sources={string.Join(';', Enumerable.Range(0, zones.Length))}"
            + $"&destinations={string.Join(';', Enumerable.Range(zones.Length, sites.Length))}&annotations=duration,distance";
        var (status, json) = await GetAsync(url);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());

        // geo matrix's own entry point (MatrixPipeline) on the same points; OSRM reports times between snapped points: the
        // job without its off-network legs (RoadOptions.OffNetworkLegs, geo matrix's only difference).
        var job = new MatrixJob
        {
            Mode = Enum.Parse<MatrixMode>(mode.ToString()),
            Network = SampleServer.Network,
            Origins = [.. zones.Select((p, i) => new MatrixPoint("Z" + i, p))],
            Destinations = [.. sites.Select((p, i) => new MatrixPoint("S" + i, p))],
            Road = new RoadOptions { OffNetworkLegs = false },
        };
        var stage = (RoadMatrixStage)MatrixPipeline.Open(job);
        var expected = new MatrixCollector();
        MatrixPipeline.Run(stage, expected, zones.Length);
        var durations = json.GetProperty("durations");
        var distances = json.GetProperty("distances");
        Assert.That(durations.GetArrayLength(), Is.EqualTo(zones.Length));
        for (var o = 0; o < zones.Length; o++)
        {
            Assert.That(durations[o].GetArrayLength(), Is.EqualTo(sites.Length));
            for (var d = 0; d < sites.Length; d++)
            {
                var pair = (o * sites.Length) + d;
                Assert.That(expected.Status[pair], Is.EqualTo(PairStatus.Ok), "the sample region is connected");
                Assert.That(Math.Round(durations[o][d].GetDouble() * 1000), Is.EqualTo(Math.Round(expected.Minutes[pair] * 60_000)), $"duration {o}->{d}");
                Assert.That(Math.Round(distances[o][d].GetDouble() * 1000), Is.EqualTo(Math.Round(expected.Kilometres![pair] * 1_000_000)), $"distance {o}->{d}");
            }
        }
        for (var i = 0; i < zones.Length; i++)
        {
            var location = json.GetProperty("sources")[i].GetProperty("location");
            Assert.That(location[0].GetDouble(), Is.EqualTo(stage.OriginSnaps[i].SnappedPoint.Lon).Within(1e-6), "lon first");
            Assert.That(location[1].GetDouble(), Is.EqualTo(stage.OriginSnaps[i].SnappedPoint.Lat).Within(1e-6));
            Assert.That(json.GetProperty("sources")[i].GetProperty("distance").GetDouble(), Is.EqualTo(stage.OriginSnaps[i].DistanceMetres).Within(1e-3));
        }
    }

    /// <summary>Points on street vertices (no off-network leg either way): the server's table equals geo matrix with its defaults.</summary>
    [Test]
    public async Task Table_PointsOnVertices_EqualGeoMatrixDefaults()
    {
        var graph = SampleServer.Engine.For(TravelMode.Car).Graph;
        var points = Enumerable.Range(0, 30).Select(i => (i * 7919) % graph.VertexCount)
            .Select(v => new GeoPoint(graph.VertexLonE7[v] / 1e7, graph.VertexLatE7[v] / 1e7)).ToArray();
        var (status, json) = await GetAsync($"table/v1/driving/{SampleServer.CoordinateList(points)}?annotations=duration,distance");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var named = points.Select((p, i) => new MatrixPoint("P" + i, p)).ToArray();
        var expected = new MatrixCollector();
        MatrixPipeline.Run(new MatrixJob { Mode = MatrixMode.Car, Network = SampleServer.Network, Origins = named, Destinations = named }, expected, sinkHoldsWholeTable: true);
        var compared = 0;
        for (var o = 0; o < points.Length; o++)
        {
            for (var d = 0; d < points.Length; d++)
            {
                var pair = (o * points.Length) + d;
                var cell = json.GetProperty("durations")[o][d];
                if (expected.Status[pair] != PairStatus.Ok)
                {
                    Assert.That(cell.ValueKind, Is.EqualTo(JsonValueKind.Null), $"{o}->{d} {expected.Status[pair]}");
                    continue;
                }
                compared++;
                Assert.That(Math.Round(cell.GetDouble() * 1000), Is.EqualTo(Math.Round(expected.Minutes[pair] * 60_000)), $"duration {o}->{d}");
                Assert.That(Math.Round(json.GetProperty("distances")[o][d].GetDouble() * 1000), Is.EqualTo(Math.Round(expected.Kilometres![pair] * 1_000_000)), $"distance {o}->{d}");
            }
        }
        Assert.That(compared, Is.GreaterThan(800));
    }

    /// <summary>The shape of OSRM's documented table example: code, durations (n x n, seconds), sources and destinations waypoints.</summary>
    [Test]
    public async Task Table_DefaultOptions_HasOsrmDocumentedShape()
    {
        var points = SampleServer.Zones().Take(3).ToArray();
        var (status, json) = await GetAsync($"table/v1/driving/{SampleServer.CoordinateList(points)}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "durations", "sources", "destinations" }),
            "annotations defaults to duration only");
        Assert.That(json.GetProperty("code").GetString(), Is.EqualTo("Ok"));
        var durations = json.GetProperty("durations");
        Assert.That(durations.GetArrayLength(), Is.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(durations[i].GetArrayLength(), Is.EqualTo(3));
            Assert.That(durations[i][i].GetDouble(), Is.Zero, "a point to itself");
            var waypoint = json.GetProperty("sources")[i];
            Assert.That(waypoint.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "hint", "distance", "name", "location" }));
            Assert.That(waypoint.GetProperty("location").GetArrayLength(), Is.EqualTo(2));
        }
        Assert.That(durations[0][1].GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Table_PostJsonBody_EqualsGet()
    {
        var points = SampleServer.Zones().Take(12).ToArray();
        var (_, get) = await GetAsync($"table/v1/car/{SampleServer.CoordinateList(points)}?sources=0;1;2&annotations=duration,distance");
        var body = JsonSerializer.Serialize(new
        {
            coordinates = points.Select(p => new[] { p.Lon, p.Lat }),
            sources = new[] { 0, 1, 2 },
            annotations = new[] { "duration", "distance" },
        });
        var (status, post) = await PostAsync("table/v1/car", body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), post.ToString());
        Assert.That(post.ToString(), Is.EqualTo(get.ToString()));
        Assert.That(post.GetProperty("durations").GetArrayLength(), Is.EqualTo(3));
        Assert.That(post.GetProperty("durations")[0].GetArrayLength(), Is.EqualTo(12));
    }

    [Test]
    public async Task Table_ScaleFactor_MultipliesDurationsOnly()
    {
        var points = SampleServer.Zones().Take(5).ToArray();
        var list = SampleServer.CoordinateList(points);
        var (_, plain) = await GetAsync($"table/v1/car/{list}?annotations=duration,distance");
        var (_, scaled) = await GetAsync($"table/v1/car/{list}?annotations=duration,distance&scale_factor=2.5");
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var ms = Math.Round(plain.GetProperty("durations")[i][j].GetDouble() * 1000);
                Assert.That(Math.Round(scaled.GetProperty("durations")[i][j].GetDouble() * 1000), Is.EqualTo(Math.Round(ms * 2.5)));
                Assert.That(scaled.GetProperty("distances")[i][j].GetDouble(), Is.EqualTo(plain.GetProperty("distances")[i][j].GetDouble()));
            }
        }
    }

    [Test]
    public async Task Table_DistanceOnly_HasNoDurations()
    {
        var (_, json) = await GetAsync($"table/v1/car/{SampleServer.CoordinateList(SampleServer.Zones().Take(2))}?annotations=distance&generate_hints=false&fallback_speed=10");
        Assert.That(json.TryGetProperty("durations", out _), Is.False);
        Assert.That(json.GetProperty("distances").GetArrayLength(), Is.EqualTo(2));
        Assert.That(json.TryGetProperty("fallback_speed_cells", out _), Is.False, "every pair has a route");
        Assert.That(json.GetProperty("sources")[0].TryGetProperty("hint", out _), Is.False, "generate_hints=false");
    }

    /// <summary>The number formatting: thousandths with trailing zeros trimmed, parsed back exactly by JSON readers.</summary>
    [TestCase(0L, "0")]
    [TestCase(1500L, "1.5")]
    [TestCase(2000L, "2")]
    [TestCase(123456L, "123.456")]
    [TestCase(1001L, "1.001")]
    [TestCase(7L, "0.007")]
    public void WriteThousandths_FormatsLikeOsrmNumbers(long units, string expected)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Osrm.OsrmJson.WriteThousandths(writer, units);
        }
        Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(expected));
        Assert.That(double.Parse(expected, CultureInfo.InvariantCulture), Is.EqualTo(units / 1000.0));
    }

    [Test]
    public void Polyline_RoundTrips_AndMatchesGoogleExample()
    {
        // Google's documented example: (38.5, -120.2), (40.7, -120.95), (43.252, -126.453).
        GeoPoint[] points = [new(-120.2, 38.5), new(-120.95, 40.7), new(-126.453, 43.252)];
        Assert.That(Osrm.Polyline.Encode(points, 5), Is.EqualTo("_p~iF~ps|U_ulLnnqC_mqNvxq`@"));
        Assert.That(Osrm.Polyline.TryDecode("_p~iF~ps|U_ulLnnqC_mqNvxq`@", 5, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(points));
    }
}
