using System.Globalization;
using System.Net;
using Geo.Routing.Geometry;
using Geo.RoutingServer.Osrm;
using NUnit.Framework;

namespace Geo.RoutingServer.Tests;

/// <summary>
/// Requests written exactly as client libraries write them: the R osrm package (coordinates rounded to 5 decimals or sent
/// as polyline(...), sources/destinations indices into one list, generate_hints=false on nearest) and Python code using
/// requests (params encoded, so the comma in annotations arrives as %2C).
/// </summary>
[TestFixture]
public sealed class ClientLibraryFormTests : ServerFixture
{
    private static string R5(double value) => value.ToString("F5", CultureInfo.InvariantCulture);

    [Test]
    public async Task ROsrmTable_PlainAndPolylineCoordinates_SameAnswer()
    {
        var src = SampleServer.Zones().Take(4).ToArray();
        var dst = SampleServer.Sites().Take(3).ToArray();
        var all = src.Concat(dst).ToArray();
        var query = "?sources=0;1;2;3&destinations=4;5;6&annotations=duration,distance";
        var plain = "table/v1/driving/" + string.Join(';', all.Select(p => R5(p.Lon) + "," + R5(p.Lat))) + query;
        var rounded = all.Select(p => new GeoPoint(Math.Round(p.Lon, 5), Math.Round(p.Lat, 5))).ToArray();
        var encoded = "table/v1/driving/polyline(" + Uri.EscapeDataString(Polyline.Encode(rounded, 5)) + ")" + query;

        var (status, a) = await GetAsync(plain);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), a.ToString());
        var (status2, b) = await GetAsync(encoded);
        Assert.That(status2, Is.EqualTo(HttpStatusCode.OK), b.ToString());
        Assert.That(b.GetProperty("durations").ToString(), Is.EqualTo(a.GetProperty("durations").ToString()));
        Assert.That(a.GetProperty("durations").GetArrayLength(), Is.EqualTo(4));
        Assert.That(a.GetProperty("durations")[0].GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public async Task ROsrmRoute_AndNearest_UrlForms()
    {
        var a = SampleServer.Zones()[5];
        var b = SampleServer.Zones()[60];
        var (status, route) = await GetAsync($"route/v1/driving/{R5(a.Lon)},{R5(a.Lat)};{R5(b.Lon)},{R5(b.Lat)}?alternatives=false&geometries=polyline&steps=false&overview=full");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), route.ToString());
        Assert.That(route.GetProperty("routes").GetArrayLength(), Is.EqualTo(1));
        var (status2, nearest) = await GetAsync($"nearest/v1/driving/{R5(a.Lon)},{R5(a.Lat)}?number=1&generate_hints=false");
        Assert.That(status2, Is.EqualTo(HttpStatusCode.OK), nearest.ToString());
        Assert.That(nearest.GetProperty("waypoints")[0].GetProperty("location").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task PythonRequests_EncodedParams_AndJsonSuffix()
    {
        var points = SampleServer.Zones().Take(3).ToArray();
        var coords = string.Join(';', points.Select(p => $"{p.Lon.ToString(CultureInfo.InvariantCulture)},{p.Lat.ToString(CultureInfo.InvariantCulture)}"));
        var (status, table) = await GetAsync($"table/v1/driving/{coords}?annotations=distance%2Cduration&sources=0");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), table.ToString());
        Assert.That(table.GetProperty("durations").GetArrayLength(), Is.EqualTo(1));
        Assert.That(table.GetProperty("distances")[0].GetArrayLength(), Is.EqualTo(3));
        var (status2, route) = await GetAsync($"route/v1/driving/{coords}.json?overview=simplified&steps=false&geometries=polyline6&continue_straight=default&alternatives=true");
        Assert.That(status2, Is.EqualTo(HttpStatusCode.OK), route.ToString());
        Assert.That(route.GetProperty("routes")[0].GetProperty("legs").GetArrayLength(), Is.EqualTo(2));
    }
}
