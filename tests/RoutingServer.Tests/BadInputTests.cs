using System.Net;
using System.Text;
using NUnit.Framework;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Tests;

/// <summary>Bad requests get OSRM's error codes in OSRM's error body (HTTP 400), never a 500 or a stack trace.</summary>
[TestFixture]
public sealed class BadInputTests : ServerFixture
{
    protected override RoutingServerOptions Options => new() { MaxTableSize = 20, MaxViarouteSize = 5, MaxRequestBytes = 64 << 10 };

    private static string Two => SampleServer.CoordinateList(SampleServer.Zones().Take(2));

    [TestCase("table/v1/driving/-1.36,50.35;abc,50.3", "InvalidUrl")]
    [TestCase("table/v1/driving/-1.36;50.35", "InvalidUrl")]
    [TestCase("table/v1/driving/polyline(!!!)", "InvalidUrl")]
    [TestCase("table/v1/driving/-1.36,95.0;-1.35,50.35", "InvalidValue")]
    [TestCase("table/v1/driving/-200,50.35;-1.35,50.35", "InvalidValue")]
    [TestCase("table/v1/plane/-1.36,50.35;-1.35,50.35", "InvalidUrl")]
    [TestCase("match/v1/driving/-1.36,50.35;-1.35,50.35", "InvalidService")]
    [TestCase("table/v2/driving/-1.36,50.35;-1.35,50.35", "InvalidVersion")]
    [TestCase("table/v1/driving", "InvalidUrl")]
    [TestCase("", "InvalidUrl")]
    public async Task MalformedUrls(string url, string code) => AssertError(await GetAsync(url), code);

    [TestCase("?sources=0;7", "InvalidOptions")]
    [TestCase("?sources=x", "InvalidQuery")]
    [TestCase("?annotations=speed", "InvalidQuery")]
    [TestCase("?fallback_speed=0", "InvalidValue")]
    [TestCase("?scale_factor=-1", "InvalidValue")]
    [TestCase("?radiuses=10", "InvalidOptions")]
    [TestCase("?bearings=0,20;", "NotImplemented")]
    [TestCase("?frobnicate=1", "InvalidQuery")]
    public async Task BadTableOptions(string query, string code) => AssertError(await GetAsync($"table/v1/driving/{Two}{query}"), code);

    [Test]
    public async Task PointInTheSea_IsNoSegment()
    {
        // The sample region lies at lat 50.35; 49.9 is open sea, far beyond the 1000 m snapping limit.
        var answer = await GetAsync($"table/v1/driving/{Two};-1.30,49.9");
        AssertError(answer, "NoSegment");
        Assert.That(answer.Json.GetProperty("message").GetString(), Does.Contain("coordinate 2"));
        AssertError(await GetAsync("nearest/v1/driving/-1.30,49.9"), "NoSegment");
        AssertError(await GetAsync($"route/v1/driving/{Two};-1.30,49.9"), "NoSegment");
    }

    [Test]
    public async Task TooManyCoordinates_IsTooBig()
    {
        var many = SampleServer.CoordinateList(SampleServer.Zones().Take(21));
        AssertError(await GetAsync($"table/v1/driving/{many}"), "TooBig");
        // 21 sources x 19 destinations = 399 <= 20 x 20 is allowed, as osrm-routed counts it.
        var (status, json) = await GetAsync($"table/v1/driving/{many}?sources={string.Join(';', Enumerable.Range(0, 21))}&destinations={string.Join(';', Enumerable.Range(0, 19))}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        AssertError(await GetAsync($"route/v1/driving/{SampleServer.CoordinateList(SampleServer.Zones().Take(6))}"), "TooBig");
    }

    [TestCase("not json")]
    [TestCase("{\"coordinates\": [[-1.36]]}")]
    [TestCase("[1,2]")]
    [TestCase("{\"coordinates\": \"-1.36,50.35\"}")]
    public async Task NonJsonBody_IsInvalidQuery(string body) => AssertError(await PostAsync("table/v1/driving", body), "InvalidQuery");

    [Test]
    public async Task BodyOverTheLimit_IsTooBigWithStatus413()
    {
        var body = "{\"coordinates\": [" + string.Join(',', Enumerable.Repeat("[-1.36,50.35]", 10_000)) + "]}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("table/v1/driving", UriKind.Relative), content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":\"TooBig\""));
    }

    [TestCase("route/v1/driving/{0}?steps=true", "NotImplemented")]
    [TestCase("route/v1/driving/{0}?geometries=wkt", "InvalidQuery")]
    [TestCase("nearest/v1/driving/{0}", "InvalidOptions")]
    [TestCase("nearest/v1/driving/-1.3687,50.3555?number=3", "NotImplemented")]
    [TestCase("nearest/v1/driving/-1.3687,50.3555?number=1000", "TooBig")]
    public async Task UnsupportedOrBadRouteAndNearestOptions(string url, string code) =>
        AssertError(await GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Two)), code);

    [Test]
    public async Task OtherMethods_AreRefused()
    {
        using var response = await Client.DeleteAsync(new Uri($"table/v1/driving/{Two}", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("InvalidUrl"));
    }
}
