using Geo.Catchment.Appraisal;

using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>Demand per zone and service replaces residents as the weight.</summary>
[TestFixture]
public sealed class DemandTests
{
    private const string Demand = """
        zone_id,service,patients
        Z1,op,10
        Z2,op,0
        Z3,op,30
        Z4,op,60
        Z1,other,1
        """;

    [Test]
    public void Run_DemandColumn_WeightsByDemand()
    {
        var scenario = HandScenario.Scenario.Replace("\"matrices\"",
            "\"demand\": { \"file\": \"demand.csv\", \"zone\": \"zone_id\", \"service\": \"service\", \"value\": \"patients\" }, \"matrices\"", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        TestFiles.Write(Path.GetDirectoryName(path)!, "demand.csv", Demand);
        var result = Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "results"), null);
        var baseline = result.Summary.Metrics.Single(m => m.Option == "baseline");
        Assert.Multiple(() =>
        {
            // baseline minutes 10, 10, 25, 35 weighted 10, 0, 30, 60: (100 + 750 + 2100) / 100 = 29.5
            Assert.That(baseline.MeanMinutes, Is.EqualTo(29.5).Within(1e-9));
            Assert.That(baseline.Population, Is.EqualTo(100));
            Assert.That(result.Summary.WeightedBy, Is.EqualTo("demand"));
            // The age split still weights by residents: 65+ baseline (40*10 + 20*10 + 60*25 + 100*35) / 220
            Assert.That(result.Summary.Equality.Single(e => e.Option == "baseline" && e.Dimension == "age" && e.Group == "65+").MeanMinutes,
                Is.EqualTo(5600.0 / 220).Within(1e-9));
        });
    }

    [Test]
    public void Run_DemandMissingAZone_ErrorNamesZone()
    {
        var scenario = HandScenario.Scenario.Replace("\"matrices\"",
            "\"demand\": { \"file\": \"demand.csv\", \"zone\": \"zone_id\", \"service\": \"service\", \"value\": \"patients\" }, \"matrices\"", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        TestFiles.Write(Path.GetDirectoryName(path)!, "demand.csv", Demand.Replace("Z2,op,0\n", "", StringComparison.Ordinal));
        var error = Assert.Throws<InputFileException>(() => Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "results"), null))!;
        Assert.That(error.Message, Does.Contain("zone 'Z2' has no demand row for service 'op'"));
    }
}
