using System.IO.Compression;
using System.Net;
using NUnit.Framework;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Tests;

/// <summary>Transport behaviour: compression when asked, parallel requests, loopback binding.</summary>
[TestFixture]
public sealed class ServerBehaviourTests : ServerFixture
{
    [TestCase("gzip")]
    [TestCase("br")]
    public async Task Compression_WhenAsked_SameJson(string encoding)
    {
        var url = new Uri($"table/v1/driving/{SampleServer.CoordinateList(SampleServer.Zones().Take(30))}?annotations=duration,distance", UriKind.Relative);
        var plain = await Client.GetStringAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await Client.SendAsync(request);
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "gzip" ? new GZipStream(body, CompressionMode.Decompress) : new BrotliStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(plain));
    }

    [Test]
    public async Task ParallelRequests_AllAnsweredAsSerially()
    {
        var zones = SampleServer.Zones();
        var urls = Enumerable.Range(0, 24).Select(i => new Uri(
            i % 3 == 2
                ? $"route/v1/driving/{SampleServer.CoordinateList([zones[i], zones[99 - i]])}"
                : $"table/v1/driving/{SampleServer.CoordinateList(zones.Skip(i).Take(25))}?annotations=duration,distance", UriKind.Relative)).ToArray();
        var serial = new List<string>();
        foreach (var url in urls)
        {
            serial.Add(await Client.GetStringAsync(url));
        }
        var parallel = await Task.WhenAll(urls.Select(u => Client.GetStringAsync(u)));
        Assert.That(parallel, Is.EqualTo(serial));
    }

    [Test]
    public void DefaultHost_IsLoopback()
    {
        Assert.That(new RoutingServerOptions().Host, Is.EqualTo("127.0.0.1"));
        Assert.That(Server.IsLoopbackOnly, Is.True);
        Assert.That(Server.Address.Host, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task KeepAlive_ConnectionIsReused()
    {
        using var response = await Client.GetAsync(new Uri($"nearest/v1/driving/{SampleServer.CoordinateList(SampleServer.Zones().Take(1))}", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ConnectionClose, Is.Not.True, "HTTP/1.1 keep-alive");
    }
}
