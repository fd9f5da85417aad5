using Geo.Catchment.Appraisal;
using Geo.Catchment.Equality;
using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>
/// <see cref="BoardScenario"/> appraised end to end; every figure below is worked out by hand.
///
/// Car, nearest open site (minutes):
///   baseline {S1,S2}: Z1 15 (S1), Z2 10, Z3 20, Z4 20, Z5 15, Z6 30 (all S2)
///   A {S1}:           Z1 15, Z2 30, Z3 30, Z4 45, Z5 60, Z6 61
///   change A:         0, +20, +10, +25, +45, +31; mean = 131 / 6 = 21.833 (every zone weighs 1,000)
/// Bands, "within T" = &lt;= T (0-15, over 15 to 30, over 30 to 45, over 45 to 60, over 60):
///   baseline: 0-15 = Z1 Z2 Z5 = 3,000; 15-30 = Z3 Z4 Z6 = 3,000
///   A:        0-15 = Z1 = 1,000; 15-30 = Z2 Z3 = 2,000; 30-45 = Z4; 45-60 = Z5; 60+ = Z6 (1,000 each)
///   (the old lower-inclusive rule put Z1 and Z5 of the baseline in 15-30 and Z6 in 30-45.)
/// Equality (flag: group change > 0 and exceeds 21.833 by more than 2 min and more than 10% of 21.833 = 2.18):
///   ward E05000001 Brooklands (Manchester) Z1 Z2: (0 + 20) / 2 = 10;     E05000002 Brooklands (Trafford) Z3 Z4: 17.5
///   ward E05000003 Altrincham Z5 Z6: (45 + 31) / 2 = 38 -> excess 16.2: flagged (2 zones, 2,000 people = the minimum)
///   LA E08000003 Manchester: 10; LA E08000009 Trafford Z3-Z6: (10 + 25 + 45 + 31) / 4 = 27.75 -> excess 5.9: flagged
///   IMD quintile 1 = Z5 alone: 45 -> excess 23.2, but 1 zone and 1,000 people is under the minimum (2 zones, 2,000): small, not flagged
///   core20 = Z5 alone: small, not flagged
/// Transit (car + 10 min; fares S1 GBP 2.00, S2 GBP 4.50; 2 journeys per visit):
///   baseline: Z1 S1 25 min (GBP 4.00 a visit); Z2-Z6 S2 20, 30, 30, 25, 40 (GBP 9.00): mean cost = (4 + 5 x 9) / 6 = 8.1667
///   A: every zone S1, GBP 4.00
/// Annual totals (3,000 visits a year from each zone, 18,000 in all):
///   transit money: baseline 3,000 x 4 + 15,000 x 9 = 147,000; A 18,000 x 4 = 72,000
///   car km per journey (minutes / 2), baseline: 7.5, 5, 10, 10, 7.5, 15 = 55 km over the six zones;
///   car carbon = 3,000 x 55 x 0.166 kg/km x 2 journeys = 54,780 kg; car money = 3,000 x 55 x 2 x 0.45 / 1.609344 GBP
/// Ranking with weights mean 1, others 0: baseline mean car 15 (90/6), A 40.17 -> baseline 100, A 0 (both modes agree).
/// </summary>
[TestFixture]
public sealed class BoardScenarioTests
{
    private AppraisalResult _result = null!;
    private string _out = null!;

    [OneTimeSetUp]
    public void Run()
    {
        var scenarioPath = BoardScenario.WriteAll();
        _out = Path.Combine(Path.GetDirectoryName(scenarioPath)!, "results");
        _result = Appraiser.RunWithFiles(ScenarioReader.Read(scenarioPath), null, _out, null);
    }

    [Test]
    public void Report_MethodsSummaryAttributionAndEqualityTables()
    {
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(_out, "report.html")));
        var methods = _result.Summary.Methods!;
        Assert.Multiple(() =>
        {
            // every input file of the scenario is listed, in summary.json and on the page
            foreach (var file in (string[])["zones.csv", "sites.csv", "car.csv", "transit.csv"])
            {
                Assert.That(methods.Inputs.Select(i => Path.GetFileName(i.File)), Does.Contain(file));
                Assert.That(html, Does.Contain(">" + file + "<"), file);
            }
            Assert.That(html, Does.Contain("Methods and data"));
            Assert.That(html, Does.Contain("© OpenStreetMap contributors (ODbL)"));
            Assert.That(html, Does.Contain("Open Government Licence v3.0"));
            Assert.That(methods.Methods.Select(m => m.Topic), Does.Contain("Time bands").And.Contain("Weighting").And.Contain("Money").And.Contain("Carbon").And.Contain("Ranking"));
            // plain-English summary: option A by car, baseline mean (15+10+20+20+15+30)/6 = 18.3 -> (15+30+30+45+60+61)/6 = 40.2;
            // 5,000 of 6,000 people travel longer (Z2-Z6), 4,000 by more than 10 minutes (Z2, Z4, Z5, Z6)
            Assert.That(html, Does.Contain("<h2>Summary</h2>"));
            Assert.That(html, Does.Contain("the mean journey goes from 18.3 to 40.2 minutes (+21.8)"));
            Assert.That(html, Does.Contain("5,000 people (83%) travel longer, 4,000 of them by more than 10 minutes"));
            Assert.That(html, Does.Contain("ward Altrincham (Trafford) +38.0 min"), "the group affected most, by code with its name");
            Assert.That(html, Does.Contain("Equality impact: op by car"));
            Assert.That(html, Does.Contain("small group"));
            Assert.That(html, Does.Contain("People by travel time and IMD quintile: op by transit"));
            Assert.That(html, Does.Contain("over 15 to 30 min"));
            Assert.That(html, Does.Contain("Download CSV"), "the CSV links script");
            Assert.That(html, Does.Contain("Cost a year"));
        });
    }

    private OptionMetrics Metrics(string option, string mode = "car") =>
        _result.Summary.Metrics.Single(m => m.Option == option && m.Mode == mode);

    private EqualityRow Row(string option, string dimension, string group, string mode = "car") =>
        _result.Summary.Equality.Single(e => e.Option == option && e.Mode == mode && e.Dimension == dimension && e.Group == group);

    [Test]
    public void Bands_IntegerMinutes_UpperBoundInclusive()
    {
        var baseline = Metrics("baseline").Bands;
        var a = Metrics("A").Bands;
        Assert.Multiple(() =>
        {
            Assert.That(baseline["0-15"], Is.EqualTo(3000));
            Assert.That(baseline["15-30"], Is.EqualTo(3000));
            Assert.That(baseline["30-45"], Is.EqualTo(0));
            Assert.That(a["0-15"], Is.EqualTo(1000));
            Assert.That(a["15-30"], Is.EqualTo(2000));
            Assert.That(a["30-45"], Is.EqualTo(1000));
            Assert.That(a["45-60"], Is.EqualTo(1000));
            Assert.That(a["60+"], Is.EqualTo(1000));
            // The S-curve uses the same rule: % within 30 minutes = bands 0-15 + 15-30.
            Assert.That(Metrics("baseline").SCurvePercent[30], Is.EqualTo(100).Within(1e-9));
            Assert.That(Metrics("A").SCurvePercent[30], Is.EqualTo(50).Within(1e-9));
            Assert.That(Metrics("A").SCurvePercent[15], Is.EqualTo(100.0 / 6).Within(1e-9));
        });
    }

    [Test]
    public void Wards_GroupedByCode_NameShownBeside()
    {
        var wards = _result.Summary.Equality.Where(e => e.Option == "A" && e.Mode == "car" && e.Dimension == "ward").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(wards.Select(w => w.Group), Is.EqualTo(new[] { "E05000001", "E05000002", "E05000003" }));
            Assert.That(wards.Select(w => w.GroupName), Is.EqualTo(new[] { "Brooklands (Manchester)", "Brooklands (Trafford)", "Altrincham (Trafford)" }));
            Assert.That(wards.Select(w => w.Population), Is.EqualTo(new[] { 2000.0, 2000, 2000 }));
            Assert.That(Row("A", "ward", "E05000001").MeanChange, Is.EqualTo(10).Within(1e-9));
            Assert.That(Row("A", "ward", "E05000002").MeanChange, Is.EqualTo(17.5).Within(1e-9));
            Assert.That(Row("A", "ward", "E05000003").MeanChange, Is.EqualTo(38).Within(1e-9));
            Assert.That(Row("A", "ward", "E05000003").Flag, Is.True);
            Assert.That(Row("A", "local_authority", "E08000009").GroupName, Is.EqualTo("Trafford"));
            Assert.That(Row("A", "local_authority", "E08000009").MeanChange, Is.EqualTo(27.75).Within(1e-9));
            Assert.That(Row("A", "local_authority", "E08000009").Flag, Is.True);
            Assert.That(Row("A", "local_authority", "E08000003").Flag, Is.False);
        });
    }

    [Test]
    public void Wards_SameNameWithoutCodes_KeptApartByLocalAuthority()
    {
        var scenario = BoardScenario.Scenario.Replace("\"wardCode\": \"ward_code\", ", "", StringComparison.Ordinal)
            .Replace(", \"localAuthorityCode\": \"la_code\"", "", StringComparison.Ordinal);
        var path = BoardScenario.WriteAll(scenario);
        var result = Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "results"), null);
        var wards = result.Summary.Equality.Where(e => e.Option == "A" && e.Mode == "car" && e.Dimension == "ward").ToList();
        Assert.That(wards.Select(w => w.Population), Is.EqualTo(new[] { 2000.0, 2000, 2000 }), "no ward merges Manchester's and Trafford's Brooklands");
        Assert.That(wards.Select(w => w.GroupName), Is.EquivalentTo(new[] { "Brooklands (Manchester)", "Brooklands (Trafford)", "Altrincham (Trafford)" }));
    }

    [Test]
    public void SmallGroups_MarkedAndNeverFlagged()
    {
        Assert.Multiple(() =>
        {
            var q1 = Row("A", "imd_quintile", "1");
            Assert.That(q1.MeanChange, Is.EqualTo(45).Within(1e-9));
            Assert.That(q1.Zones, Is.EqualTo(1));
            Assert.That(q1.Residents, Is.EqualTo(1000));
            Assert.That(q1.SmallGroup, Is.True);
            Assert.That(q1.Flag, Is.False, "a group of one zone is not flagged");
            Assert.That(Row("A", "core20", "core20").SmallGroup, Is.True);
            Assert.That(Row("A", "core20", "core20").Flag, Is.False);
            Assert.That(Row("A", "ward", "E05000003").SmallGroup, Is.False, "2 zones and 2,000 people meet the minimum");
            Assert.That(Row("A", "imd_quintile", "3").SmallGroup, Is.False);
            Assert.That(Row("A", "imd_quintile", "3").Zones, Is.EqualTo(3));
        });
    }

    [Test]
    public void SmallGroups_DefaultMinimumIsStated()
    {
        var defaults = new EqualitySpec();
        Assert.Multiple(() =>
        {
            Assert.That(defaults.MinGroupZones, Is.EqualTo(EqualitySpec.DefaultMinGroupZones));
            Assert.That(defaults.MinGroupPeople, Is.EqualTo(EqualitySpec.DefaultMinGroupPeople));
            Assert.That(_result.Summary.EqualityRule, Does.Contain("2 zones").And.Contain("2,000 people"));
        });
    }

    [Test]
    public void Transit_FaresFromTheMatrix_PricedPerVisit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Metrics("baseline", "transit").MeanCostGbp, Is.EqualTo(49.0 / 6).Within(1e-9));
            Assert.That(Metrics("A", "transit").MeanCostGbp, Is.EqualTo(4.0).Within(1e-9));
            Assert.That(Metrics("baseline", "transit").Bands["15-30"], Is.EqualTo(5000));
            Assert.That(Metrics("baseline", "transit").Bands["30-45"], Is.EqualTo(1000));
        });
    }

    [Test]
    public void AnnualTotals_FromVisitsPerYear()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Metrics("baseline", "transit").Annual!.Visits, Is.EqualTo(18000));
            Assert.That(Metrics("baseline", "transit").Annual!.CostGbp, Is.EqualTo(147000).Within(1e-6));
            Assert.That(Metrics("A", "transit").Annual!.CostGbp, Is.EqualTo(72000).Within(1e-6));
            Assert.That(Metrics("baseline").Annual!.CarbonKg, Is.EqualTo(54780).Within(1e-6));
            Assert.That(Metrics("baseline").Annual!.CostGbp, Is.EqualTo(3000 * 55 * 2 * 0.45 / 1.609344).Within(1e-6));
        });
    }

    [Test]
    public void Ranking_WeightsFromTheScenario()
    {
        var ranking = _result.Summary.Ranking;
        Assert.Multiple(() =>
        {
            Assert.That(ranking[0].Option, Is.EqualTo("baseline"));
            Assert.That(ranking[0].Score, Is.EqualTo(100));
            Assert.That(ranking[1].Score, Is.EqualTo(0));
            Assert.That(_result.Summary.RankingWeights.MeanMinutes, Is.EqualTo(1));
            Assert.That(_result.Summary.RankingMethod, Does.Contain("mean minutes 1,").And.Contain("equality flags 0"));
        });
    }

    [TestCase("1e308")]
    [TestCase("Infinity")]
    [TestCase("NaN")]
    [TestCase("1441")]
    public void Matrix_ImpossibleMinutes_RejectedWithFileLineField(string value)
    {
        var matrix = BoardScenario.CarMatrix().Replace("Z2,S2,10,5,ok", "Z2,S2," + value + ",5,ok", StringComparison.Ordinal);
        var path = BoardScenario.WriteAll(carMatrix: matrix);
        var ex = Assert.Throws<InputFileException>(() =>
            Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "results"), null))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.File, Does.EndWith("car.csv"));
            Assert.That(ex.Line, Is.EqualTo(5), "header, Z1-S1, Z1-S2, Z2-S1, Z2-S2");
            Assert.That(ex.Field, Is.EqualTo("minutes"));
        });
    }
}
