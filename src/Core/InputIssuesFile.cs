using System.Globalization;

namespace Geo.Core;

/// <summary>
/// input_issues.csv in a results folder: every stored row issue of the run's inputs (file, line, field, id, code, severity,
/// message), so the rows skipped or read as missing can be found and fixed in Excel. Written only when there are issues.
/// </summary>
public static class InputIssuesFile
{
    public const string FileName = "input_issues.csv";

    /// <summary>Writes the log's issues to <paramref name="folder"/>/<paramref name="fileName"/>; returns its path, or null when there are none.</summary>
    public static string? Write(IssueLog issues, string folder, string fileName = FileName)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.TotalCount == 0)
        {
            return null;
        }
        var path = Path.Combine(folder, fileName);
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write("file,line,field,id,code,severity,message\n");
            foreach (var issue in issues.Issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line))
            {
                writer.Write(string.Join(',',
                    CsvText.Escape(issue.File),
                    issue.Line > 0 ? issue.Line.ToString(CultureInfo.InvariantCulture) : "",
                    CsvText.Escape(issue.Field ?? ""),
                    CsvText.Escape(issue.EntityId ?? ""),
                    issue.IssueCode.ToString(),
                    issue.Severity.ToString(),
                    CsvText.Escape(issue.Message)));
                writer.Write('\n');
            }
            var stored = issues.Issues.Count;
            if (stored < issues.TotalCount)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $",,,,,Info,\"{issues.TotalCount - stored:N0} more issues not listed (at most {issues.MaxStoredPerCode:N0} are kept per code)\"\n"));
            }
        });
        return path;
    }
}
