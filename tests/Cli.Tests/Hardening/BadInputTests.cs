using System.Text;
using Geo.Cli.Tests.EndToEnd;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Cli.Tests.Hardening;

/// <summary>
/// The bad-input corpus (BadInputs/cases.tsv and BadInputs/files/): every command line gives its documented exit code, a
/// one-line message naming the file and line or JSON path, no stack trace, and leaves no output, temporary or change behind.
/// Commands run in process through <see cref="Program.Main"/>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BadInputTests
{
    private static string? _work;

    private static string Corpus => Path.Combine(EndToEndFiles.RepoRoot(), "tests", "Cli.Tests", "BadInputs");

    [OneTimeSetUp]
    public void CopyCorpusAndBuildNetwork()
    {
        _work = EndToEndFiles.NewTempFolder("geo-bad-inputs");
        foreach (var file in Directory.GetFiles(Path.Combine(EndToEndFiles.RepoRoot(), "data-samples")))
        {
            File.Copy(file, Path.Combine(_work, Path.GetFileName(file)));
        }
        Directory.CreateDirectory(Path.Combine(_work, "files"));
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus, "files")))
        {
            File.Copy(file, Path.Combine(_work, "files", Path.GetFileName(file)));
        }
        WriteOverLimitFiles(Path.Combine(_work, "files"));
        // Folders where a file is expected: outputs that must fail with exit 4.
        foreach (var taken in new[] { "taken.csv", "taken.geonet", "taken.png" })
        {
            Directory.CreateDirectory(Path.Combine(_work, taken));
        }
        var (exit, error) = Geo(["build-network", "--osm", Path.Combine(_work, "region.osm.pbf"), "--out", Network]);
        Assert.That(exit, Is.Zero, error);
    }

    /// <summary>
    /// Inputs just over <see cref="InputLimits"/>, made here rather than committed: a sparse file one byte over the size limit
    /// (no disk used on Linux file systems), a field one character too long, a header with one column too many.
    /// </summary>
    private static void WriteOverLimitFiles(string folder)
    {
        using (var stream = new FileStream(Path.Combine(folder, "generated_over_size.csv"), FileMode.Create))
        {
            stream.Write("zone_id,lon,lat\n"u8);
            stream.SetLength(InputLimits.MaxCsvFileBytes + 1);
        }
        File.WriteAllText(Path.Combine(folder, "generated_long_field.csv"),
            "zone_id,zone_name,lon,lat,population\nZ1,\"" + new string('x', InputLimits.MaxCsvFieldChars + 1) + "\",-1.35,50.35,100\n");
        File.WriteAllText(Path.Combine(folder, "generated_many_columns.csv"),
            "origin_id," + string.Join(',', Enumerable.Range(0, InputLimits.MaxCsvColumns).Select(i => "D" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "\nZ1,1\n");
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (_work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static string Work => _work ?? throw new InvalidOperationException("set up first");

    private static string Network => Path.Combine(Work, "net", "region.geonet");

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Corpus, "cases.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('\t');
            yield return new TestCaseData(cells[1], int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), cells[3])
                .SetArgDisplayNames(cells[0]);
        }
    }

    [Test]
    public void Corpus_HasAtLeast100Cases() => Assert.That(Cases().Count(), Is.GreaterThanOrEqualTo(100));

    [TestCaseSource(nameof(Cases))]
    public void BadInput_ExitCodeMessageAndNothingLeftBehind(string command, int expectedExit, string fragments)
    {
        var output = Path.Combine(Work, "out-" + Guid.NewGuid().ToString("N")[..8]);
        var args = Split(command.Replace("{w}", Work, StringComparison.Ordinal).Replace("{net}", Network, StringComparison.Ordinal)
            .Replace("{o}", output, StringComparison.Ordinal));
        var before = Listing(Work);

        var (exit, error) = Geo(args);

        Assert.That(exit, Is.EqualTo(expectedExit), "exit code; stderr:\n" + error);
        foreach (var fragment in fragments.Split(" && "))
        {
            Assert.That(error, Does.Contain(fragment), "the message names the file and place");
        }
        Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace");
        Assert.That(error.Trim().Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(1), "one error line");
        Assert.That(Directory.Exists(output) || File.Exists(output), Is.False, "no output left behind");
        Assert.That(Listing(Work), Is.EqualTo(before), "inputs untouched, no temporary or partial file left");
    }

    /// <summary>Every file and folder under <paramref name="folder"/> with its size.</summary>
    private static List<string> Listing(string folder) =>
        [.. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p) + (File.Exists(p) ? " " + new FileInfo(p).Length : "/"))
            .Where(p => !p.StartsWith("net" + Path.DirectorySeparatorChar + "region.geonet.", StringComparison.Ordinal)) // hierarchy caches beside the network
            .Order(StringComparer.Ordinal)];

    private static (int Exit, string Error) Geo(string[] args)
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

    /// <summary>Splits a command line on spaces; double quotes group.</summary>
    private static string[] Split(string command)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    args.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            args.Add(current.ToString());
        }
        return [.. args];
    }
}
