using System.Net;
using Geo.Viewer.Server;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Server;

/// <summary>DNS rebinding (Host check), dot and temporary files, and security headers of the viewer.</summary>
[TestFixture]
public sealed class ViewerHardeningTests
{
    private SyntheticResults _results = null!;
    private ViewerHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _results = SyntheticResults.Grid();
        File.WriteAllText(_results.Path(".env"), "SECRET=1");
        Directory.CreateDirectory(_results.Path(".git"));
        File.WriteAllText(_results.Path(".git/config"), "[core]");
        File.WriteAllText(_results.Path(".geo-tmp-123-abcd-zone_results.csv"), "partial");
        File.WriteAllText(_results.Path("notes.csv.tmp"), "partial");
        File.WriteAllText(_results.Path("visible.csv"), "a,b\n1,2\n");
        _host = await ViewerHost.StartAsync(_results.Folder);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        _results.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return await _host.Http.SendAsync(request);
    }

    [TestCase("evil.example")]
    [TestCase("evil.example:8080")]
    [TestCase("127.0.0.1.evil.example")]
    [TestCase("localhost.evil.example")]
    [TestCase("10.1.2.3")]
    [TestCase("0x7f.1")]
    public async Task Request_ForeignHostHeader_Refused403(string host)
    {
        foreach (var path in new[] { "/", "/api/summary", "/files/visible.csv" })
        {
            using var response = await GetAsync(path, host);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), host + " " + path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("--allow-host"));
        }
    }

    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    [TestCase("LOCALHOST")]
    [TestCase("[::1]")]
    public async Task Request_LoopbackHostHeader_Served(string host)
    {
        using var response = await GetAsync("/api/summary", host + ":" + _host.Server.Address.Port);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), host);
    }

    [Test]
    public async Task Request_AllowedHostName_Served()
    {
        await using var server = GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = _results.Folder, Port = 0, AllowedHosts = ["geo.nhs.example"] });
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/summary") { Headers = { Host = "geo.nhs.example" } };
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/summary") { Headers = { Host = "other.nhs.example" } };
        Assert.That((await http.SendAsync(allowed)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await http.SendAsync(other)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await server.StopAsync();
    }

    [Test]
    public void HostGuard_BoundToAllInterfaces_AcceptsAddressesNotNames()
    {
        var guard = new HostGuard(IPAddress.Any, []);
        Assert.Multiple(() =>
        {
            Assert.That(guard.IsAllowed("192.168.1.20:8080"), Is.True);
            Assert.That(guard.IsAllowed("evil.example"), Is.False);
            Assert.That(guard.IsAllowed(""), Is.False);
            Assert.That(guard.IsAllowed(null), Is.False);
        });
    }

    [TestCase("/files/.env")]
    [TestCase("/files/.git/config")]
    [TestCase("/files/.geo-tmp-123-abcd-zone_results.csv")]
    [TestCase("/files/notes.csv.tmp")]
    public async Task Files_DotOrTemporary_NotServed(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path + " -> " + body);
        Assert.That(body, Does.Not.Contain("SECRET").And.Not.Contain("partial").And.Not.Contain("[core]"));
    }

    [Test]
    public async Task Files_Visible_ServedSandboxed()
    {
        using var response = await GetAsync("/files/visible.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), Does.Contain("sandbox"));
    }

    [TestCase("/")]
    [TestCase("/app.js")]
    [TestCase("/api/status")]
    [TestCase("/api/nope")]
    [TestCase("/files/visible.csv")]
    [TestCase("/files/missing.csv")]
    public async Task Responses_CarrySecurityHeaders(string path)
    {
        using var response = await GetAsync(path);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'").Or.Contain("sandbox"), path);
        Assert.That(csp, Does.Not.Contain("unsafe-eval"));
    }

    [Test]
    public async Task Responses_RefusedHost_StillCarryHeaders()
    {
        using var response = await GetAsync("/", "evil.example");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True);
    }
}
