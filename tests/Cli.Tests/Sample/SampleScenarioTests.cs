using NUnit.Framework;
using System.Text.Json;
using Geo.Samples;

namespace Geo.Cli.Tests.Sample;

[TestFixture]
public sealed class SampleScenarioTests
{
    [Test]
    public void Scenario_ParsesAndEverySiteExists()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SampleOutput.File(SampleGenerator.ScenarioFile)));
        var root = doc.RootElement;
        var sitesFile = root.GetProperty("sites").GetProperty("file").GetString()!;
        var siteIds = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(sitesFile))).Select(r => r["site_id"]).ToHashSet();
        var options = new List<JsonElement> { root.GetProperty("baseline") };
        options.AddRange(root.GetProperty("options").EnumerateArray());
        Assert.That(options, Has.Count.InRange(3, 4));
        var services = root.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToHashSet();
        foreach (var option in options)
        {
            foreach (var site in option.GetProperty("sites").EnumerateObject())
            {
                Assert.That(siteIds, Does.Contain(site.Name), option.GetProperty("id").GetString());
                Assert.That(site.Value.EnumerateArray().All(s => services.Contains(s.GetString())), Is.True);
            }
        }
        Assert.That(root.GetProperty("modes").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "car", "walk", "cycle", "transit" }));
        Assert.That(root.GetProperty("transit").GetProperty("date").GetString(), Is.EqualTo("2024-03-05"));
        Assert.That(root.GetProperty("transit").GetProperty("window").GetString(), Is.EqualTo("07:00-10:00"));
    }

    [Test]
    public void Scenario_EveryReferencedFileExistsWithItsColumns()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SampleOutput.File(SampleGenerator.ScenarioFile)));
        var root = doc.RootElement;
        Assert.That(File.Exists(SampleOutput.File(root.GetProperty("network").GetProperty("osm").GetString()!)), Is.True);
        Assert.That(File.Exists(SampleOutput.File(root.GetProperty("transit").GetProperty("gtfs")[0].GetString()!)), Is.True);
        Assert.That(File.Exists(SampleOutput.File(root.GetProperty("zones").GetProperty("boundaries").GetString()!)), Is.True);
        var placement = root.GetProperty("placement");
        Assert.That(placement.GetProperty("problem").GetString(), Is.EqualTo("pmedian"));
        Assert.That(placement.GetProperty("p").GetInt32(), Is.EqualTo(3));
        foreach (var block in (JsonElement[])[root.GetProperty("zones"), root.GetProperty("sites"), placement.GetProperty("candidates"), root.GetProperty("providers")])
        {
            var rows = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(block.GetProperty("file").GetString()!)));
            Assert.That(rows, Is.Not.Empty);
            foreach (var column in (string[])["id", "name", "lon", "lat"])
            {
                var name = block.GetProperty(column).GetString()!;
                Assert.That(rows[0].ContainsKey(name), Is.True, $"{block.GetProperty("file").GetString()}: column {name}");
            }
        }
        var zoneColumns = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File("zones.csv")))[0];
        foreach (var key in (string[])["population", "age65plus", "imdDecile", "imdRank", "ward", "localAuthority"])
        {
            Assert.That(zoneColumns.ContainsKey(root.GetProperty("zones").GetProperty(key).GetString()!), Is.True, key);
        }
    }

    [Test]
    public void Readme_SaysSynthetic()
    {
        var text = File.ReadAllText(SampleOutput.File(SampleGenerator.ReadmeFile));
        Assert.That(text, Does.Contain("SYNTHETIC"));
        Assert.That(text, Does.Contain("sample --out data-samples"));
    }
}
