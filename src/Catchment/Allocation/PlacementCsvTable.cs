using System.Globalization;
using System.Text;
using Geo.Routing.Storage;

namespace Geo.Catchment.Allocation;

/// <summary>
/// A small RFC 4180 CSV table for the placement inputs (zones, candidate sites, providers, visits, matrices):
/// quoted fields with doubled quotes and line breaks, comma/semicolon/tab separator detected from the header,
/// UTF-8 BOM skipped, fully blank rows (e.g. ",,,") skipped. Fields are kept raw; <see cref="Number"/> trims spaces
/// (Devon's <c>" -4.21"</c>). Lines are 1-based file lines (header = 1) for error messages.
/// (Kept in Allocation until a shared reader exists in Inputs.)
/// </summary>
public sealed class PlacementCsvTable
{
    private PlacementCsvTable(string path, string[] header, List<string[]> rows, List<int> lines)
    {
        Path = path;
        Header = header;
        Rows = rows;
        Lines = lines;
    }

    public string Path { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }
    public IReadOnlyList<int> Lines { get; }
    public int RowCount => Rows.Count;

    public static PlacementCsvTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(path, text);
        if (records.Count == 0)
        {
            throw new InputFileException(path, null, null, "the file is empty (a header row is required)");
        }
        var header = records[0].Fields.Select(f => f.Trim()).ToArray();
        var rows = new List<string[]>(records.Count - 1);
        var lines = new List<int>(records.Count - 1);
        for (var k = 1; k < records.Count; k++)
        {
            var fields = records[k].Fields;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (fields.Length != header.Length)
            {
                throw new InputFileException(path, records[k].Line, null, $"has {fields.Length} fields but the header has {header.Length}");
            }
            rows.Add(fields);
            lines.Add(records[k].Line);
        }
        return new PlacementCsvTable(path, header, rows, lines);
    }

    /// <summary>Index of the first header matching one of <paramref name="names"/> (exact, then ignoring case and spaces/underscores); -1 if none.</summary>
    public int Find(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            for (var c = 0; c < Header.Count; c++)
            {
                if (Header[c] == name)
                {
                    return c;
                }
            }
        }
        foreach (var name in names)
        {
            var key = Normalise(name);
            for (var c = 0; c < Header.Count; c++)
            {
                if (Normalise(Header[c]) == key)
                {
                    return c;
                }
            }
        }
        return -1;
    }

    /// <summary>Like <see cref="Find"/> but throws an <see cref="InputFileException"/> naming the option and listing the columns.</summary>
    public int Require(string what, string? given, params string[] defaults)
    {
        var index = given is null ? Find(defaults) : Find(given);
        if (index < 0)
        {
            var looked = given is null ? "any of " + string.Join(", ", defaults) : $"'{given}'";
            throw new InputFileException(Path, 1, given ?? defaults.FirstOrDefault(), $"no {what} column: looked for {looked}; columns are {string.Join(", ", Header)}");
        }
        return index;
    }

    public string Text(int row, int column) => Rows[row][column].Trim();

    /// <summary>The field as a number (spaces trimmed, invariant culture); NaN when empty; throws naming file, line and column otherwise.</summary>
    public double Number(int row, int column)
    {
        var text = Rows[row][column].Trim();
        if (text.Length == 0)
        {
            return double.NaN;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new InputFileException(Path, Lines[row], Header[column], $"'{text}' is not a number");
    }

    /// <summary>True when every non-empty field of the column parses as a number.</summary>
    public bool IsNumeric(int column)
    {
        var any = false;
        foreach (var row in Rows)
        {
            var text = row[column].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static string Normalise(string name) => name.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private readonly record struct Record(int Line, string[] Fields);

    private static List<Record> Parse(string path, string text)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var firstLineEnd = text.IndexOf('\n', position);
        var firstLine = firstLineEnd < 0 ? text[position..] : text[position..firstLineEnd];
        var separator = firstLine.Contains(',', StringComparison.Ordinal) ? ',' : firstLine.Contains(';', StringComparison.Ordinal) ? ';' : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var any = false;
        while (position < text.Length)
        {
            var c = text[position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position < text.Length && text[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            if (c == '"')
            {
                inQuotes = true;
                any = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                any = true;
            }
            else if (c == '\r')
            {
                continue;
            }
            else if (c == '\n')
            {
                if (any || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    records.Add(new Record(recordLine, [.. fields]));
                }
                fields.Clear();
                field.Clear();
                any = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                any = true;
            }
        }
        if (inQuotes)
        {
            throw new InputFileException(path, recordLine, null, "a quoted field is not closed");
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, [.. fields]));
        }
        return records;
    }
}
