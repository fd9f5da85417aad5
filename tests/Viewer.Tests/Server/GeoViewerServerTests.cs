using System.Net;
using System.Text.Json;
using Geo.Viewer.Server;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Server;

[TestFixture]
public sealed class GeoViewerServerTests
{
    private SyntheticResults _results = null!;
    private ViewerHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _results = SyntheticResults.Grid();
        _host = await ViewerHost.StartAsync(_results.Folder);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        _results.Dispose();
    }

    private async Task<JsonDocument> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var res = await _host.Http.GetAsync(new Uri(url, UriKind.Relative));
        string body = await res.Content.ReadAsStringAsync();
        Assert.That(res.StatusCode, Is.EqualTo(expected), url + " -> " + body);
        return JsonDocument.Parse(body);
    }

    [Test]
    public void Create_DefaultOptions_BindsLoopbackOnly()
    {
        var defaults = new ViewerServerOptions { ResultsFolder = _results.Folder };
        Assert.Multiple(() =>
        {
            Assert.That(defaults.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(defaults.Port, Is.EqualTo(8080));
            Assert.That(_host.Server.IsLoopbackOnly, Is.True);
            Assert.That(IPAddress.IsLoopback(IPAddress.Parse(_host.Server.Address.Host)), Is.True, _host.Server.Address.ToString());
        });
    }

    [Test]
    public async Task Create_AnyAddressHost_IsNotLoopback()
    {
        await using var server = GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = _results.Folder, Host = "0.0.0.0", Port = 0 });
        Assert.That(server.IsLoopbackOnly, Is.False);
    }

    [Test]
    public void Create_HostNameOrBadTiles_Throws()
    {
        Assert.Throws<ArgumentException>(() => GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = _results.Folder, Host = "example.org" }));
        Assert.Throws<ArgumentException>(() => GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = _results.Folder, TilesUrl = "file:///etc/passwd" }));
        Assert.Throws<DirectoryNotFoundException>(() => GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = Path.Combine(_results.Folder, "nope") }));
    }

    [Test]
    public async Task Status_SyntheticFolder_ListsOptionsModesServicesAndNoErrors()
    {
        using var doc = await GetJsonAsync("/api/status");
        var r = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(r.GetProperty("scenario").GetString(), Is.EqualTo("Synthetic test region"));
            Assert.That(r.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()), Is.EqualTo(SyntheticResults.Options));
            Assert.That(r.GetProperty("modes").EnumerateArray().Select(o => o.GetString()), Is.EqualTo(SyntheticResults.Modes));
            Assert.That(r.GetProperty("errors").GetArrayLength(), Is.Zero, r.GetProperty("errors").GetRawText());
            Assert.That(r.GetProperty("zoneCount").GetInt32(), Is.EqualTo(24));
            Assert.That(r.GetProperty("numericZoneAttributes").EnumerateArray().Select(o => o.GetString()), Does.Contain("area_km2"));
            Assert.That(r.GetProperty("hasBasemap").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Summary_Served_EqualsFileOnDisk()
    {
        using var doc = await GetJsonAsync("/api/summary");
        using var disk = JsonDocument.Parse(File.ReadAllText(_results.Path("summary.json")));
        Assert.That(doc.RootElement.GetProperty("metrics").GetArrayLength(), Is.EqualTo(disk.RootElement.GetProperty("metrics").GetArrayLength()));
        Assert.That(doc.RootElement.GetProperty("metrics").GetArrayLength(), Is.EqualTo(6));
    }

    [TestCase("/api/zones", 24)]
    [TestCase("/api/sites", 4)]
    [TestCase("/api/isochrones", 1)]
    [TestCase("/api/placement", 2)]
    [TestCase("/api/basemap", 1)]
    public async Task GeoJsonEndpoint_SyntheticFolder_ReturnsFeatureCollection(string url, int features)
    {
        using var res = await _host.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(res.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/geo+json"));
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("type").GetString(), Is.EqualTo("FeatureCollection"));
        Assert.That(doc.RootElement.GetProperty("features").GetArrayLength(), Is.EqualTo(features));
    }

    [Test]
    public async Task Isochrones_Merged_TagSourceFile()
    {
        using var doc = await GetJsonAsync("/api/isochrones");
        var props = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.That(props.GetProperty("source_file").GetString(), Is.EqualTo("H1_car_15.geojson"));
        Assert.That(props.GetProperty("site_id").GetString(), Is.EqualTo("H1"));
    }

    [TestCase("baseline", "car")]
    [TestCase("A", "car")]
    [TestCase("B", "walk")]
    public async Task Scores_KnownOption_MatchesZoneResultsCsv(string option, string mode)
    {
        using var doc = await GetJsonAsync("/api/scores?option=" + option + "&mode=" + mode + "&service=outpatients");
        var r = doc.RootElement;
        double[] expected = _results.Minutes[(option, mode)];
        double[] baseline = _results.Minutes[("baseline", mode)];
        Assert.That(r.GetProperty("count").GetInt32(), Is.EqualTo(expected.Length));
        var ids = r.GetProperty("zoneIds");
        var minutes = r.GetProperty("minutes");
        var change = r.GetProperty("change");
        for (int i = 0; i < expected.Length; i++)
        {
            int z = _results.IndexOf(ids[i].GetString()!);
            if (double.IsNaN(expected[z]))
            {
                Assert.That(minutes[i].ValueKind, Is.EqualTo(JsonValueKind.Null), "unreachable must be null, never 0");
                Assert.That(r.GetProperty("status")[i].GetString(), Is.EqualTo("unreachable"));
                continue;
            }

            Assert.That(minutes[i].GetDouble(), Is.EqualTo(expected[z]).Within(0.01));
            Assert.That(change[i].GetDouble(), Is.EqualTo(expected[z] - baseline[z]).Within(0.02));
        }
    }

    [Test]
    public async Task Scores_ServiceOmitted_UsesFirstService()
    {
        using var doc = await GetJsonAsync("/api/scores?option=A&mode=car");
        Assert.That(doc.RootElement.GetProperty("service").GetString(), Is.EqualTo("outpatients"));
    }

    [TestCase("option=Z&mode=car", "unknown option 'Z'; valid options: baseline, A, B")]
    [TestCase("option=A&mode=rocket", "unknown mode 'rocket'; valid modes: car, walk")]
    [TestCase("option=A&mode=car&service=dentist", "unknown service 'dentist'; valid services: outpatients")]
    [TestCase("mode=car", "unknown option ''")]
    public async Task Scores_UnknownValue_Returns404NamingValidValues(string query, string message)
    {
        using var doc = await GetJsonAsync("/api/scores?" + query, HttpStatusCode.NotFound);
        Assert.That(doc.RootElement.GetProperty("error").GetString(), Does.StartWith(message));
    }

    [Test]
    public async Task UnknownApiEndpoint_Returns404Json()
    {
        using var doc = await GetJsonAsync("/api/nothing", HttpStatusCode.NotFound);
        Assert.That(doc.RootElement.GetProperty("error").GetString(), Does.Contain("/api/scores"));
    }

    [TestCase("/files/../../../../etc/passwd")]
    [TestCase("/files/%2e%2e/%2e%2e/etc/passwd")]
    [TestCase("/files/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [TestCase("/files/..%2f..%2fsummary.json")]
    [TestCase("/files/..%5c..%5cwindows")]
    [TestCase("/files//etc/passwd")]
    [TestCase("/files/C:/Windows/win.ini")]
    [TestCase("/files/%252e%252e/secret")]
    [TestCase("/../etc/passwd")]
    [TestCase("/api/../files/summary.json")]
    public async Task RawPath_TraversalOrEncodedVariant_Refused(string target)
    {
        var (status, body) = await _host.RawGetAsync(target);
        Assert.That(status, Is.EqualTo(400).Or.EqualTo(404), body);
        Assert.That(body, Does.Not.Contain("root:"));
        Assert.That(body, Does.Not.Contain("Synthetic test region"));
    }

    [Test]
    public async Task RawPath_TraversalOutsideFolder_NeverServesParentFile()
    {
        // A real file one level above the results folder must not be reachable by any spelling.
        string parent = Path.GetDirectoryName(_results.Folder)!;
        string secret = Path.Combine(parent, "secret-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        try
        {
            string name = Path.GetFileName(secret);
            foreach (string target in new[] { "/files/../" + name, "/files/%2e%2e/" + name, "/files/%2e%2e%2f" + name, "/files/.%2e/" + name, "/files/" + Uri.EscapeDataString(secret) })
            {
                var (status, body) = await _host.RawGetAsync(target);
                Assert.That(body, Does.Not.Contain("TOP-SECRET"), target);
                Assert.That(status, Is.Not.EqualTo(200), target);
            }
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public async Task Files_InsideFolder_Served()
    {
        var (status, body) = await _host.RawGetAsync("/files/isochrones/H1_car_15.geojson");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body, Does.Contain("FeatureCollection"));
        var (missing, _) = await _host.RawGetAsync("/files/maps/none.png");
        Assert.That(missing, Is.EqualTo(404));
    }

    [TestCase("/", "text/html", "<div id=\"map\">")]
    [TestCase("/app.js", "text/javascript", "window.geoViewer")]
    [TestCase("/vendor/maplibre-gl.mjs", "text/javascript", "MapLibre")]
    [TestCase("/vendor/maplibre-gl-worker.mjs", "text/javascript", "export")]
    [TestCase("/vendor/maplibre-gl.css", "text/css", ".maplibregl")]
    public async Task Page_EmbeddedAssets_ServedWithoutCdn(string url, string mediaType, string contains)
    {
        using var res = await _host.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(res.Content.Headers.ContentType!.MediaType, Is.EqualTo(mediaType));
        string body = await res.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain(contains));
        if (url is "/" or "/app.js")
        {
            Assert.That(body, Does.Not.Contain("unpkg").And.Not.Contain("cdn").And.Not.Contain("https://"));
        }
    }
}
