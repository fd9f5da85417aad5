using System.Globalization;
using System.Text;
using Geo.Routing.Storage;

namespace Geo.Catchment.Inputs;

/// <summary>
/// A small RFC 4180 CSV reader (quoted fields, doubled quotes, line breaks in quotes, BOM, comma/tab/semicolon) that keeps the
/// line each record starts on (header = line 1) so every error can name file:line:field. <see cref="Read"/> loads a whole table;
/// <see cref="Stream"/> visits records one at a time for big matrices.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(string path, string[] header, List<string[]> rows, List<int> lines)
    {
        FilePath = path;
        Header = header;
        Rows = rows;
        Lines = lines;
    }

    /// <summary>A table built from other sources (e.g. GeoJSON feature properties; line = feature number).</summary>
    public static CsvTable FromRows(string path, string[] header, List<string[]> rows, List<int> lines) => new(path, header, rows, lines);

    public string FilePath { get; }
    public string[] Header { get; }
    public List<string[]> Rows { get; }
    public List<int> Lines { get; }
    public int Count => Rows.Count;

    public static CsvTable Read(string path)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        Stream(path, (line, fields) =>
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                return;
            }
            rows.Add([.. fields]);
            lines.Add(line);
        });
        if (header is null)
        {
            throw new InputFileException(path, null, null, "the file is empty");
        }
        return new CsvTable(path, header, rows, lines);
    }

    /// <summary>Index of a column by name (trimmed, case-insensitive), or -1.</summary>
    public int Find(string name) => Find(Header, name);

    public static int Find(string[] header, string name)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Index of a column that must exist; otherwise an error naming the file, line 1 and the column, listing the columns.</summary>
    public int Require(string name, string role) => Require(FilePath, Header, name, role);

    public static int Require(string path, string[] header, string name, string role)
    {
        var index = Find(header, name);
        if (index < 0)
        {
            throw new InputFileException(path, 1, name,
                $"{role} column '{name}' not found; columns are: {string.Join(", ", header)}");
        }
        return index;
    }

    public string Cell(int row, int column)
    {
        var fields = Rows[row];
        return column < fields.Length ? fields[column].Trim() : string.Empty;
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses a number or throws an error naming file:line:column.</summary>
    public double Number(int row, int column)
    {
        var text = Cell(row, column);
        if (!TryNumber(text, out var value))
        {
            throw new InputFileException(FilePath, Lines[row], Header[column],
                text.Length == 0 ? "empty value where a number is needed" : $"'{text}' is not a number");
        }
        return value;
    }

    /// <summary>Visits every record (header first) with its 1-based starting line. Blank lines are skipped.</summary>
    public static void Stream(string path, Action<int, List<string>> record)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var fields = new List<string>();
        var field = new StringBuilder();
        var separator = '\0';
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var started = false;
        var pending = -1; // a character read ahead
        int Next()
        {
            if (pending >= 0)
            {
                var p = pending;
                pending = -1;
                return p;
            }
            return reader.Read();
        }
        separator = DetectSeparator(path);
        int c;
        while ((c = Next()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    var n = Next();
                    if (n == '"')
                    {
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        pending = n;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && IsBlank(field))
            {
                field.Clear();
                inQuotes = true;
                started = true;
                continue;
            }
            if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                started = true;
                continue;
            }
            if (ch is '\r' or '\n')
            {
                if (ch == '\r')
                {
                    var n = Next();
                    if (n != '\n')
                    {
                        pending = n;
                    }
                }
                if (started || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    if (!IsBlankRecord(fields))
                    {
                        record(recordLine, fields);
                    }
                }
                fields.Clear();
                field.Clear();
                started = false;
                line++;
                recordLine = line;
                continue;
            }
            field.Append(ch);
            started = true;
        }
        if (inQuotes)
        {
            throw new InputFileException(path, recordLine, null, "a quoted field is never closed");
        }
        if (started || field.Length > 0)
        {
            fields.Add(field.ToString());
            if (!IsBlankRecord(fields))
            {
                record(recordLine, fields);
            }
        }
    }

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (!char.IsWhiteSpace(field[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsBlankRecord(List<string> fields)
    {
        foreach (var f in fields)
        {
            if (f.Trim().Length > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static char DetectSeparator(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, true);
        var header = reader.ReadLine() ?? string.Empty;
        if (header.Contains(',', StringComparison.Ordinal))
        {
            return ',';
        }
        if (header.Contains('\t', StringComparison.Ordinal))
        {
            return '\t';
        }
        return header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
    }
}
