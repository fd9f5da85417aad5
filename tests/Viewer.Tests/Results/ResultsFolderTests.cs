using System.Text.Json;
using Geo.Viewer.Results;
using Geo.Viewer.Tests.TestSupport;

namespace Geo.Viewer.Tests.Results;

[TestFixture]
public sealed class ResultsFolderTests
{
    [Test]
    public void Load_SyntheticFolder_ReadsEveryFileWithoutErrors()
    {
        using var results = SyntheticResults.Grid();
        var folder = ResultsFolder.Load(results.Folder);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Errors, Is.Empty);
            Assert.That(folder.Zones, Has.Count.EqualTo(24));
            Assert.That(folder.Sites, Has.Count.EqualTo(4));
            Assert.That(folder.Options.Select(o => o.Id), Is.EqualTo(SyntheticResults.Options));
            Assert.That(folder.Options[2].Name, Is.EqualTo("Move to C3"));
            Assert.That(folder.BasemapRoads, Has.Count.EqualTo(1));
            Assert.That(folder.ZoneResults!.Modes, Is.EqualTo(SyntheticResults.Modes));
        });
    }

    [Test]
    public void Load_PlacementWithoutLines_DerivesAllocationLinesFromCsv()
    {
        using var results = SyntheticResults.Grid();
        string placement = results.Path("placement/placement.geojson");
        File.WriteAllText(placement, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"site_id\":\"C3\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-1.34,50.64]}}]}");
        File.WriteAllText(results.Path("placement/allocation.csv"), "zone_id,site_id,minutes,need\nZ000,C3,12.5,100\nZ001,H1,3,50\nZ999,C3,1,1\nZ002,,,\n");
        var folder = ResultsFolder.Load(results.Folder);
        using var doc = JsonDocument.Parse(folder.PlacementGeoJson);
        var lines = doc.RootElement.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "LineString").ToArray();
        // Z000->C3 (placement point) and Z001->H1 (sites.geojson); unknown zone Z999 and unallocated Z002 skipped.
        Assert.That(lines, Has.Length.EqualTo(2));
        var first = lines[0];
        Assert.That(first.GetProperty("properties").GetProperty("derived").GetBoolean(), Is.True);
        Assert.That(first.GetProperty("properties").GetProperty("minutes").GetDouble(), Is.EqualTo(12.5));
        var end = first.GetProperty("geometry").GetProperty("coordinates")[1];
        Assert.That(end[0].GetDouble(), Is.EqualTo(-1.34));
        var start = first.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.That(start[0].GetDouble(), Is.EqualTo(results.Zones[0].Lon).Within(0.0051), "vertex mean of the closed square ring");
    }

    [Test]
    public void Load_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ResultsFolder.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }

    [Test]
    public void Load_SummaryOptionsNotArray_ErrorNamesField()
    {
        using var results = SyntheticResults.Grid();
        File.WriteAllText(results.Path("summary.json"), "{\"scenario\":\"x\",\"options\":\"A,B\"}");
        var folder = ResultsFolder.Load(results.Folder);
        Assert.That(folder.ErrorFor("summary.json")!.Problem, Does.Contain("field 'options' must be an array"));
        Assert.That(folder.Options.Select(o => o.Id), Is.EqualTo(SyntheticResults.Options), "falls back on zone_results.csv");
    }
}
