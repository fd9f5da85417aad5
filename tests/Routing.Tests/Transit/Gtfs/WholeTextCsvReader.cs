using System.Text;

namespace Geo.Routing.Tests.Transit.Gtfs;

/// <summary>
/// The GTFS CSV reader as it was before it streamed (whole table as one string), kept verbatim as the reference the
/// streamed reader is compared with. Only what the comparison needs: rows, fields, line numbers, header.
/// </summary>
internal sealed class WholeTextCsvReader
{
    private readonly string _text;
    private int _pos;
    private int _nextLine = 1;
    private readonly List<string> _fields = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    public WholeTextCsvReader(string fileName, string text)
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

    public string FileName { get; }
    public int HeaderLine { get; }

    /// <summary>1-based line where the current row starts.</summary>
    public int LineNumber { get; private set; }

    public int FieldCount => _fields.Count;

    public IReadOnlyDictionary<string, int> Columns => _columns;

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
