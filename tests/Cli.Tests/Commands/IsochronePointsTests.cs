using System.Text.Json;
using Geo.Core;
using Geo.Viewer.Results;
using NUnit.Framework;


namespace Geo.Cli.Tests.Commands;

/// <summary>
/// geo isochrone --points on the sample region: a many-point run gives, per point, exactly the single-point (--at) run's
/// features, by road and by public transport; a point in the sea is written with no geometry and status unsnapped; the
/// viewer's results folder reads the file (every band with its minutes for the legend).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IsochronePointsTests
{
    private string _work = string.Empty;
    private string _network = string.Empty;
    private string _gtfs = string.Empty;
    private string _points = string.Empty;

    private static readonly (string Id, string At)[] Points = [("H1", "-1.3484828,50.3528778"), ("SEA", "-1.0,49.9"), ("C9", "-1.25,50.37")];

    [OneTimeSetUp]
    public void BuildNetwork()
    {
        _work = Path.Combine(Path.GetTempPath(), "geo-isochrone-points-" + Environment.ProcessId);
        Directory.CreateDirectory(_work);
        var samples = Path.Combine(EndToEnd.EndToEndFiles.RepoRoot(), "data-samples");
        _network = Path.Combine(_work, "region.geonet");
        _gtfs = Path.Combine(samples, "bus-gtfs.zip");
        var (exit, error) = MatrixCommandTests.Geo("build-network", "--osm", Path.Combine(samples, "region.osm.pbf"), "--out", _network);
        Assert.That(exit, Is.Zero, error);
        _points = Path.Combine(_work, "points.csv");
        File.WriteAllLines(_points, ["id,lon,lat", .. Points.Select(p => p.Id + "," + p.At)]);
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_work, recursive: true);

    private static readonly string[] Transit = ["--mode", "transit", "--gtfs", "{gtfs}", "--date", "2024-03-05", "--window", "07:00-07:30", "--percentile", "75", "--minutes", "20,40"];
    private static readonly string[] Walk = ["--mode", "walk", "--minutes", "5,10"];

    [TestCase("walk")]
    [TestCase("transit")]
    public void ManyPoints_EqualSinglePointRuns_UnsnappedReported(string mode)
    {
        var options = (mode == "walk" ? Walk : Transit).Select(a => a == "{gtfs}" ? _gtfs : a).ToArray();
        var folder = Path.Combine(_work, "results-" + mode, "isochrones");
        var many = Path.Combine(folder, "points.geojson");
        var (exit, error) = MatrixCommandTests.Geo(["isochrone", "--network", _network, "--points", _points, "--out", many, .. options]);
        Assert.That(exit, Is.Zero, error);
        var features = Features(many);
        Assert.That(features.Count(f => f.Status == "unsnapped"), Is.EqualTo(1));
        var sea = features.Single(f => f.Status == "unsnapped");
        Assert.That((sea.Id, sea.Geometry, sea.Minutes), Is.EqualTo(("SEA", "null", (double?)null)), "reported, not dropped");

        foreach (var (id, at) in Points.Where(p => p.Id != "SEA"))
        {
            var single = Path.Combine(_work, $"single-{mode}-{id}.geojson");
            (exit, error) = MatrixCommandTests.Geo(["isochrone", "--network", _network, "--at", at, "--out", single, .. options]);
            Assert.That(exit, Is.Zero, error);
            var expected = Features(single);
            var actual = features.Where(f => f.Id == id).ToArray();
            Assert.That(actual.Select(f => (f.Minutes, f.Geometry)), Is.EqualTo(expected.Select(f => (f.Minutes, f.Geometry))), $"point {id}");
            Assert.That(actual, Has.Length.EqualTo(2));
            Assert.That(actual.All(f => f.Geometry.Contains("Polygon", StringComparison.Ordinal)), Is.True);
        }

        // The viewer merges isochrones/*.geojson: every band of both points, with its minutes (the legend's key).
        var results = ResultsFolder.Load(Path.GetDirectoryName(folder)!);
        using var merged = JsonDocument.Parse(results.IsochronesGeoJson);
        var drawn = merged.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object).ToArray();
        Assert.That(drawn, Has.Length.EqualTo(4));
        Assert.That(drawn.Select(f => f.GetProperty("properties").GetProperty("minutes").GetDouble()).Distinct().Order(),
            Is.EqualTo(mode == "walk" ? new[] { 5.0, 10 } : [20.0, 40]));
    }

    private sealed record Feature(string Id, double? Minutes, string Status, string Geometry);

    private static Feature[] Features(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            var minutes = p.GetProperty("minutes");
            return new Feature(p.GetProperty("id").GetString()!, minutes.ValueKind == JsonValueKind.Number ? minutes.GetDouble() : null,
                p.GetProperty("status").GetString()!, f.GetProperty("geometry").GetRawText());
        })];
    }
}
