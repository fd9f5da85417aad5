using Geo.Catchment.Appraisal;
using Geo.Catchment.Equality;
using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>
/// <see cref="BoardScenario"/> with census counts joined from census.csv (ethnicity, disability, sex, households without a car).
/// Car change under option A (from BoardScenarioTests): Z1 0, Z2 +20, Z3 +10, Z4 +25, Z5 +45, Z6 +31; whole resident
/// population (1,000 a zone) 131 / 6 = +21.833. Flag: change > 0, excess > 2 min and > 10% of 21.833 = 2.18; small = under 2 zones or 2,000.
///
///   zone  asian white  disabled  female male  households_no_car
///   Z1        0  1000       100     500  500                  50
///   Z2        0  1000       200     500  500                 100
///   Z3        0  1000       300     500  500                 150
///   Z4      500   500       400     500  500                 200
///   Z5      900   100       500     500  500                 300
///   Z6      600   400    (empty)    500  500                   0
///
/// Asian: Z4-Z6 (zero counts are not members), 2,000 people: (500x25 + 900x45 + 600x31) / 2,000 = 71,600 / 2,000 = +35.8;
///   excess 13.97 -> flagged. Bands under A (car 45, 60, 61): 30-45 500, 45-60 900, 60+ 600.
/// White: 4,000 people: (0 + 20,000 + 10,000 + 12,500 + 4,500 + 12,400) / 4,000 = 59,400 / 4,000 = +14.85: not flagged.
/// Disabled: Z6 unknown, so Z1-Z5, 1,500 people: (0 + 4,000 + 3,000 + 10,000 + 22,500) / 1,500 = +26.33; small (under 2,000), not flagged.
/// Female and male: 500 a zone, so the same as everyone: +21.833, not flagged.
/// Households with no car (unit households): Z1-Z5, 800 households: A bands 0-15 Z1 50; 15-30 Z2+Z3 250; 30-45 Z4 200; 45-60 Z5 300;
///   worse by more than 10 minutes: Z2 (+20) 100 + Z4 (+25) 200 + Z5 (+45) 300 = 600 (Z3 is exactly +10: not more than 10).
/// </summary>
[TestFixture]
public sealed class BoardCensusTests
{
    private const string Census = """
        code,asian,white,disabled,female,male,households_no_car
        Z1,0,1000,100,500,500,50
        Z2,0,1000,200,500,500,100
        Z3,0,1000,300,500,500,150
        Z4,500,500,400,500,500,200
        Z5,900,100,500,500,500,300
        Z6,600,400,,500,500,0
        """;

    private const string CensusBlock = """
          "census": [
            { "dimension": "ethnicity", "groups": { "Asian": "ethnic_asian", "White": "ethnic_white" } },
            { "dimension": "disability", "groups": { "disabled": "disabled" } },
            { "dimension": "sex", "groups": { "female": "female", "male": "male" } },
            { "dimension": "car_availability", "unit": "households", "groups": { "no car": "households_no_car" } }
          ],
          "joins": [ { "file": "census.csv", "key": "code",
                       "columns": { "ethnic_asian": "asian", "ethnic_white": "white", "disabled": "disabled", "female": "female", "male": "male",
                                    "households_no_car": "households_no_car" } } ],
        """;

    private AppraisalResult _result = null!;
    private string _out = null!;

    internal static string WriteScenario(string census, string censusBlock = CensusBlock)
    {
        var scenario = BoardScenario.Scenario.Replace("\"zones\": {", "\"zones\": {\n" + censusBlock, StringComparison.Ordinal);
        var path = BoardScenario.WriteAll(scenario);
        TestFiles.Write(Path.GetDirectoryName(path)!, "census.csv", census + "\n");
        return path;
    }

    [OneTimeSetUp]
    public void Run()
    {
        var scenarioPath = WriteScenario(Census);
        _out = Path.Combine(Path.GetDirectoryName(scenarioPath)!, "results");
        _result = Appraiser.RunWithFiles(ScenarioReader.Read(scenarioPath), null, _out, null);
    }

    private EqualityRow Row(string dimension, string group, string option = "A") =>
        _result.Summary.Equality.Single(e => e.Option == option && e.Mode == "car" && e.Dimension == dimension && e.Group == group);

    [Test]
    public void Ethnicity_WeightedByCounts_FlagsTheGroupThatLosesMost()
    {
        var asian = Row("ethnicity", "Asian");
        var white = Row("ethnicity", "White");
        Assert.Multiple(() =>
        {
            Assert.That(asian.Zones, Is.EqualTo(3), "zero counts are not members");
            Assert.That(asian.Population, Is.EqualTo(2000));
            Assert.That(asian.Unit, Is.EqualTo("people"));
            Assert.That(asian.MeanChange, Is.EqualTo(35.8).Within(1e-9));
            Assert.That(asian.OverallMeanChange, Is.EqualTo(131.0 / 6).Within(1e-9));
            Assert.That(asian.Flag, Is.True);
            Assert.That(asian.Bands!["30-45"], Is.EqualTo(500));
            Assert.That(asian.Bands["45-60"], Is.EqualTo(900));
            Assert.That(asian.Bands["60+"], Is.EqualTo(600));
            Assert.That(white.Population, Is.EqualTo(4000));
            Assert.That(white.MeanChange, Is.EqualTo(14.85).Within(1e-9));
            Assert.That(white.Flag, Is.False);
        });
    }

    [Test]
    public void Disability_UnknownCellLeftOut_SmallGroupNotFlagged()
    {
        var disabled = Row("disability", "disabled");
        Assert.Multiple(() =>
        {
            Assert.That(disabled.Zones, Is.EqualTo(5));
            Assert.That(disabled.Population, Is.EqualTo(1500));
            Assert.That(disabled.MeanChange, Is.EqualTo(39500.0 / 1500).Within(1e-9));
            Assert.That(disabled.SmallGroup, Is.True);
            Assert.That(disabled.Flag, Is.False);
        });
    }

    [Test]
    public void Sex_EvenSplit_SameAsEveryone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Row("sex", "female").MeanChange, Is.EqualTo(131.0 / 6).Within(1e-9));
            Assert.That(Row("sex", "male").Population, Is.EqualTo(3000));
            Assert.That(Row("sex", "male").Flag, Is.False);
        });
    }

    [Test]
    public void HouseholdsWithoutCar_CountedInHouseholds_BandsAndWorseOff()
    {
        var noCar = Row("car_availability", "no car");
        var baseline = Row("car_availability", "no car", option: "baseline");
        Assert.Multiple(() =>
        {
            Assert.That(noCar.Unit, Is.EqualTo("households"));
            Assert.That(noCar.Population, Is.EqualTo(800));
            Assert.That(noCar.Bands!["0-15"], Is.EqualTo(50));
            Assert.That(noCar.Bands["15-30"], Is.EqualTo(250));
            Assert.That(noCar.Bands["30-45"], Is.EqualTo(200));
            Assert.That(noCar.Bands["45-60"], Is.EqualTo(300));
            Assert.That(noCar.Worse10, Is.EqualTo(600), "Z3 is exactly +10 minutes: not more than 10");
            Assert.That(baseline.Worse10, Is.EqualTo(0));
        });
    }

    [Test]
    public void Report_ShowsCensusTablesWithUnits()
    {
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(_out, "report.html")));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("People by travel time and ethnicity: op by car"));
            Assert.That(html, Does.Contain("Households by travel time and car availability: op by car"));
            Assert.That(html, Does.Contain("800 households"), "the equality table names the unit of the weight");
            Assert.That(html, Does.Contain("ethnicity Asian +35.8 min"), "the plain-English summary names the group affected most");
        });
    }

    /// <summary>Maps group wards and draw local authority boundaries by code, so zones.geojson carries the codes when given.</summary>
    [Test]
    public void ZonesGeoJson_CarriesWardAndAuthorityCodes()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "zones.geojson")));
        var z3 = doc.RootElement.GetProperty("features")[2].GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(z3.GetProperty("ward_code").GetString(), Is.EqualTo("E05000002"));
            Assert.That(z3.GetProperty("local_authority_code").GetString(), Is.EqualTo("E08000009"));
            Assert.That(z3.GetProperty("ethnic_asian").GetDouble(), Is.EqualTo(0));
        });
    }

    [Test]
    public void NegativeCount_ErrorNamesFileLineAndColumn()
    {
        var path = WriteScenario(Census.Replace("Z4,500,", "Z4,-5,", StringComparison.Ordinal));
        var error = Assert.Throws<InputFileException>(() => Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "out"), null))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Does.EndWith("census.csv"));
            Assert.That(error.Line, Is.EqualTo(5));
            Assert.That(error.Field, Is.EqualTo("asian"));
            Assert.That(error.Message, Does.Contain("negative"));
        });
    }

    [Test]
    public void TextCount_ErrorNamesTheValue()
    {
        var path = WriteScenario(Census.Replace("Z5,900,", "Z5,many,", StringComparison.Ordinal));
        var error = Assert.Throws<InputFileException>(() => Appraiser.RunWithFiles(ScenarioReader.Read(path), null, Path.Combine(Path.GetDirectoryName(path)!, "out"), null))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(6));
            Assert.That(error.Message, Does.Contain("'many'").And.Contain("not a number"));
        });
    }

    [TestCase("{ \"dimension\": \"age\", \"groups\": { \"a\": \"female\" } }", "$.zones.census[0].dimension")]
    [TestCase("{ \"dimension\": \"sex\", \"unit\": \"cars\", \"groups\": { \"a\": \"female\" } }", "$.zones.census[0].unit")]
    [TestCase("{ \"dimension\": \"sex\", \"groups\": { } }", "$.zones.census[0].groups")]
    public void BadCensusSpec_ScenarioErrorNamesThePath(string census, string field)
    {
        var path = WriteScenario(Census, "\"census\": [" + census + "],");
        var error = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;
        Assert.That(error.Field, Is.EqualTo(field));
    }
}
