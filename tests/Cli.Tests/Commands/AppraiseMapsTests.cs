using NUnit.Framework;

namespace Geo.Cli.Tests.Commands;

/// <summary>
/// `geo appraise` on the matrices of a `geo run` draws the same option maps as `geo run`, and embeds them in report.html;
/// `geo run` also draws the placement map when it solved a placement.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AppraiseMapsTests
{
    private static string Scenario()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "data-samples", "scenario.json");
    }

    private static string[] Maps(string results) =>
        [.. Directory.GetFiles(Path.Combine(results, "maps"), "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Test]
    public void Appraise_ExternalMatrices_SameOptionMapsAsRun()
    {
        var run = ViewerCommandResults.Folder;
        var output = Path.Combine(ViewerCommandResults.NewOutputFolder(), "appraised");
        var args = new List<string> { "appraise", Scenario(), "--out", output };
        foreach (var mode in (string[])["car", "walk", "cycle", "transit"])
        {
            args.AddRange(["--matrix", mode + "=" + Path.Combine(run, "matrices", mode + ".csv")]);
        }
        var (exit, error) = ViewerCommandResults.Geo([.. args]);
        Assert.That(exit, Is.EqualTo(0), error);
        var runMaps = Maps(run);
        var appraiseMaps = Maps(output);
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(runMaps, Does.Contain("placement.png"), "geo run solved the sample's placement, so it draws it");
            Assert.That(runMaps, Does.Contain("isochrones_car_outpatients.png"), "geo run drew the sample's car isochrones");
            Assert.That(appraiseMaps, Is.EqualTo(runMaps.Where(m => m is not ("placement.png" or "isochrones_car_outpatients.png"))),
                "appraise solves no placement and, without a street network, draws no isochrones; its need maps are the run's");
            Assert.That(appraiseMaps, Does.Contain("baseline_car_outpatients_time.png").And.Contain("A_transit_outpatients_change.png"));
            foreach (var map in appraiseMaps)
            {
                Assert.That(report, Does.Contain("alt=\"" + Path.GetFileNameWithoutExtension(map) + "\""), map + " embedded in report.html");
            }
        });
    }

    [Test]
    public void Appraise_NoMaps_NoMapsFolder()
    {
        var run = ViewerCommandResults.Folder;
        var output = Path.Combine(ViewerCommandResults.NewOutputFolder(), "appraised");
        var args = new List<string> { "appraise", Scenario(), "--out", output, "--no-maps" };
        foreach (var mode in (string[])["car", "walk", "cycle", "transit"])
        {
            args.AddRange(["--matrix", mode + "=" + Path.Combine(run, "matrices", mode + ".csv")]);
        }
        var (exit, error) = ViewerCommandResults.Geo([.. args]);
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(Directory.Exists(Path.Combine(output, "maps")), Is.False);
    }
}
