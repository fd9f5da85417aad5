using System.Net;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Tests;

/// <summary>A fixture with one running server and an HTTP client; helpers return status and parsed JSON.</summary>
public abstract class ServerFixture
{
    protected GeoRoutingServer Server { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    protected virtual RoutingServerOptions Options => new();

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await SampleServer.StartAsync(Options);
        Client = new HttpClient { BaseAddress = Server.Address };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }

    protected async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response);
    }

    protected async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    private static async Task<(HttpStatusCode, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>An OSRM error answer: HTTP 400, exactly code and message, no stack trace.</summary>
    protected static void AssertError((HttpStatusCode Status, JsonElement Json) answer, string code)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest), answer.Json.ToString());
        Assert.That(answer.Json.GetProperty("code").GetString(), Is.EqualTo(code), answer.Json.ToString());
        var names = answer.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(names, Is.EquivalentTo(new[] { "code", "message" }));
        var message = answer.Json.GetProperty("message").GetString();
        Assert.That(message, Is.Not.Empty);
        Assert.That(message, Does.Not.Match(@"\bat [\w.`]+\(").And.Not.Contain("Exception"), "no stack trace");
    }
}
