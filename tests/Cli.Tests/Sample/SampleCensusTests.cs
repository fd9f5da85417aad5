using System.Globalization;
using Geo.Samples;
using NUnit.Framework;

namespace Geo.Cli.Tests.Sample;

/// <summary>The generated census.csv: one row per zone, counts that add up, and the intended shape (diverse deprived town wards, older villages).</summary>
[TestFixture]
public sealed class SampleCensusTests
{
    private List<Dictionary<string, string>> _zones = null!;
    private Dictionary<string, Dictionary<string, string>> _census = null!;

    [OneTimeSetUp]
    public void Read()
    {
        _zones = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(SampleGenerator.ZonesFile)));
        _census = SampleOutput.ReadCsv(File.ReadAllText(SampleOutput.File(SampleGenerator.CensusFile))).ToDictionary(r => r["zone_id"]);
    }

    [Test]
    public void Census_EveryZoneOnce_GroupsAddUpToPopulation()
    {
        Assert.That(_census.Keys, Is.EquivalentTo(_zones.Select(z => z["zone_id"])));
        foreach (var z in _zones)
        {
            var c = _census[z["zone_id"]];
            var population = Int(z["population"]);
            var id = z["zone_id"];
            Assert.Multiple(() =>
            {
                Assert.That(Int(c["ethnic_white"]) + Int(c["ethnic_asian"]) + Int(c["ethnic_black"]) + Int(c["ethnic_mixed"]) + Int(c["ethnic_other"]), Is.EqualTo(population), id);
                Assert.That(Int(c["ethnic_white"]), Is.GreaterThan(population / 2), id);
                Assert.That(Int(c["female"]) + Int(c["male"]), Is.EqualTo(population), id);
                Assert.That(Int(c["disabled"]), Is.InRange(population / 20, population / 3), id);
                var households = Int(c["households_no_car"]) + Int(c["households_with_car"]);
                Assert.That(households, Is.InRange(population / 3, population / 2), id);
            });
        }
    }

    [Test]
    public void Census_MoreDiverseInDeprivedZones_FewerCarsWhereCarAccessIsLow()
    {
        double Share(Func<Dictionary<string, string>, bool> which, string column, string of)
        {
            var rows = _zones.Where(which).ToList();
            return rows.Sum(z => (double)Int(_census[z["zone_id"]][column])) / rows.Sum(z => (double)Of(z, of));
        }
        double Of(Dictionary<string, string> z, string of) =>
            of == "population" ? Int(z["population"]) : Int(_census[z["zone_id"]]["households_no_car"]) + Int(_census[z["zone_id"]]["households_with_car"]);
        bool Deprived(Dictionary<string, string> z) => Int(z["imd_decile"]) <= 3;
        Assert.Multiple(() =>
        {
            Assert.That(Share(Deprived, "ethnic_asian", "population"), Is.GreaterThan(2 * Share(z => !Deprived(z), "ethnic_asian", "population")));
            Assert.That(Share(Deprived, "households_no_car", "households"), Is.GreaterThan(Share(z => !Deprived(z), "households_no_car", "households")));
        });
    }

    [Test]
    public void Scenario_JoinsCensusAndNamesTheBreakdowns()
    {
        var scenario = Geo.Catchment.Scenarios.ScenarioReader.Read(SampleOutput.File(SampleGenerator.ScenarioFile));
        Assert.That(scenario.Zones.Census!.Select(c => c.Dimension), Is.EqualTo(new[] { "ethnicity", "disability", "sex", "car_availability" }));
        var zones = Geo.Catchment.Inputs.ZoneLoader.Load(scenario);
        Assert.That(zones.Census.Single(c => c.Dimension == "car_availability").Unit, Is.EqualTo("households"));
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
