using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Geo.Cli.Tests.EndToEnd;

/// <summary>
/// README commands run as tests (Sep's ReadMeTest): every `dotnet run --project src/Cli` line of a ```bash block in README.md runs
/// as written with /bin/bash -c from the repository root, its output folders moved under a temporary folder (see
/// <see cref="UnderTemp"/>: tests write only there), and must exit 0 and leave report.html and summary.json in its --out folder;
/// the README's `dotnet test` line must be the one .ci/run runs. Lines that read the real data in ../shared/data
/// (directly or through scenarios/) run only when that folder exists.
/// </summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed partial class ReadmeTests
{
    private const string RunPrefix = "dotnet run --project src/Cli";

    [Test]
    public void Readme_QuickStart_HasTheRunAndTestCommands()
    {
        var lines = BashLines(ReadReadme());
        Assert.That(lines, Does.Contain("dotnet run --project src/Cli -c Release -- run data-samples/scenario.json --out results/"));
        Assert.That(lines, Does.Contain("dotnet test Geo.sln -c Release"));
    }

    [Test]
    public void Readme_DotnetTestLines_AreRunVerbatimByCi()
    {
        var testLines = BashLines(ReadReadme()).Where(l => l.StartsWith("dotnet test", StringComparison.Ordinal)).ToList();
        Assert.That(testLines, Is.Not.Empty, "README has a ```bash block with a `dotnet test` line");
        var ci = File.ReadAllText(Path.Combine(EndToEndFiles.RepoRoot(), ".ci", "run"));
        foreach (var line in testLines)
        {
            Assert.That(ci, Does.Contain(line), ".ci/run runs the README's test command verbatim");
        }
    }

    [Test]
    public void UnderTemp_OutputFolders_MoveUnderTempWhereverTheyAreUsed()
    {
        var script = "geo run scenarios/iow.json --out results-iow/\ngeo map --results results-iow/ --out results-iow/a.png\ngeo x --out $DATA/y --results results-iow";
        Assert.That(UnderTemp(script, "/tmp/t"), Is.EqualTo(
            "geo run scenarios/iow.json --out /tmp/t/results-iow/\ngeo map --results /tmp/t/results-iow/ --out /tmp/t/results-iow/a.png\ngeo x --out $DATA/y --results /tmp/t/results-iow"));
    }

    [TestCaseSource(nameof(RunCommands))]
    public void Readme_RunCommand_ExitsZeroAndWritesReport(string command)
    {
        var root = EndToEndFiles.RepoRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        if (NeedsSharedData(command) && !Directory.Exists(shared))
        {
            Assert.Ignore("real data not found: " + shared + "; README command skipped: " + command);
        }
        var outMatch = OutOption().Match(command);
        Assert.That(outMatch.Success, Is.True, "the README command names its --out folder: " + command);
        var temp = Directory.CreateTempSubdirectory("geo-readme-").FullName;
        var outFolder = Path.Combine(temp, outMatch.Groups[1].Value);
        var started = DateTime.UtcNow.AddSeconds(-2);
        try
        {
            var (exitCode, output, seconds) = Bash(UnderTemp(command, temp), root);
            TestContext.Progress.WriteLine($"README command ({seconds:F1} s): {command}");
            Assert.That(exitCode, Is.Zero, "exit code of `" + command + "`; output:\n" + Tail(output));
            foreach (var name in (string[])["report.html", "summary.json"])
            {
                var path = Path.Combine(outFolder, name);
                Assert.That(File.Exists(path), Is.True, path);
                Assert.That(File.GetLastWriteTimeUtc(path), Is.GreaterThanOrEqualTo(started), path + " was written by this run");
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [TestCaseSource(nameof(Walkthroughs))]
    public void Readme_Walkthrough_RunsAsWrittenAndWritesEveryOutput(string script)
    {
        var root = EndToEndFiles.RepoRoot();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        if (!Directory.Exists(shared))
        {
            Assert.Ignore("real data not found: " + shared + "; README walkthrough skipped");
        }
        var temp = Directory.CreateTempSubdirectory("geo-readme-").FullName;
        try
        {
            var (exitCode, output, seconds) = Bash("set -euo pipefail\n" + UnderTemp(script, temp), root);
            TestContext.Progress.WriteLine($"README walkthrough ({seconds:F1} s)");
            Assert.That(exitCode, Is.Zero, "exit code of the README walkthrough; output:\n" + Tail(output));
            foreach (Match match in OutOption().Matches(script))
            {
                var path = Path.Combine(temp, match.Groups[1].Value);
                Assert.That(File.Exists(path) || Directory.Exists(path), Is.True, "README walkthrough output " + path);
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>The README's ```bash blocks that define the `geo` shell function: walkthroughs run as whole scripts.</summary>
    public static IEnumerable<TestCaseData> Walkthroughs()
    {
        var blocks = BashBlocks(ReadReadme()).Where(b => b.Contains("geo() {", StringComparison.Ordinal)).ToList();
        if (blocks.Count == 0)
        {
            yield return new TestCaseData("false # README.md has no walkthrough block").SetArgDisplayNames("none");
            yield break;
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            yield return new TestCaseData(blocks[i]).SetArgDisplayNames("walkthrough " + (i + 1));
        }
    }

    /// <summary>The raw text of each ```bash fenced block.</summary>
    internal static List<string> BashBlocks(string markdown)
    {
        var blocks = new List<string>();
        System.Text.StringBuilder? current = null;
        var inFence = false;
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (raw.Trim().StartsWith("```", StringComparison.Ordinal))
            {
                if (inFence && current is not null)
                {
                    blocks.Add(current.ToString());
                }
                current = !inFence && raw.Trim()[3..].Trim() is "bash" or "sh" or "shell" ? new System.Text.StringBuilder() : null;
                inFence = !inFence;
                continue;
            }
            current?.Append(raw).Append('\n');
        }
        return blocks;
    }

    /// <summary>Every `dotnet run --project src/Cli` line of the README's ```bash blocks (a placeholder when there are none, so the test fails).</summary>
    public static IEnumerable<TestCaseData> RunCommands()
    {
        var lines = BashLines(ReadReadme()).Where(l => l.StartsWith(RunPrefix, StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            yield return new TestCaseData("(README.md has no `" + RunPrefix + "` line in a ```bash block)").SetArgDisplayNames("none");
            yield break;
        }
        foreach (var line in lines)
        {
            yield return new TestCaseData(line).SetArgDisplayNames(line);
        }
    }

    /// <summary>Lines inside ```bash fenced blocks, trimmed; continuation lines (ending in \) are joined.</summary>
    internal static List<string> BashLines(string markdown)
    {
        var result = new List<string>();
        var inBash = false;
        var pending = "";
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line[3..].Trim() is "bash" or "sh" or "shell";
                pending = "";
                continue;
            }
            if (!inBash || line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].TrimEnd() + " ";
                continue;
            }
            result.Add(pending + line);
            pending = "";
        }
        return result;
    }

    private static string ReadReadme()
    {
        var path = Path.Combine(EndToEndFiles.RepoRoot(), "README.md");
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException("README.md not found at the repository root", path);
    }

    private static bool NeedsSharedData(string command) =>
        command.Contains("../shared/data", StringComparison.Ordinal) || command.Contains("scenarios/", StringComparison.Ordinal);

    /// <summary>
    /// The commands with every relative output folder they name in an --out option (its first segment: results/, results-iow/)
    /// moved under <paramref name="temp"/> wherever it appears as a path, so `geo map --results results-iow/` follows too.
    /// </summary>
    internal static string UnderTemp(string commands, string temp)
    {
        var roots = OutOption().Matches(commands)
            .Select(m => m.Groups[1].Value.Split('/')[0])
            .Where(r => r.Length > 0 && r[0] is not ('$' or '/' or '~' or '.'))
            .Distinct(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            commands = Regex.Replace(commands, @"(?<=^|[\s=])" + Regex.Escape(root) + @"(?=/|\s|$)", Path.Combine(temp, root), RegexOptions.Multiline);
        }
        return commands;
    }

    private static (int ExitCode, string Output, double Seconds) Bash(string command, string workingDirectory)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // The test host runs under `dotnet test`; its MSBuild variables would point a nested `dotnet run` at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        // No build processes may outlive the command: a reused MSBuild node or compiler server would keep inherited file
        // descriptors (such as a CI build lock) open long after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("timed out after 10 minutes: " + command);
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result, clock.Elapsed.TotalSeconds);
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    [GeneratedRegex(@"--out\s+(\S+)")]
    private static partial Regex OutOption();
}
