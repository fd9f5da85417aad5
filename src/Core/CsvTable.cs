using System.Globalization;
using System.Text;

namespace Geo.Core;

/// <summary>
/// The one RFC 4180 CSV reader of Geo (quoted fields, doubled quotes, line breaks in quotes, UTF-8 BOM, comma/tab/semicolon
/// separator detected from the header, fully blank rows such as Devon's <c>",,,"</c> skipped) that keeps the line each record
/// starts on (header = line 1) so every error can name file:line:field. Fields are kept raw; <see cref="Cell"/> and the number
/// readers trim spaces (Devon's <c>" -4.21"</c>). <see cref="Read"/> loads a whole table; <see cref="Stream"/> visits records
/// one at a time for big matrices. Files must keep within <see cref="InputLimits"/> (size, rows, columns, field length); the
/// text encoding is UTF-8 unless given (<see cref="InputOptions.Encoding"/>).
/// </summary>
public sealed class CsvTable
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

    /// <summary>
    /// Loads a whole table. With <paramref name="requireSameWidth"/> every data row must have as many fields as the header: a
    /// row that has not is skipped and logged in <paramref name="input"/>'s issues (an error when they are strict, the default).
    /// </summary>
    public static CsvTable Read(string path, bool requireSameWidth = false, InputOptions? input = null)
    {
        input ??= new InputOptions();
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
            if (requireSameWidth && fields.Count != header.Length)
            {
                input.Issues.Add(path, line, null, null, IssueCode.WrongFieldCount, IssueSeverity.Error,
                    $"has {fields.Count} fields but the header has {header.Length}; row skipped");
                return;
            }
            rows.Add([.. fields]);
            lines.Add(line);
        }, input.Encoding);
        if (header is null)
        {
            throw new InputFileException(path, null, null, "the file is empty (a header row is required)");
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

    /// <summary>Index of the first header matching one of <paramref name="names"/> (exact, then ignoring case and spaces/underscores); -1 if none.</summary>
    public int FindAny(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            var index = Array.IndexOf(Header, name);
            if (index >= 0)
            {
                return index;
            }
        }
        foreach (var name in names)
        {
            var key = Normalise(name);
            for (var c = 0; c < Header.Length; c++)
            {
                if (Normalise(Header[c]) == key)
                {
                    return c;
                }
            }
        }
        return -1;
    }

    /// <summary>
    /// The column named <paramref name="given"/> (an option value) or else the first of <paramref name="defaults"/>, matched as in
    /// <see cref="FindAny"/>; otherwise an error naming the file, line 1 and the column, listing the columns.
    /// </summary>
    public int RequireAny(string what, string? given, params string[] defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var index = given is null ? FindAny(defaults) : FindAny(given);
        if (index < 0)
        {
            var looked = given is null ? "any of " + string.Join(", ", defaults) : $"'{given}'";
            throw new InputFileException(FilePath, 1, given ?? defaults.FirstOrDefault(), $"no {what} column: looked for {looked}; columns are {string.Join(", ", Header)}");
        }
        return index;
    }

    private static string Normalise(string name) =>
        name.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

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

    /// <summary>The field as a number (spaces trimmed, invariant culture); NaN when empty; otherwise an error naming file:line:column.</summary>
    public double NumberOrNaN(int row, int column)
    {
        var text = Cell(row, column);
        if (text.Length == 0)
        {
            return double.NaN;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new InputFileException(FilePath, Lines[row], Header[column], $"'{text}' is not a number");
        }
        return value;
    }

    /// <summary>True when the column has a non-empty field and every non-empty field parses as a number.</summary>
    public bool IsNumeric(int column)
    {
        var any = false;
        for (var r = 0; r < Rows.Count; r++)
        {
            var text = Cell(r, column);
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

    /// <summary>
    /// Visits every record (header first) with its 1-based starting line. Blank lines and rows of empty fields are skipped.
    /// The text is decoded with <paramref name="encoding"/> (null = UTF-8; a UTF-8 byte-order mark always wins).
    /// </summary>
    public static void Stream(string path, Action<int, List<string>> record, Encoding? encoding = null)
    {
        if (!File.Exists(path))
        {
            throw new InputFileException(path, null, null, "file not found");
        }
        var bytes = new FileInfo(path).Length;
        if (bytes > InputLimits.MaxCsvFileBytes)
        {
            throw new InputFileException(path, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the file is {bytes / (1024.0 * 1024 * 1024):0.0} GiB, over Geo's limit of {InputLimits.MaxCsvFileBytes / (1024 * 1024 * 1024)} GiB per CSV file (README, Limits); split it"));
        }
        encoding ??= TextFiles.StrictUtf8;
        try
        {
            var separator = DetectSeparator(path, encoding);
            using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            Stream(reader, separator, path, record);
        }
        catch (DecoderFallbackException)
        {
            if (TextFiles.IsUtf8(encoding))
            {
                throw TextFiles.NotUtf8(path, TextFiles.FirstInvalidLine(path));
            }
            throw new InputFileException(path, null, null, $"the file has bytes that are not valid {encoding.WebName}; check --encoding");
        }
    }

    /// <summary>
    /// Visits every record read from <paramref name="reader"/> (header first; a leading BOM is skipped) with its 1-based starting
    /// line, fields split on <paramref name="separator"/>; <paramref name="path"/> only names the source in errors.
    /// </summary>
    public static void Stream(TextReader reader, char separator, string path, Action<int, List<string>> record) =>
        Stream(reader, separator, path, record, InputLimits.MaxCsvRows);

    /// <summary>As the public overload with a row limit of <paramref name="maxRows"/> (tests use a small one).</summary>
    internal static void Stream(TextReader reader, char separator, string path, Action<int, List<string>> record, long maxRows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(record);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var started = false;
        var pending = -1; // a character read ahead
        long records = 0;
        void Emit()
        {
            // The header is not a data row, so maxRows + 1 records are allowed.
            if (++records > maxRows + 1)
            {
                throw new InputFileException(path, recordLine, null, string.Create(CultureInfo.InvariantCulture,
                    $"the file has more than {maxRows:N0} rows, over Geo's limit per CSV file (README, Limits); split it"));
            }
            record(recordLine, fields);
        }
        void EndField()
        {
            if (fields.Count >= InputLimits.MaxCsvColumns)
            {
                throw new InputFileException(path, recordLine, null, string.Create(CultureInfo.InvariantCulture,
                    $"the row has more than {InputLimits.MaxCsvColumns:N0} fields, over Geo's limit (README, Limits)"));
            }
            fields.Add(field.ToString());
            field.Clear();
        }
        void Append(char ch)
        {
            if (field.Length >= InputLimits.MaxCsvFieldChars)
            {
                throw new InputFileException(path, recordLine, null, string.Create(CultureInfo.InvariantCulture,
                    $"field {fields.Count + 1} is longer than {InputLimits.MaxCsvFieldChars:N0} characters, over Geo's limit (README, Limits); is a quote never closed?"));
            }
            field.Append(ch);
        }
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
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }
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
                        Append('"');
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
                    Append(ch);
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
                EndField();
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
                    EndField();
                    if (!IsBlankRecord(fields))
                    {
                        Emit();
                    }
                }
                fields.Clear();
                field.Clear();
                started = false;
                line++;
                recordLine = line;
                continue;
            }
            Append(ch);
            started = true;
        }
        if (inQuotes)
        {
            throw new InputFileException(path, recordLine, null, "a quoted field is never closed");
        }
        if (started || field.Length > 0)
        {
            EndField();
            if (!IsBlankRecord(fields))
            {
                Emit();
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

    private static char DetectSeparator(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, true);
        var header = ReadHeaderLine(reader);
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

    /// <summary>The first line, read at most <see cref="InputLimits.MaxCsvFieldChars"/> characters far (a file with no line break stays cheap).</summary>
    private static string ReadHeaderLine(StreamReader reader)
    {
        var line = new StringBuilder();
        int c;
        while (line.Length < InputLimits.MaxCsvFieldChars && (c = reader.Read()) >= 0 && c is not '\n' and not '\r')
        {
            line.Append((char)c);
        }
        return line.ToString();
    }
}
