using NUnit.Framework;
using Geo.Samples;

namespace Geo.Cli.Tests.Sample;

/// <summary>Generates the sample region once per test run into a temporary folder shared by the sample fixtures.</summary>
internal static class SampleOutput
{
    private static readonly Lazy<(string Folder, SampleSummary Summary)> Generated = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-sample-tests-" + Environment.ProcessId);
        return (folder, SampleGenerator.Generate(folder, SampleGenerator.DefaultSeed));
    });

    public static string Folder => Generated.Value.Folder;

    public static SampleSummary Summary => Generated.Value.Summary;

    public static void DeleteIfGenerated()
    {
        if (Generated.IsValueCreated && Directory.Exists(Generated.Value.Folder))
        {
            Directory.Delete(Generated.Value.Folder, recursive: true);
        }
    }

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>The repository root (the folder holding Geo.sln), found by walking up from the test directory.</summary>
    public static string? RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName;
    }

    /// <summary>Splits a simple CSV (no quoted commas in the sample files except where quoted by the writer).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = SplitLine(lines[0]);
        var rows = new List<Dictionary<string, string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = SplitLine(lines[i]);
            Assert.That(fields, Has.Count.EqualTo(header.Count), $"line {i + 1}: {lines[i]}");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++)
            {
                row[header[c]] = fields[c];
            }
            rows.Add(row);
        }
        return rows;
    }

    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
