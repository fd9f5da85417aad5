using System.Globalization;
using Geo.Cli.Output;
using Geo.Core;
using Spectre.Console;

namespace Geo.Cli.Commands;

/// <summary>Prints the GTFS issue summary (rows or trips skipped or repaired) of a transit matrix.</summary>
internal static class TransitIssues
{
    public static void Write(IssueLog issues)
    {
        var summary = issues.Summarise();
        if (summary.Count == 0)
        {
            return;
        }
        var table = new Table().Title("GTFS issues (rows or trips skipped or repaired)");
        table.AddColumn("Code");
        table.AddColumn("Severity");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn("First example");
        foreach (var s in summary)
        {
            var example = s.FirstExample.ToString();
            if (example.Length > 140)
            {
                example = example[..140] + "…";
            }
            table.AddRow(s.IssueCode.ToString(), s.Severity.ToString(), N(s.Count), Markup.Escape(example));
        }
        ConsoleTables.Write(table);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
