using System.Net;
using System.Text.Json;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Server;

[TestFixture]
public sealed class BrokenResultsTests
{
    [Test]
    public async Task Summary_CorruptJson_Returns500NamingFileAndLine()
    {
        using var results = SyntheticResults.Grid();
        await File.WriteAllTextAsync(results.Path("summary.json"), "{\n  \"scenario\": \"x\",\n  \"options\": [ {\"id\": \"A\" \n");
        await using var host = await ViewerHost.StartAsync(results.Folder);
        using var res = await host.Http.GetAsync(new Uri("/api/summary", UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("file").GetString(), Is.EqualTo("summary.json"));
        Assert.That(doc.RootElement.GetProperty("error").GetString(), Does.StartWith("summary.json: not valid JSON at line"));

        using var status = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
        var errors = status.RootElement.GetProperty("errors");
        Assert.That(errors.GetArrayLength(), Is.EqualTo(1));
        Assert.That(errors[0].GetProperty("file").GetString(), Is.EqualTo("summary.json"));
        // Lists fall back on zone_results.csv so the map still works.
        Assert.That(status.RootElement.GetProperty("options").GetArrayLength(), Is.EqualTo(3));
        using var scores = await host.Http.GetAsync(new Uri("/api/scores?option=A&mode=car", UriKind.Relative));
        Assert.That(scores.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ZoneResults_BadNumber_ErrorNamesLineAndField()
    {
        using var results = SyntheticResults.Grid();
        var lines = (await File.ReadAllLinesAsync(results.Path("zone_results.csv"))).ToList();
        var cells = lines[3].Split(',');
        cells[5] = "12x5";
        lines[3] = string.Join(',', cells);
        await File.WriteAllLinesAsync(results.Path("zone_results.csv"), lines);
        await using var host = await ViewerHost.StartAsync(results.Folder);
        using var res = await host.Http.GetAsync(new Uri("/api/scores?option=A&mode=car", UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("error").GetString(), Is.EqualTo("zone_results.csv: line 4, field minutes: '12x5' is not a number"));
    }

    [Test]
    public async Task Zones_Missing_StatusReportsRequiredError()
    {
        using var results = SyntheticResults.Grid();
        File.Delete(results.Path("zones.geojson"));
        await using var host = await ViewerHost.StartAsync(results.Folder);
        using var status = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
        var e = status.RootElement.GetProperty("errors")[0];
        Assert.That(e.GetProperty("file").GetString(), Is.EqualTo("zones.geojson"));
        Assert.That(e.GetProperty("problem").GetString(), Does.StartWith("file not found"));
        Assert.That(e.GetProperty("required").GetBoolean(), Is.True);
        using var res = await host.Http.GetAsync(new Uri("/api/zones", UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task Sites_NotGeoJson_OptionalErrorAndOtherEndpointsWork()
    {
        using var results = SyntheticResults.Grid();
        await File.WriteAllTextAsync(results.Path("sites.geojson"), "{\"type\":\"Feature\"}");
        await using var host = await ViewerHost.StartAsync(results.Folder);
        using var res = await host.Http.GetAsync(new Uri("/api/sites", UriKind.Relative));
        Assert.That(res.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await res.Content.ReadAsStringAsync(), Does.Contain("not a GeoJSON FeatureCollection"));
        using var zones = await host.Http.GetAsync(new Uri("/api/zones", UriKind.Relative));
        Assert.That(zones.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
