using NUnit.Framework;
using System.IO.Compression;
using Geo.Core;
using Geo.Samples;

namespace Geo.Cli.Tests.Sample;

[TestFixture]
public sealed class SampleGeneratorTests
{
    [Test]
    public void Generate_SameSeedTwice_ByteIdenticalFiles()
    {
        var second = Path.Combine(Path.GetTempPath(), "geo-sample-again-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = SampleGenerator.Generate(second, SampleGenerator.DefaultSeed);
            Assert.That(summary.Files, Has.Count.EqualTo(SampleOutput.Summary.Files.Count));
            foreach (var file in SampleOutput.Summary.Files)
            {
                var name = Path.GetFileName(file);
                Assert.That(File.ReadAllBytes(Path.Combine(second, name)), Is.EqualTo(File.ReadAllBytes(file)), name);
            }
        }
        finally
        {
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Generate_OtherSeed_ZonesDifferButIdsAndCountsStay()
    {
        var other = Path.Combine(Path.GetTempPath(), "geo-sample-seed7-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = SampleGenerator.Generate(other, 7);
            Assert.That(summary.Zones, Is.EqualTo(SampleOutput.Summary.Zones));
            Assert.That(summary.Ways, Is.EqualTo(SampleOutput.Summary.Ways));
            Assert.That(File.ReadAllText(Path.Combine(other, SampleGenerator.ZonesFile)),
                Is.Not.EqualTo(File.ReadAllText(SampleOutput.File(SampleGenerator.ZonesFile))));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Test]
    public void Generate_Default_TotalSizeUnderTwoMegabytes()
    {
        long total = 0;
        foreach (var file in SampleOutput.Summary.Files)
        {
            total += new FileInfo(file).Length;
        }
        Assert.That(total, Is.LessThan(2_000_000));
    }

    [Test]
    public void CommittedDataSamples_MatchGenerator()
    {
        var root = SampleOutput.RepoRoot();
        var committed = root is null ? null : Path.Combine(root, "data-samples");
        if (committed is null || !File.Exists(Path.Combine(committed, SampleGenerator.ScenarioFile)))
        {
            Assert.Ignore("data-samples not found: " + committed);
            return;
        }
        foreach (var file in SampleOutput.Summary.Files)
        {
            var name = Path.GetFileName(file);
            var path = Path.Combine(committed, name);
            Assert.That(File.Exists(path), Is.True, $"{path} missing: run `dotnet run --project src/Cli -- sample --out data-samples`");
            if (name == SampleGenerator.GtfsFile)
            {
                // Compare entry contents: zip container bytes may differ between runtimes.
                Assert.That(ZipContents(path), Is.EqualTo(ZipContents(file)), name + " is stale: regenerate data-samples");
            }
            else
            {
                Assert.That(File.ReadAllBytes(path), Is.EqualTo(File.ReadAllBytes(file)), name + " is stale: regenerate data-samples");
            }
        }
    }

    [Test]
    public void SampleCommand_NoOut_ExitsWithUsage()
    {
        Assert.That(Program.Main(["sample"]), Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void SampleCommand_WithOut_WritesScenario()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-sample-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.That(Program.Main(["sample", "--out", folder, "--seed", "42"]), Is.EqualTo(ExitCodes.Ok));
            Assert.That(File.ReadAllBytes(Path.Combine(folder, SampleGenerator.ScenarioFile)),
                Is.EqualTo(File.ReadAllBytes(SampleOutput.File(SampleGenerator.ScenarioFile))));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public void SampleCommand_FolderWithOtherReadme_ExitsWithUsageAndWritesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-sample-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "README.md"), "# My project\n");
            Assert.That(Program.Main(["sample", "--out", folder]), Is.EqualTo(ExitCodes.Usage));
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));
            Assert.That(File.ReadAllText(Path.Combine(folder, "README.md")), Is.EqualTo("# My project\n"));
            Assert.Throws<IOException>(() => SampleGenerator.Generate(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SortedDictionary<string, string> ZipContents(string path)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            result[entry.FullName] = reader.ReadToEnd();
        }
        return result;
    }
}
