using Geo.Catchment.Appraisal;

using Geo.Catchment.Scenarios;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>Bad inputs give an <see cref="InputFileException"/> naming file, line and field, and leave no output behind.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private static (InputFileException Error, string OutFolder) RunExpectingError(string scenarioPath)
    {
        var outFolder = Path.Combine(Path.GetDirectoryName(scenarioPath)!, "results");
        var error = Assert.Throws<InputFileException>(() => Appraiser.RunWithFiles(ScenarioReader.Read(scenarioPath), null, outFolder, null))!;
        return (error, outFolder);
    }

    private static void AssertNoOutput(string outFolder) =>
        Assert.That(!Directory.Exists(outFolder) || Directory.GetFileSystemEntries(outFolder, "*", SearchOption.AllDirectories).Length == 0,
            Is.True, "no output may be written");

    [Test]
    public void Run_UnknownCodeInJoin_ErrorNamesJoinFileLineAndKey()
    {
        var scenario = HandScenario.Scenario.Replace("\"extra\": [\"rural\"] }",
            "\"extra\": [\"rural\"], \"joins\": [ { \"file\": \"imd.csv\", \"key\": \"code\", \"columns\": { \"score\": \"imd_score\" } } ] }", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        TestFiles.Write(Path.GetDirectoryName(path)!, "imd.csv", "code,imd_score\nZ1,10\nZ2,20\nZ9,99\nZ3,30\nZ4,40\n");
        var (error, outFolder) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Does.EndWith("imd.csv"));
            Assert.That(error.Line, Is.EqualTo(4));
            Assert.That(error.Field, Is.EqualTo("code"));
            Assert.That(error.Message, Does.Contain("unknown zone code 'Z9'"));
        });
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Run_DuplicateCodeInJoin_ErrorNamesBothLines()
    {
        var scenario = HandScenario.Scenario.Replace("\"extra\": [\"rural\"] }",
            "\"extra\": [\"rural\"], \"joins\": [ { \"file\": \"imd.csv\", \"key\": \"code\", \"columns\": { \"score\": \"imd_score\" } } ] }", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        TestFiles.Write(Path.GetDirectoryName(path)!, "imd.csv", "code,imd_score\nZ1,10\nZ2,20\nZ3,30\nZ2,21\nZ4,40\n");
        var (error, _) = RunExpectingError(path);
        Assert.That(error.Line, Is.EqualTo(5));
        Assert.That(error.Message, Does.Contain("duplicate zone code 'Z2' (first at line 3)"));
    }

    [Test]
    public void Run_ZoneWithoutPopulation_ErrorNamesZoneFileLineAndColumn()
    {
        var zones = HandScenario.Zones.Replace("Z3,Zone three,-1.28,50.70,300,", "Z3,Zone three,-1.28,50.70,,", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(zonesText: zones);
        var (error, outFolder) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Does.EndWith("zones.csv"));
            Assert.That(error.Line, Is.EqualTo(4));
            Assert.That(error.Field, Is.EqualTo("population"));
            Assert.That(error.Message, Does.Contain("zone 'Z3' has no population"));
        });
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Run_OptionNamesUnknownSite_ErrorNamesScenarioAndJsonPath()
    {
        var scenario = HandScenario.Scenario.Replace("\"C3\": [\"op\"]", "\"C9\": [\"op\"]", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        var (error, outFolder) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Does.EndWith("scenario.json"));
            Assert.That(error.Field, Is.EqualTo("$.options[1].sites.C9"));
            Assert.That(error.Message, Does.Contain("names site 'C9'"));
        });
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Read_ServiceNoSiteProvides_ErrorNamesOption()
    {
        var scenario = HandScenario.Scenario
            .Replace("\"services\": [\"op\"]", "\"services\": [\"op\", \"xray\"]", StringComparison.Ordinal)
            .Replace("\"H2\": [\"op\"] } }", "\"H2\": [\"op\", \"xray\"] } }", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(scenario);
        var error = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("$.options[0].sites"));
            Assert.That(error.Message, Does.Contain("no site provides service 'xray' in option 'A'"));
        });
    }

    [Test]
    public void Read_UnknownMode_ErrorNamesJsonPath()
    {
        var path = HandScenario.WriteAll(HandScenario.Scenario.Replace("\"modes\": [\"car\"]", "\"modes\": [\"car\", \"hovercraft\"]", StringComparison.Ordinal));
        var error = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;
        Assert.That(error.Field, Is.EqualTo("$.modes[1]"));
        Assert.That(error.Message, Does.Contain("unknown mode 'hovercraft'"));
    }

    [Test]
    public void Read_MalformedJson_ErrorNamesLine()
    {
        var path = HandScenario.WriteAll("{\n  \"name\": \"x\",\n  \"modes\": [\"car\",\n}\n");
        var error = Assert.Throws<InputFileException>(() => ScenarioReader.Read(path))!;
        Assert.That(error.Line, Is.Not.Null);
        Assert.That(error.File, Does.EndWith("scenario.json"));
    }

    [Test]
    public void Run_MatrixMissingPair_ErrorNamesFirstMissingPairAndWritesNothing()
    {
        var matrix = string.Join("\n", HandScenario.Matrix().Split('\n').Where(l => !l.StartsWith("Z2,H2,", StringComparison.Ordinal)));
        var path = HandScenario.WriteAll(matrixText: matrix);
        var (error, outFolder) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Does.EndWith("car.csv"));
            Assert.That(error.Message, Does.Contain("origin 'Z2' -> destination 'H2'"));
            Assert.That(error.Message, Does.Contain("1 of 12 pairs missing"));
        });
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Run_MatrixWithoutAZone_ErrorNamesTheZone()
    {
        var matrix = string.Join("\n", HandScenario.Matrix().Split('\n').Where(l => !l.StartsWith("Z4,", StringComparison.Ordinal)));
        var path = HandScenario.WriteAll(matrixText: matrix);
        var (error, outFolder) = RunExpectingError(path);
        Assert.That(error.Message, Does.Contain("no origin 'Z4'"));
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Run_MatrixBadNumber_ErrorNamesLineAndField()
    {
        var matrix = HandScenario.Matrix().Replace("Z1,H2,30,", "Z1,H2,thirty,", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(matrixText: matrix);
        var (error, _) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(3));
            Assert.That(error.Field, Is.EqualTo("minutes"));
        });
    }

    [Test]
    public void Run_MissingZoneColumn_ErrorListsColumns()
    {
        var path = HandScenario.WriteAll(HandScenario.Scenario.Replace("\"ward\": \"ward\"", "\"ward\": \"ward24\"", StringComparison.Ordinal));
        var (error, _) = RunExpectingError(path);
        Assert.Multiple(() =>
        {
            Assert.That(error.Field, Is.EqualTo("ward24"));
            Assert.That(error.Line, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain("columns are: zone_id"));
        });
    }

    [Test]
    public void Run_NoMatrixForMode_ErrorSaysHowToGiveOne()
    {
        var path = HandScenario.WriteAll(HandScenario.Scenario.Replace(", \"matrices\": { \"car\": { \"file\": \"car.csv\" } }", "", StringComparison.Ordinal)
            .Replace("\"matrices\": { \"car\": { \"file\": \"car.csv\" } }", "\"matrices\": null", StringComparison.Ordinal));
        var (error, outFolder) = RunExpectingError(path);
        Assert.That(error.Message, Does.Contain("--matrix car="));
        AssertNoOutput(outFolder);
    }

    [Test]
    public void Run_UnsnappedOriginInMatrix_ZoneStatusUnsnappedNotError()
    {
        var matrix = HandScenario.Matrix()
            .Replace("Z2,H1,20,10,ok", "Z2,H1,,,origin_unsnapped", StringComparison.Ordinal)
            .Replace("Z2,H2,10,5,ok", "Z2,H2,,,origin_unsnapped", StringComparison.Ordinal)
            .Replace("Z2,C3,15,7.5,ok", "Z2,C3,,,origin_unsnapped", StringComparison.Ordinal);
        var path = HandScenario.WriteAll(matrixText: matrix);
        var outFolder = Path.Combine(Path.GetDirectoryName(path)!, "results");
        var result = Appraiser.RunWithFiles(ScenarioReader.Read(path), null, outFolder, null);
        var lines = File.ReadAllLines(Path.Combine(outFolder, "zone_results.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(lines.Single(l => l.StartsWith("baseline,car,op,Z2,", StringComparison.Ordinal)), Is.EqualTo("baseline,car,op,Z2,,,,,,,,,,unsnapped,"));
            // Z2 (200) leaves the reachable weight: baseline mean = (100*10 + 300*25 + 400*35) / 800
            Assert.That(result.Summary.Metrics[0].MeanMinutes, Is.EqualTo(22500.0 / 800).Within(1e-9));
            Assert.That(result.Summary.Metrics[0].UnreachablePopulation, Is.EqualTo(200));
        });
    }
}
