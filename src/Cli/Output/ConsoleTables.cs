using System.Text;
using Geo.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Geo.Cli.Output;

/// <summary>
/// Console tables that stay readable when stdout is not a terminal (redirected to a file or a pipe): there a table is
/// written as CSV (title line, header, one line per row; no box drawing, no ANSI codes, nothing wrapped), which Excel
/// and scripts read; on a terminal it is Spectre's boxed table.
/// </summary>
internal static class ConsoleTables
{
    /// <summary>Line width assumed when stdout is redirected, so that no message is wrapped mid-line.</summary>
    private const int RedirectedWidth = 10_000;

    /// <summary>True when stdout is a file or a pipe.</summary>
    public static bool Plain => Console.IsOutputRedirected;

    /// <summary>Called once at start: when stdout is redirected, no ANSI codes, no colours and no wrapping of messages.</summary>
    public static void ConfigureConsole()
    {
        if (Plain)
        {
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
            AnsiConsole.Profile.Width = RedirectedWidth;
        }
    }

    public static void Write(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Plain)
        {
            AnsiConsole.Profile.Out.Writer.Write(ToCsv(table));
        }
        else
        {
            AnsiConsole.Write(table);
        }
    }

    /// <summary>The table as CSV: the title (if any) alone on the first line, the header (unless hidden), then the rows, then a blank line.</summary>
    internal static string ToCsv(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        if (table.Title is { } title)
        {
            sb.Append(CsvText.Escape(Text(new Markup(title.Text)))).Append('\n');
        }
        if (table.ShowHeaders)
        {
            sb.AppendJoin(',', table.Columns.Select(c => CsvText.Escape(Text(c.Header)))).Append('\n');
        }
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', row.Select(cell => CsvText.Escape(Text(cell)))).Append('\n');
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>A cell as plain text on one line (markup resolved, no styling).</summary>
    private static string Text(IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = RedirectedWidth;
        console.Write(renderable);
        return string.Join(' ', writer.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
