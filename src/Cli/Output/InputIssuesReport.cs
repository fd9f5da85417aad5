using System.Globalization;
using Geo.Core;

namespace Geo.Cli.Output;

/// <summary>Prints a short summary of the input row issues on stderr: the count and the first few, and where the full list is.</summary>
internal static class InputIssuesReport
{
    /// <summary>How many issues are printed on the console.</summary>
    public const int ShownOnConsole = 5;

    public static void Print(IssueLog issues, string? listPath)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var total = issues.TotalCount;
        if (total == 0)
        {
            return;
        }
        var error = Console.Error;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warning: {total:N0} input row issue{(total == 1 ? "" : "s")} (rows skipped or values read as missing; --strict makes them errors):"));
        foreach (var issue in issues.Issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line).Take(ShownOnConsole))
        {
            error.WriteLine("  " + issue);
        }
        if (total > ShownOnConsole)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {total - ShownOnConsole:N0} more"));
        }
        if (listPath is not null)
        {
            error.WriteLine("  all listed in " + listPath);
        }
    }

    /// <summary>Writes the issues beside a single output file as &lt;name&gt;.input_issues.csv; returns its path or null when none.</summary>
    public static string? WriteBeside(IssueLog issues, string outputFile)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.TotalCount == 0)
        {
            return null;
        }
        var full = Path.GetFullPath(outputFile);
        var folder = Path.GetDirectoryName(full)!;
        var written = InputIssuesFile.Write(issues, folder, Path.GetFileNameWithoutExtension(full) + "." + InputIssuesFile.FileName);
        return written;
    }
}
