using System.Text;
using Geo.Core;

namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// Minimal RFC 4180 reader for GTFS tables, streamed in chunks so a table of any size is read in constant memory:
/// BOM stripped, header names trimmed, quoted fields with doubled quotes, CRLF, LF or CR. Tracks the 1-based line
/// number of each row (newlines inside quoted fields count) so issues can name file:line. Unquoted fields are trimmed.
/// The current row's fields are held in one reused buffer: <see cref="Span"/> reads them without allocating, the
/// indexer makes a string. (Sep is faster but does not expose source line numbers across quoted newlines.)
/// </summary>
internal sealed class GtfsCsvReader : IDisposable
{
    /// <summary>Characters read from the source at a time.</summary>
    public const int DefaultBufferChars = 1 << 16;

    private readonly TextReader _reader;
    private readonly char[] _buf;
    private int _pos;
    private int _len;
    private int _nextLine = 1;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private int _fieldCount;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    public GtfsCsvReader(string fileName, string text)
        : this(fileName, new StringReader(text))
    {
    }

    /// <summary>Reads from <paramref name="reader"/>, which this reader disposes.</summary>
    public GtfsCsvReader(string fileName, TextReader reader, int bufferChars = DefaultBufferChars)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferChars);
        FileName = fileName;
        _reader = reader;
        _buf = new char[bufferChars];
        if (Available() && _buf[_pos] == '\uFEFF')
        {
            _pos++;
        }
        if (ReadRecord())
        {
            for (var i = 0; i < _fieldCount; i++)
            {
                var name = Span(i).Trim().Trim('\uFEFF').ToString();
                _columns.TryAdd(name, i);
            }
        }
        HeaderLine = 1;
    }

    /// <summary>A reader over a UTF-8 stream (a BOM selects its encoding); disposes the stream with the reader.</summary>
    public static GtfsCsvReader FromStream(string fileName, Stream stream)
        => new(fileName, new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: DefaultBufferChars));

    public string FileName { get; }
    public int HeaderLine { get; }

    /// <summary>1-based line where the current row starts.</summary>
    public int LineNumber { get; private set; }

    public int FieldCount => _fieldCount;

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

    /// <summary>Field value (trimmed unless quoted), or "" when the column is absent or the row is short.</summary>
    public string this[int column] => Span(column).ToString();

    /// <summary>The field as a span (valid until the next row is read); empty when the column is absent or the row is short.</summary>
    public ReadOnlySpan<char> Span(int column)
        => column >= 0 && column < _fieldCount ? _record.AsSpan(_fieldStart[column], _fieldLength[column]) : [];

    public bool ReadRow()
    {
        while (true)
        {
            if (!ReadRecord())
            {
                return false;
            }
            if (_fieldCount == 1 && _fieldLength[0] == 0)
            {
                continue; // blank line
            }
            return true;
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>True when a character is buffered at _pos, refilling the buffer from the source when it is used up.</summary>
    private bool Available()
    {
        if (_pos < _len)
        {
            return true;
        }
        if (_len == -1)
        {
            return false;
        }
        _pos = 0;
        try
        {
            _len = _reader.Read(_buf, 0, _buf.Length);
        }
        catch (InvalidDataException e)
        {
            throw new InputFileException(FileName, _nextLine, null, $"the table cannot be read (damaged zip?): {e.Message}");
        }
        if (_len <= 0)
        {
            _len = -1;
            return false;
        }
        return true;
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_recordLength + chars.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        }
        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private void AddField(int start, bool quoted)
    {
        if (_fieldCount == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, _fieldCount * 2);
            Array.Resize(ref _fieldLength, _fieldCount * 2);
        }
        var length = _recordLength - start;
        if (!quoted)
        {
            var field = _record.AsSpan(start, length);
            var lead = field.Length - field.TrimStart().Length;
            start += lead;
            length = field[lead..].TrimEnd().Length;
        }
        _fieldStart[_fieldCount] = start;
        _fieldLength[_fieldCount] = length;
        _fieldCount++;
    }

    private bool ReadRecord()
    {
        _fieldCount = 0;
        _recordLength = 0;
        if (!Available())
        {
            return false;
        }
        LineNumber = _nextLine;
        while (true)
        {
            // one field; leading spaces before a quote are skipped (an unquoted field is trimmed anyway)
            var start = _recordLength;
            while (Available() && _buf[_pos] == ' ')
            {
                _pos++;
            }
            var quoted = Available() && _buf[_pos] == '"';
            if (quoted)
            {
                _pos++;
                ReadQuoted();
                // skip anything up to the delimiter
                while (Available() && _buf[_pos] is not (',' or '\n' or '\r'))
                {
                    _pos++;
                }
            }
            else
            {
                while (Available())
                {
                    var chunk = _buf.AsSpan(_pos, _len - _pos);
                    var end = chunk.IndexOfAny(',', '\n', '\r');
                    Append(end < 0 ? chunk : chunk[..end]);
                    _pos += end < 0 ? chunk.Length : end;
                    if (end >= 0)
                    {
                        break;
                    }
                }
            }
            AddField(start, quoted);
            if (!Available())
            {
                return true;
            }
            var d = _buf[_pos++];
            if (d == ',')
            {
                continue;
            }
            // end of record: \n, \r or \r\n
            if (d == '\r' && Available() && _buf[_pos] == '\n')
            {
                _pos++;
            }
            _nextLine++;
            return true;
        }
    }

    /// <summary>Reads a quoted field's content after the opening quote, up to and including the closing quote (or the end).</summary>
    private void ReadQuoted()
    {
        while (Available())
        {
            var chunk = _buf.AsSpan(_pos, _len - _pos);
            var end = chunk.IndexOfAny('"', '\n');
            if (end < 0)
            {
                Append(chunk);
                _pos += chunk.Length;
                continue;
            }
            Append(chunk[..end]);
            _pos += end + 1;
            if (chunk[end] == '\n')
            {
                Append("\n");
                _nextLine++;
                continue;
            }
            if (Available() && _buf[_pos] == '"')
            {
                Append("\"");
                _pos++;
                continue;
            }
            return;
        }
    }
}
