using System.Diagnostics;
using Geo.Cli.Output;
using NUnit.Framework;
using Spectre.Console;

namespace Geo.Cli.Tests.Output;

/// <summary>Tables when stdout is not a terminal: CSV lines, no box drawing, no ANSI codes, nothing wrapped.</summary>
[TestFixture]
public sealed class ConsoleTablesTests
{
    private static readonly char[] BoxDrawing = ['─', '│', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼', '╭', '╮', '╯', '╰', '═', '║'];

    [Test]
    public void ToCsv_MarkupAndLongValues_OneLinePerRow()
    {
        var table = new Table().Title("Appraisal: [bold]Sample[/]").AddColumn("Option").AddColumn(new TableColumn("Worse >10 min").RightAligned());
        var longName = new string('x', 300);
        table.AddRow(Markup.Escape(longName), "[red]12,345[/]");
        table.AddRow("B", "7");
        var csv = ConsoleTables.ToCsv(table);
        Assert.That(csv, Is.EqualTo("Appraisal: Sample\nOption,Worse >10 min\n" + longName + ",\"12,345\"\nB,7\n\n"));
    }

    [Test]
    public void ToCsv_HiddenHeaders_RowsOnly()
    {
        var table = new Table().HideHeaders().AddColumn("k").AddColumn("v");
        table.AddRow("zones", "100");
        Assert.That(ConsoleTables.ToCsv(table), Is.EqualTo("zones,100\n\n"));
    }

    /// <summary>The real CLI with stdout to a pipe: `geo sample --out tmp | cat` prints CSV and an unwrapped last line.</summary>
    [Test]
    public void GeoSample_StdoutPiped_NoBoxesNoAnsiNoWrapping()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-console-tables-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "geo.dll"), "sample", "--out", folder })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Multiple(() =>
            {
                Assert.That(stdout.IndexOfAny(BoxDrawing), Is.EqualTo(-1), stdout);
                Assert.That(stdout, Does.Not.Contain("\u001b["), "ANSI escape codes");
                Assert.That(lines[0], Is.EqualTo("file,bytes,contents"));
                Assert.That(lines, Has.Some.StartsWith(Path.Combine(folder, "bus-gtfs.zip") + ",").And.Some.Contains("frequencies"));
                Assert.That(lines[^1], Does.StartWith("SYNTHETIC sample region written").And.EndWith("--out results/"), "the last message on one line");
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
