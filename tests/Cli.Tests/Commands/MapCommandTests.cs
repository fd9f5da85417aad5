using System.Text.Json;
using NUnit.Framework;
using SkiaSharp;

namespace Geo.Cli.Tests.Commands;

/// <summary>
/// A results folder from `geo run data-samples/scenario.json` (SYNTHETIC sample region, about 3 s), made once and shared by the
/// `geo map`, `geo serve` and `geo basemap` command tests; deleted by <see cref="ViewerCommandResultsCleanup"/>.
/// </summary>
internal static class ViewerCommandResults
{
    private static readonly Lazy<string> Made = new(() =>
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }

        string scenario = Path.Combine(dir?.FullName ?? ".", "data-samples", "scenario.json");
        string root = Path.Combine(Path.GetTempPath(), "geo-viewer-cli-" + Guid.NewGuid().ToString("N"));
        string results = Path.Combine(root, "results");
        var (exit, error) = Geo("run", scenario, "--out", results);
        if (exit != 0)
        {
            throw new InvalidOperationException("geo run on the sample failed with exit " + exit + ": " + error);
        }

        return results;
    });

    public static bool IsMade => Made.IsValueCreated;

    /// <summary>The results folder (made on first use).</summary>
    public static string Folder => Made.Value;

    /// <summary>A fresh empty folder next to the results for one test's outputs.</summary>
    public static string NewOutputFolder()
    {
        string path = Path.Combine(Path.GetDirectoryName(Folder)!, "out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs geo in process; returns the exit code and what went to stderr.</summary>
    public static (int Exit, string Error) Geo(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (Program.Main(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}

/// <summary>Deletes the shared viewer-command results folder after the tests in this namespace.</summary>
[SetUpFixture]
public sealed class ViewerCommandResultsCleanup
{
    [OneTimeTearDown]
    public void Delete()
    {
        if (ViewerCommandResults.IsMade && Directory.Exists(Path.GetDirectoryName(ViewerCommandResults.Folder)))
        {
            Directory.Delete(Path.GetDirectoryName(ViewerCommandResults.Folder)!, recursive: true);
        }
    }
}

/// <summary>`geo map` through <see cref="Program.Main"/> on the sample results: outputs, exit codes, messages.</summary>
[TestFixture]
[NonParallelizable]
public sealed class MapCommandTests
{
    private static string Results => ViewerCommandResults.Folder;

    private static (int Exit, string Error) Geo(params string[] args) => ViewerCommandResults.Geo(args);

    private static string FirstOption(int index)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Results, "summary.json")));
        return doc.RootElement.GetProperty("options")[index].GetProperty("id").GetString()!;
    }

    [TestCase("time", 0)]
    [TestCase("change", 1)]
    public void Map_SampleResults_WritesPngOfRequestedSize(string layer, int optionIndex)
    {
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), "maps", layer + ".png");
        var (exit, error) = Geo("map", "--results", Results, "--option", FirstOption(optionIndex), "--mode", "car", "--layer", layer,
            "--width", "900", "--height", "700", "--out", png);
        Assert.That(exit, Is.Zero, error);
        using var bmp = SKBitmap.Decode(png);
        Assert.That(bmp, Is.Not.Null, "PNG decodes");
        Assert.That((bmp.Width, bmp.Height), Is.EqualTo((900, 700)));
    }

    [TestCase("imd")]
    [TestCase("placement")]
    public void Map_LayerWithoutOption_WritesPng(string layer)
    {
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), layer + ".png");
        var (exit, error) = Geo("map", "--results", Results, "--layer", layer, "--width", "640", "--height", "480", "--out", png);
        Assert.That(exit, Is.Zero, error);
        using var bmp = SKBitmap.Decode(png);
        Assert.That((bmp.Width, bmp.Height), Is.EqualTo((640, 480)));
    }

    private static string RepoFile(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "data-samples", name);
    }

    [Test]
    public void Map_SampleIsochrones_WritesPng()
    {
        Assert.That(File.Exists(Path.Combine(Results, "isochrones", "car.geojson")), Is.True, "geo run wrote the sample's car isochrones");
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), "iso.png");
        var (exit, error) = Geo("map", "--results", Results, "--option", FirstOption(0), "--mode", "car", "--isochrones", "--out", png);
        Assert.That(exit, Is.Zero, error);
    }

    [TestCase("density")]
    [TestCase("points", "--points", "care_homes.csv")]
    [TestCase("points", "--set", "care homes")]
    [TestCase("percent", "--attribute", "households_no_car", "--per", "households_no_car,households_with_car")]
    public void Map_NeedLayers_WritePng(string layer, params string[] more)
    {
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), layer + ".png");
        var args = new List<string> { "map", "--results", Results, "--layer", layer, "--width", "640", "--height", "480", "--out", png };
        for (int i = 0; i < more.Length; i++)
        {
            args.Add(more[i] == "care_homes.csv" ? RepoFile(more[i]) : more[i]);
        }

        var (exit, error) = Geo([.. args]);
        Assert.That(exit, Is.Zero, error);
        using var bmp = SKBitmap.Decode(png);
        Assert.That((bmp.Width, bmp.Height), Is.EqualTo((640, 480)));
    }

    [Test]
    public void Map_FlowsFromVisitsFile_WritesPngAndUnknownZoneIsNotAnError()
    {
        string folder = ViewerCommandResults.NewOutputFolder();
        string visits = Path.Combine(folder, "visits.csv");
        File.WriteAllText(visits, "zone_id,site_id,count\nS01000001,H1,12\nS01000002,H2,3\nNO_SUCH_ZONE,H1,4\n");
        string png = Path.Combine(folder, "flows.png");
        var (exit, error) = Geo("map", "--results", Results, "--layer", "flows", "--visits", visits, "--width", "640", "--height", "480", "--out", png);
        Assert.That(exit, Is.Zero, error);
        Assert.That(File.Exists(png));
        var (noVisits, message) = Geo("map", "--results", Results, "--layer", "flows", "--out", Path.Combine(folder, "none.png"));
        Assert.That(noVisits, Is.EqualTo(2), "no visits given and none in the results");
        Assert.That(message, Does.Contain("visits"));
    }

    [Test]
    public void Map_UnknownOption_Exit2NamingValidOptionsAndNoFile()
    {
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), "x.png");
        var (exit, error) = Geo("map", "--results", Results, "--option", "NO_SUCH_OPTION", "--mode", "car", "--out", png);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("unknown option 'NO_SUCH_OPTION'").And.Contain(FirstOption(0)));
        Assert.That(File.Exists(png), Is.False);
    }

    [Test]
    public void Map_MissingResultsFolder_Exit3()
    {
        string missing = Path.Combine(Path.GetTempPath(), "geo-no-such-results-" + Guid.NewGuid().ToString("N"));
        var (exit, error) = Geo("map", "--results", missing, "--option", "A", "--mode", "car", "--out", Path.Combine(missing, "x.png"));
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(error, Does.Contain("results folder not found"));
        Assert.That(Directory.Exists(missing), Is.False, "nothing created");
    }

    [TestCase("--width", "50")]
    [TestCase("--height", "20000")]
    [TestCase("--width", "wide")]
    [TestCase("--layer", "rainfall")]
    [TestCase("--mode", "hovercraft")]
    public void Map_BadOption_Exit2AndNoFile(string option, string value)
    {
        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), "bad.png");
        var (exit, error) = Geo("map", "--results", Results, "--option", FirstOption(1), "--mode", "car", option, value, "--out", png);
        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(File.Exists(png), Is.False);
    }

    [Test]
    public void Map_NoOut_Exit2()
    {
        var (exit, error) = Geo("map", "--results", Results, "--layer", "imd");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--out"));
    }

    [Test]
    public void Map_IsochronesAskedButNone_Exit3()
    {
        // The sample run draws car isochrones; a copy of its top-level files has none.
        string results = ViewerCommandResults.NewOutputFolder();
        foreach (string file in Directory.GetFiles(Results))
        {
            File.Copy(file, Path.Combine(results, Path.GetFileName(file)));
        }

        string png = Path.Combine(ViewerCommandResults.NewOutputFolder(), "iso.png");
        var (exit, error) = Geo("map", "--results", results, "--layer", "imd", "--isochrones", "--out", png);
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(error, Does.Contain("isochrone"));
        Assert.That(File.Exists(png), Is.False);
    }
}
