using System.Text.Json;
using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

/// <summary>`geo basemap` through <see cref="Program.Main"/> on the sample network built by `geo run`.</summary>
[TestFixture]
[NonParallelizable]
public sealed class BasemapCommandTests
{
    private static string Network => Path.Combine(ViewerCommandResults.Folder, "network", "streets.geonet");

    private static (int Lines, HashSet<string> Highways) ReadLines(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var highways = new HashSet<string>(StringComparer.Ordinal);
        int n = 0;
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            Assert.That(f.GetProperty("geometry").GetProperty("type").GetString(), Is.EqualTo("LineString").Or.EqualTo("MultiLineString"));
            highways.Add(f.GetProperty("properties").GetProperty("highway").GetString()!);
            n++;
        }

        return (n, highways);
    }

    [Test]
    public void Basemap_SampleNetwork_WritesRoadLinesAndAllRoadsKeepsMore()
    {
        Assert.That(File.Exists(Network), Is.True, "geo run writes network/streets.geonet");
        string dir = ViewerCommandResults.NewOutputFolder();
        string main = Path.Combine(dir, "basemap.geojson"), all = Path.Combine(dir, "all", "basemap.geojson");
        var (exit, error) = ViewerCommandResults.Geo("basemap", "--network", Network, "--out", main);
        Assert.That(exit, Is.Zero, error);
        (exit, error) = ViewerCommandResults.Geo("basemap", "--network", Network, "--out", all, "--all-roads");
        Assert.That(exit, Is.Zero, error);
        var (mainLines, mainHighways) = ReadLines(main);
        var (allLines, allHighways) = ReadLines(all);
        Assert.That(mainLines, Is.GreaterThan(0));
        Assert.That(allLines, Is.GreaterThanOrEqualTo(mainLines));
        Assert.That(allHighways.IsSupersetOf(mainHighways), Is.True);
        Assert.That(mainHighways.Overlaps(["footway", "path", "steps", "cycleway"]), Is.False, "default keeps motorway to residential only");
    }

    [Test]
    public void Basemap_NoNetworkOption_Exit2()
    {
        var (exit, error) = ViewerCommandResults.Geo("basemap", "--out", Path.Combine(Path.GetTempPath(), "geo-unused-basemap.geojson"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--network"));
    }

    [Test]
    public void Basemap_MissingNetworkFile_Exit3AndNoOutput()
    {
        string dir = Path.Combine(Path.GetTempPath(), "geo-basemap-missing-" + Guid.NewGuid().ToString("N"));
        string output = Path.Combine(dir, "basemap.geojson");
        var (exit, _) = ViewerCommandResults.Geo("basemap", "--network", Path.Combine(dir, "none.geonet"), "--out", output);
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(File.Exists(output), Is.False);
    }
}
