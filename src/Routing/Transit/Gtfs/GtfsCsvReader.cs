using System.Text;
using Geo.Core;

namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// Minimal RFC 4180 reader for GTFS tables: BOM stripped, header names trimmed, quoted fields with doubled quotes,
/// CRLF or LF. Tracks the 1-based line number of each row so issues can name file:line. Fields are trimmed.
/// (Sep is faster but does not expose source line numbers across quoted newlines; GTFS tables here are small enough.)
/// </summary>
internal sealed class GtfsCsvReader
{
    private readonly string _text;
    private int _pos;
    private int _nextLine = 1;
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    public GtfsCsvReader(string fileName, string text)
    {
        FileName = fileName;
        _text = text;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }
        if (ReadRecord())
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                var name = _fields[i].Trim().Trim('\uFEFF');
                _columns.TryAdd(name, i);
            }
        }
        HeaderLine = 1;
    }

    public static GtfsCsvReader FromStream(string fileName, Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new GtfsCsvReader(fileName, reader.ReadToEnd());
    }

    public string FileName { get; }
    public int HeaderLine { get; }

    /// <summary>1-based line where the current row starts.</summary>
    public int LineNumber { get; private set; }

    public int FieldCount => _fields.Count;

    /// <summary>Column index, or -1 when the column is absent.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>Column index of a required column; throws <see cref="InputFileException"/> naming file and column when absent.</summary>
    public int RequiredColumn(string name)
    {
        var i = Column(name);
        if (i < 0)
        {
            throw new InputFileException(FileName, HeaderLine, name, $"required column '{name}' is missing ({IssueCode.MissingRequiredColumn}).");
        }
        return i;
    }

    /// <summary>Field value (trimmed), or "" when the column is absent or the row is short.</summary>
    public string this[int column] => column >= 0 && column < _fields.Count ? _fields[column] : "";

    public bool ReadRow()
    {
        while (true)
        {
            if (!ReadRecord())
            {
                return false;
            }
            if (_fields.Count == 1 && _fields[0].Length == 0)
            {
                continue; // blank line
            }
            return true;
        }
    }

    private bool ReadRecord()
    {
        _fields.Clear();
        if (_pos >= _text.Length)
        {
            return false;
        }
        LineNumber = _nextLine;
        var sb = new StringBuilder();
        var text = _text;
        while (true)
        {
            // one field
            sb.Clear();
            var quoted = false;
            // skip leading spaces before a quote
            var start = _pos;
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
            if (_pos < text.Length && text[_pos] == '"')
            {
                quoted = true;
                _pos++;
                while (_pos < text.Length)
                {
                    var c = text[_pos];
                    if (c == '"')
                    {
                        if (_pos + 1 < text.Length && text[_pos + 1] == '"')
                        {
                            sb.Append('"');
                            _pos += 2;
                            continue;
                        }
                        _pos++;
                        break;
                    }
                    if (c == '\n')
                    {
                        _nextLine++;
                    }
                    sb.Append(c);
                    _pos++;
                }
                // skip anything up to the delimiter
                while (_pos < text.Length && text[_pos] != ',' && text[_pos] != '\n' && text[_pos] != '\r')
                {
                    _pos++;
                }
            }
            else
            {
                _pos = start;
                var fieldStart = _pos;
                while (_pos < text.Length && text[_pos] != ',' && text[_pos] != '\n' && text[_pos] != '\r')
                {
                    _pos++;
                }
                sb.Append(text, fieldStart, _pos - fieldStart);
            }
            _fields.Add(quoted ? sb.ToString() : sb.ToString().Trim());
            if (_pos >= text.Length)
            {
                return true;
            }
            var d = text[_pos];
            if (d == ',')
            {
                _pos++;
                continue;
            }
            // end of record
            if (d == '\r')
            {
                _pos++;
                if (_pos < text.Length && text[_pos] == '\n')
                {
                    _pos++;
                }
            }
            else
            {
                _pos++;
            }
            _nextLine++;
            return true;
        }
    }
}
