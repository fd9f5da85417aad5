using Geo.Catchment.Appraisal;

using Geo.Catchment.Equality;
using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Catchment.Tests.Scenarios;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Appraisal;

/// <summary>
/// End-to-end appraisal of <see cref="HandScenario"/>; every expected number is worked out by hand in the comments.
///
/// Nearest open site (minutes):
///   baseline {H1,H2}: Z1 H1 10 (next H2 30), Z2 H2 10 (next H1 20), Z3 H2 25 (next H1 40), Z4 H2 35 (next H1 50)
///   A {H1}:           Z1 10, Z2 20, Z3 40, Z4 50 (no next site)
///   B {H1,C3}:        Z1 H1 10 (next C3 20), Z2 C3 15 (next H1 20), Z3 C3 5 (next H1 40), Z4 H1 50 (C3 no route: no next)
/// Change vs baseline: A = 0, +10, +15, +15; B = 0, +5, -20, +15. Weights = population 100, 200, 300, 400 (total 1000).
/// </summary>
[TestFixture]
public sealed class AppraiserTests
{
    private AppraisalResult _result = null!;
    private string _out = null!;

    [OneTimeSetUp]
    public void Run()
    {
        var scenarioPath = HandScenario.WriteAll();
        _out = Path.Combine(Path.GetDirectoryName(scenarioPath)!, "results");
        _result = Appraiser.RunWithFiles(ScenarioReader.Read(scenarioPath), null, _out, null);
    }

    private OptionMetrics Metrics(string option) => _result.Summary.Metrics.Single(m => m.Option == option);

    private EqualityRow Row(string option, string dimension, string group) =>
        _result.Summary.Equality.Single(e => e.Option == option && e.Dimension == dimension && e.Group == group);

    [Test]
    public void Run_HandScenario_ChoosesNearestOpenSiteAndNext()
    {
        var s = _result.Scoring;
        string Id(int site) => site < 0 ? "-" : s.Sites[site].Id;
        var b = s.Block(2, 0, 0); // option B
        Assert.Multiple(() =>
        {
            Assert.That(Enumerable.Range(0, 4).Select(z => Id(s.Block(0, 0, 0).Site[z])), Is.EqualTo(new[] { "H1", "H2", "H2", "H2" }));
            Assert.That(Enumerable.Range(0, 4).Select(z => Id(b.Site[z])), Is.EqualTo(new[] { "H1", "C3", "C3", "H1" }));
            Assert.That(Enumerable.Range(0, 4).Select(z => Id(b.NextSite[z])), Is.EqualTo(new[] { "C3", "H1", "H1", "-" }));
            Assert.That(b.Minutes, Is.EqualTo(new[] { 10.0, 15, 5, 50 }));
            Assert.That(b.NextMinutes[3], Is.NaN);
            Assert.That(b.ChangeMinutes, Is.EqualTo(new[] { 0.0, 5, -20, 15 }));
            Assert.That(s.Block(1, 0, 0).ChangeMinutes, Is.EqualTo(new[] { 0.0, 10, 15, 15 }));
            // km = minutes / 2 from the matrix; Z3 in B: 2.5 km.
            Assert.That(b.Km[2], Is.EqualTo(2.5));
        });
    }

    [Test]
    public void Run_HandScenario_HeadlineMeansMediansP90()
    {
        Assert.Multiple(() =>
        {
            // baseline mean = (100*10 + 200*10 + 300*25 + 400*35) / 1000 = 24.5
            // sorted 10(100) 10(200) 25(300) 35(400), cumulative 100 300 600 1000: median (500) = 25, p90 (900) = 35
            Assert.That(Metrics("baseline").MeanMinutes, Is.EqualTo(24.5).Within(1e-9));
            Assert.That(Metrics("baseline").MedianMinutes, Is.EqualTo(25));
            Assert.That(Metrics("baseline").P90Minutes, Is.EqualTo(35));
            // A mean = (1000 + 4000 + 12000 + 20000) / 1000 = 37; sorted 10 20 40 50, cum 100 300 600: median 40, p90 50
            Assert.That(Metrics("A").MeanMinutes, Is.EqualTo(37).Within(1e-9));
            Assert.That(Metrics("A").MedianMinutes, Is.EqualTo(40));
            Assert.That(Metrics("A").P90Minutes, Is.EqualTo(50));
            // B mean = (1000 + 3000 + 1500 + 20000) / 1000 = 25.5; sorted 5(300) 10(100) 15(200) 50(400), cum 300 400 600: median 15
            Assert.That(Metrics("B").MeanMinutes, Is.EqualTo(25.5).Within(1e-9));
            Assert.That(Metrics("B").MedianMinutes, Is.EqualTo(15));
            Assert.That(Metrics("B").P90Minutes, Is.EqualTo(50));
            // mean change A = (0 + 200*10 + 300*15 + 400*15) / 1000 = 12.5; B = (0 + 1000 - 6000 + 6000) / 1000 = 1.0
            Assert.That(Metrics("A").MeanChange, Is.EqualTo(12.5).Within(1e-9));
            Assert.That(Metrics("B").MeanChange, Is.EqualTo(1.0).Within(1e-9));
            Assert.That(Metrics("baseline").MeanChange, Is.EqualTo(0));
            Assert.That(Metrics("B").Population, Is.EqualTo(1000));
            Assert.That(Metrics("B").UnreachablePopulation, Is.EqualTo(0));
        });
    }

    [Test]
    public void Run_HandScenario_WorseCountsAndBands()
    {
        Assert.Multiple(() =>
        {
            // A: >5 = Z2, Z3, Z4 = 900; >10 = Z3, Z4 = 700; >20 none
            Assert.That(Metrics("A").Worse5, Is.EqualTo(900));
            Assert.That(Metrics("A").Worse10, Is.EqualTo(700));
            Assert.That(Metrics("A").Worse20, Is.EqualTo(0));
            // B: Z2 is exactly +5 (not > 5), Z4 +15: >5 = 400, >10 = 400, >20 = 0
            Assert.That(Metrics("B").Worse5, Is.EqualTo(400));
            Assert.That(Metrics("B").Worse10, Is.EqualTo(400));
            Assert.That(Metrics("B").Worse20, Is.EqualTo(0));
            // baseline bands: 0-15 Z1 Z2 = 300; 15-30 Z3 = 300; 30-45 Z4 = 400
            Assert.That(Metrics("baseline").Bands["0-15"], Is.EqualTo(300));
            Assert.That(Metrics("baseline").Bands["15-30"], Is.EqualTo(300));
            Assert.That(Metrics("baseline").Bands["30-45"], Is.EqualTo(400));
            Assert.That(Metrics("baseline").Bands["45-60"], Is.EqualTo(0));
            // A: 10 -> 0-15 (100), 20 -> 15-30 (200), 40 -> 30-45 (300), 50 -> 45-60 (400)
            Assert.That(Metrics("A").Bands["0-15"], Is.EqualTo(100));
            Assert.That(Metrics("A").Bands["15-30"], Is.EqualTo(200));
            Assert.That(Metrics("A").Bands["30-45"], Is.EqualTo(300));
            Assert.That(Metrics("A").Bands["45-60"], Is.EqualTo(400));
            // B: 10 and 5 -> 0-15 (400), 15 -> 15-30 (200; lower bound inclusive), 50 -> 45-60 (400)
            Assert.That(Metrics("B").Bands["0-15"], Is.EqualTo(400));
            Assert.That(Metrics("B").Bands["15-30"], Is.EqualTo(200));
            Assert.That(Metrics("B").Bands["45-60"], Is.EqualTo(400));
            Assert.That(Metrics("B").Bands["60+"], Is.EqualTo(0));
        });
    }

    [Test]
    public void Run_HandScenario_SCurve()
    {
        var curve = Metrics("B").SCurvePercent;
        Assert.Multiple(() =>
        {
            // B: within 4 min nobody; 5 min Z3 (30%); 10 min + Z1 (40%); 15 min + Z2 (60%); 50 min everyone.
            Assert.That(curve[4], Is.EqualTo(0));
            Assert.That(curve[5], Is.EqualTo(30).Within(1e-9));
            Assert.That(curve[10], Is.EqualTo(40).Within(1e-9));
            Assert.That(curve[15], Is.EqualTo(60).Within(1e-9));
            Assert.That(curve[49], Is.EqualTo(60).Within(1e-9));
            Assert.That(curve[50], Is.EqualTo(100).Within(1e-9));
        });
    }

    [Test]
    public void Run_HandScenario_ImdCore20AndWardBreakdownAndFlags()
    {
        Assert.Multiple(() =>
        {
            // A, Q1 = Z1+Z2 (300): mean minutes (100*10 + 200*20)/300 = 16.667; change (0 + 2000)/300 = 6.667 < 12.5: no flag
            Assert.That(Row("A", "imd_quintile", "1").Population, Is.EqualTo(300));
            Assert.That(Row("A", "imd_quintile", "1").MeanMinutes, Is.EqualTo(5000.0 / 300).Within(1e-9));
            Assert.That(Row("A", "imd_quintile", "1").MeanChange, Is.EqualTo(2000.0 / 300).Within(1e-9));
            Assert.That(Row("A", "imd_quintile", "1").Flag, Is.False);
            // A, Q3 = Z3: +15 vs 12.5 -> excess 2.5 > 2 and > 1.25: flag, ratio 1.2
            Assert.That(Row("A", "imd_quintile", "3").Flag, Is.True);
            Assert.That(Row("A", "imd_quintile", "3").Ratio, Is.EqualTo(1.2).Within(1e-9));
            Assert.That(Row("A", "imd_quintile", "5").Flag, Is.True);
            // Quintiles 2 and 4 have no zones: weight 0 and no means.
            Assert.That(Row("A", "imd_quintile", "2").Population, Is.EqualTo(0));
            Assert.That(Row("A", "imd_quintile", "2").MeanChange, Is.Null);
            // B overall +1.0; Q1 (0 + 200*5)/300 = 3.333: excess 2.333 > 2 and > 0.1: flag, ratio 3.333
            Assert.That(Row("B", "imd_quintile", "1").MeanChange, Is.EqualTo(1000.0 / 300).Within(1e-9));
            Assert.That(Row("B", "imd_quintile", "1").Flag, Is.True);
            Assert.That(Row("B", "imd_quintile", "1").Ratio, Is.EqualTo(1000.0 / 300).Within(1e-9));
            Assert.That(Row("B", "imd_quintile", "3").Flag, Is.False);
            // Core20 = Q1 here; other (Z3+Z4) in B: (300*-20 + 400*15)/700 = 0: no flag; in A: 15: flag
            Assert.That(Row("B", "core20", "core20").Flag, Is.True);
            Assert.That(Row("B", "core20", "other").MeanChange, Is.EqualTo(0).Within(1e-9));
            Assert.That(Row("B", "core20", "other").Flag, Is.False);
            Assert.That(Row("A", "core20", "other").Flag, Is.True);
            // Wards mirror Core20 here; the categorical column "rural" too (urban = Z1+Z2).
            Assert.That(Row("B", "ward", "W1").MeanChange, Is.EqualTo(1000.0 / 300).Within(1e-9));
            Assert.That(Row("B", "rural", "urban").MeanChange, Is.EqualTo(1000.0 / 300).Within(1e-9));
            Assert.That(Row("A", "local_authority", "LA").MeanChange, Is.EqualTo(12.5).Within(1e-9));
            // A, Q1: Z1 10 (w 100), Z2 20 (w 200): median (150) = 20, p90 = 20; bands 0-15: 100, 15-30: 200; worse >5: Z2 (+10) = 200
            Assert.That(Row("A", "imd_quintile", "1").MedianMinutes, Is.EqualTo(20));
            Assert.That(Row("A", "imd_quintile", "1").P90Minutes, Is.EqualTo(20));
            Assert.That(Row("A", "imd_quintile", "1").Bands!["0-15"], Is.EqualTo(100));
            Assert.That(Row("A", "imd_quintile", "1").Bands!["15-30"], Is.EqualTo(200));
            Assert.That(Row("A", "imd_quintile", "1").Worse5, Is.EqualTo(200));
            Assert.That(Row("A", "imd_quintile", "1").Worse10, Is.EqualTo(0));
            // Worse > 10 for A in Q5 (Z4 +15) = 400
            Assert.That(Row("A", "imd_quintile", "5").Worse10, Is.EqualTo(400));
            // The baseline is never flagged.
            Assert.That(_result.Summary.Equality.Where(e => e.Option == "baseline").Any(e => e.Flag), Is.False);
        });
    }

    [Test]
    public void Run_HandScenario_AgeBreakdownWeightsByResidents()
    {
        Assert.Multiple(() =>
        {
            // 65+ weights 40, 20, 60, 100 (220). A change: (0 + 20*10 + 60*15 + 100*15)/220 = 2600/220 = 11.818
            Assert.That(Row("A", "age", "65+").Population, Is.EqualTo(220));
            Assert.That(Row("A", "age", "65+").MeanChange, Is.EqualTo(2600.0 / 220).Within(1e-9));
            // 65+ mean minutes A: (40*10 + 20*20 + 60*40 + 100*50)/220 = 8200/220
            Assert.That(Row("A", "age", "65+").MeanMinutes, Is.EqualTo(8200.0 / 220).Within(1e-9));
            // 65+ A sorted 10(40) 20(20) 40(60) 50(100), cumulative 40 60 120 220: median (110) = 40, p90 (198) = 50
            Assert.That(Row("A", "age", "65+").MedianMinutes, Is.EqualTo(40));
            Assert.That(Row("A", "age", "65+").P90Minutes, Is.EqualTo(50));
            // worse > 10 among 65+ in A: Z3 and Z4 (60 + 100)
            Assert.That(Row("A", "age", "65+").Worse10, Is.EqualTo(160));
            // under 65 weights 60, 180, 240, 300 (780). A: (1800 + 3600 + 4500)/780 = 9900/780
            Assert.That(Row("A", "age", "under 65").Population, Is.EqualTo(780));
            Assert.That(Row("A", "age", "under 65").MeanChange, Is.EqualTo(9900.0 / 780).Within(1e-9));
            // B 65+: (100 - 1200 + 1500)/220 = 400/220; under 65: (900 - 4800 + 4500)/780 = 600/780; neither flagged
            Assert.That(Row("B", "age", "65+").MeanChange, Is.EqualTo(400.0 / 220).Within(1e-9));
            Assert.That(Row("B", "age", "under 65").MeanChange, Is.EqualTo(600.0 / 780).Within(1e-9));
            Assert.That(Row("B", "age", "65+").Flag, Is.False);
        });
    }

    [Test]
    public void Run_HandScenario_Ranking()
    {
        // mean 24.5 / 37 / 25.5 -> scaled 1, 0, 11.5/12.5 = 0.92; p90 35/50/50 -> 1, 0, 0;
        // share over 30 min 0.4/0.7/0.4 -> 1, 0, 1; flags 0 / 4 (Q3, Q5, core20 other, W2) / 4 (Q1, Q5, core20, W1, urban... see below)
        // B's flags: Q1, Q5, core20 'core20', ward W1, rural 'urban' = 5; A's: Q3, Q5, core20 'other', ward W2, rural 'rural' = 5.
        // -> flags scaled 1, 0, 0. Scores: baseline 100; A 0; B = 100 * (0.4*0.92 + 0.2*1) = 56.8.
        var ranking = _result.Summary.Ranking;
        Assert.Multiple(() =>
        {
            Assert.That(ranking.Select(r => r.Option), Is.EqualTo(new[] { "baseline", "B", "A" }));
            Assert.That(ranking[0].Score, Is.EqualTo(100).Within(1e-9));
            Assert.That(ranking[1].Score, Is.EqualTo(56.8).Within(1e-9));
            Assert.That(ranking[2].Score, Is.EqualTo(0).Within(1e-9));
            Assert.That(_result.Summary.Equality.Count(e => e.Option == "A" && e.Flag), Is.EqualTo(5));
            Assert.That(_result.Summary.Equality.Count(e => e.Option == "B" && e.Flag), Is.EqualTo(5));
        });
    }

    [Test]
    public void Run_HandScenario_CostAndCarbonPerVisit()
    {
        var b = _result.Scoring.Block(2, 0, 0);
        // Z1 in B: 10 min, 5 km; car 45p/mile = 0.45/1.609344 per km, 2 journeys: 5 * 0.45 / 1.609344 * 2 = 2.79617 GBP
        // carbon 5 km * 0.166 kg/km * 2 = 1.66 kg
        Assert.Multiple(() =>
        {
            Assert.That(b.CostGbp[0], Is.EqualTo(5 * 0.45 / 1.609344 * 2).Within(1e-9));
            Assert.That(b.CarbonKg[0], Is.EqualTo(1.66).Within(1e-9));
            Assert.That(b.GeneralisedCostGbp[0], Is.NaN);
        });
    }

    [Test]
    public void Run_HandScenario_WritesEveryContractFile()
    {
        foreach (var name in new[] { "zone_results.csv", "zone_results.parquet", "zones.geojson", "sites.geojson", "zones.gpkg", "summary.json", "report.html", "matrices/car.csv" })
        {
            Assert.That(File.Exists(Path.Combine(_out, name)), Is.True, name);
        }
        var lines = File.ReadAllLines(Path.Combine(_out, "zone_results.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("option_id,mode,service,zone_id,site_id,minutes,km,interchanges,cost_gbp,carbon_kg,change_minutes,next_site_id,next_minutes,status"));
            Assert.That(lines, Has.Length.EqualTo(1 + 3 * 4));
            // B, Z4: H1 50 min, 25 km, no interchanges, no next site (empty cells, never 0)
            Assert.That(lines.Single(l => l.StartsWith("B,car,op,Z4,", StringComparison.Ordinal)),
                Is.EqualTo("B,car,op,Z4,H1,50,25,,13.98,8.3,15,,,ok,"));
            Assert.That(Directory.GetFiles(_out, "*.tmp", SearchOption.AllDirectories), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(_out, "report.html")), Does.Contain("data:image/png;base64,"));
        });
    }

    [Test]
    public void Run_HandScenario_SitesGeoJsonHasStatuses()
    {
        var text = File.ReadAllText(Path.Combine(_out, "sites.geojson"));
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        var props = doc.RootElement.GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("site_id").GetString()!, f => f.GetProperty("properties"));
        Assert.Multiple(() =>
        {
            Assert.That(props["H2"].GetProperty("kind").GetString(), Is.EqualTo("existing"));
            Assert.That(props["H2"].GetProperty("status_A").GetString(), Is.EqualTo("closed"));
            Assert.That(props["C3"].GetProperty("kind").GetString(), Is.EqualTo("candidate"));
            Assert.That(props["C3"].GetProperty("status_B").GetString(), Is.EqualTo("new"));
            Assert.That(props["C3"].GetProperty("status_A").GetString(), Is.EqualTo("candidate"));
            Assert.That(props["H1"].GetProperty("status_baseline").GetString(), Is.EqualTo("open"));
        });
    }
}
