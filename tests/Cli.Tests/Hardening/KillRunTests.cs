using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Geo.Cli.Tests.EndToEnd;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Cli.Tests.Hardening;

/// <summary>
/// <c>kill -9</c> of a real <c>geo run</c> process (small car-only sample scenario) at random moments: the results folder is
/// always the complete old run or the complete new one, never a mix, and no temporary survives the next run.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KillRunTests
{
    private const int Kills = 4;

    [Test]
    public void Run_KilledAtRandomMoments_FolderIsWholeOldOrWholeNewAndTempsSwept()
    {
        var root = EndToEndFiles.NewTempFolder("geo-kill");
        try
        {
            var data = Path.Combine(EndToEndFiles.RepoRoot(), "data-samples");
            foreach (var file in Directory.GetFiles(data))
            {
                File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
            }
            var oldScenario = WriteScenario(root, "old.json", "Kill test: old", withProviders: true);
            var newScenario = WriteScenario(root, "new.json", "Kill test: new", withProviders: false);
            var results = Path.Combine(root, "out", "results");

            Assert.That(Geo(oldScenario, results).WaitForExit(TimeSpan.FromMinutes(2)), Is.True);
            // Timed second run: with the network cached, as long as the runs that get killed.
            var clock = Stopwatch.StartNew();
            Assert.That(Geo(oldScenario, results).WaitForExit(TimeSpan.FromMinutes(2)), Is.True);
            var fullRunMs = (int)clock.ElapsedMilliseconds;
            var old = Snapshot(results);
            Assert.That(old.Files, Does.ContainKey("providers.csv"), "the old run writes providers.csv; the new one does not");

            var random = new Random(12);
            var states = new List<string>();
            for (var k = 0; k < Kills; k++)
            {
                using var process = Geo(newScenario, results);
                // Spread over the run (start-up, reading, routing, writing, the swap) and a little past its usual end.
                Thread.Sleep((int)(fullRunMs * (k + random.NextDouble()) / (Kills - 1)));
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                states.Add(Describe(Snapshot(results)));
            }
            using (var finished = Geo(newScenario, results))
            {
                Assert.That(finished.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);
                Assert.That(finished.ExitCode, Is.Zero);
            }
            var fresh = Snapshot(results);
            Assert.That(fresh.Files, Does.Not.ContainKey("providers.csv"), "outputs the new run does not produce do not survive");
            foreach (var state in states)
            {
                Assert.That(state, Is.EqualTo(Describe(old)).Or.EqualTo(Describe(fresh)), "after a kill the folder is the whole old or the whole new run");
            }
            TestContext.Progress.WriteLine($"kill -9 test: full run {fullRunMs} ms; states after kills: {string.Join(", ", states.Select(s => s == Describe(old) ? "old" : "new"))}");
            var leftovers = Directory.GetFileSystemEntries(Path.Combine(root, "out")).Select(Path.GetFileName).Where(n => n != "results");
            Assert.That(leftovers, Is.Empty, "temporaries of killed runs are removed by the next run");
            Assert.That(Directory.GetFileSystemEntries(results, TempNames.Prefix + "*", SearchOption.AllDirectories), Is.Empty);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string WriteScenario(string folder, string name, string title, bool withProviders)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "scenario.json")))!.AsObject();
        scenario["name"] = title;
        scenario["modes"] = new JsonArray("car");
        scenario["transit"] = null;
        scenario["placement"] = null;
        if (!withProviders)
        {
            scenario["providers"] = null;
        }
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, scenario.ToJsonString());
        return path;
    }

    private static Process Geo(string scenario, string results)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "geo.dll"), "run", scenario, "--out", results, "--no-maps", "--threads", "1" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly Regex GeneratedStamp = new(@"Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}", RegexOptions.CultureInvariant);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private sealed record FolderState(SortedDictionary<string, string> Files, string? ScenarioName);

    /// <summary>
    /// Every file with its content hash, and summary.json's scenario name. summary.json and zones.gpkg embed the run's time,
    /// so only their presence counts; report.html is hashed without its "Generated" minute, which differs between two runs
    /// that straddle a minute.
    /// </summary>
    private static FolderState Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return new FolderState(files, null);
        }
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            files[relative] = relative switch
            {
                "summary.json" or "zones.gpkg" => "exists",
                "report.html" => Hash(GeneratedStamp.Replace(File.ReadAllText(file), "Generated (time)")),
                _ => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))),
            };
        }
        string? name = null;
        var summary = Path.Combine(folder, "summary.json");
        if (File.Exists(summary))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(summary));
            name = doc.RootElement.GetProperty("scenario").GetString();
        }
        return new FolderState(files, name);
    }

    private static string Describe(FolderState state) =>
        state.ScenarioName + "\n" + string.Join("\n", state.Files.Select(f => f.Key + " " + f.Value));
}
