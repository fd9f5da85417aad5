using System.Text;
using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Output;

/// <summary>
/// Streams a matrix as CSV (UTF-8, '\n' line ends), batch by batch. Long form: <c>origin_id, destination_id, minutes, km,
/// origin_snap_m, destination_snap_m, status</c> then the extra columns, values empty unless the pair is ok (never 0).
/// Wide form: one row per origin, one minutes column per destination. Numbers are rounded (minutes 2, km 3, snap 1
/// decimals) and printed in the invariant culture's shortest form straight into a byte buffer, so no string is made per cell.
/// </summary>
public sealed class MatrixCsvSink : IMatrixSink
{
    /// <summary>Decimals of the minutes column (the transit table of the routing server writes the same).</summary>
    public const int MinutesDecimals = 2;

    private const int FlushAt = 1 << 20;
    private readonly Stream _stream;
    private readonly PendingFile? _file;
    private readonly bool _wide;
    private byte[] _buffer = new byte[FlushAt + (1 << 16)];
    private int _length;
    private MatrixLayout? _layout;
    private byte[][] _destinationIds = [];
    private byte[][] _destinationSnaps = [];
    private static readonly byte[][] StatusCodes = Enum.GetValues<PairStatus>().Select(s => Encoding.UTF8.GetBytes(s.ToCode())).ToArray();

    /// <summary>Writes to <paramref name="path"/> (temporary name until <see cref="Complete"/>).</summary>
    public MatrixCsvSink(string path, bool wide)
    {
        _file = new PendingFile(path);
        _stream = _file.Stream;
        _wide = wide;
    }

    /// <summary>Writes to a caller's stream (left open; Complete flushes it).</summary>
    public MatrixCsvSink(Stream stream, bool wide)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _wide = wide;
    }

    public void Begin(MatrixLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _destinationIds = layout.DestinationIds.Select(id => Encoding.UTF8.GetBytes(CsvText.Escape(id))).ToArray();
        if (_wide)
        {
            Append("origin_id"u8);
            foreach (var id in _destinationIds)
            {
                Append((byte)',');
                Append(id);
            }
        }
        else
        {
            _destinationSnaps = new byte[layout.DestinationCount][];
            for (var d = 0; d < _destinationSnaps.Length; d++)
            {
                _length = 0;
                AppendNumber(layout.DestinationSnapMetres?[d] ?? double.NaN, 1);
                _destinationSnaps[d] = _buffer.AsSpan(0, _length).ToArray();
            }
            _length = 0;
            Append(Encoding.UTF8.GetBytes(string.Join(',', MatrixCsv.LongColumns)));
            foreach (var column in layout.ExtraColumns)
            {
                Append((byte)',');
                Append(Encoding.UTF8.GetBytes(CsvText.Escape(column.Name)));
            }
        }
        Append((byte)'\n');
    }

    public void Write(MatrixBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var layout = _layout ?? throw new InvalidOperationException("Begin must be called first.");
        if (_wide)
        {
            WriteWide(layout, batch);
        }
        else
        {
            WriteLong(layout, batch);
        }
        Flush(force: false);
    }

    public void Complete()
    {
        Flush(force: true);
        _stream.Flush();
        _file?.Commit();
    }

    public void Dispose() => _file?.Dispose();

    private void WriteLong(MatrixLayout layout, MatrixBatch batch)
    {
        var destinations = batch.DestinationCount;
        var extras = layout.ExtraColumns;
        var km = batch.Kilometres;
        for (var i = 0; i < batch.OriginCount; i++)
        {
            var o = batch.FirstOrigin + i;
            var originId = Encoding.UTF8.GetBytes(CsvText.Escape(layout.OriginIds[o]));
            var snapStart = _length;
            AppendNumber(layout.OriginSnapMetres?[o] ?? double.NaN, 1);
            var originSnap = _buffer.AsSpan(snapStart, _length - snapStart).ToArray();
            _length = snapStart;
            for (var d = 0; d < destinations; d++)
            {
                var pair = (i * destinations) + d;
                var status = batch.Status[pair];
                var ok = status == PairStatus.Ok;
                Reserve(originId.Length + _destinationIds[d].Length + 256 + (extras.Count * 32));
                Append(originId);
                Append((byte)',');
                Append(_destinationIds[d]);
                Append((byte)',');
                if (ok)
                {
                    AppendNumber(batch.Minutes[pair], MinutesDecimals);
                }
                Append((byte)',');
                if (ok && km is not null)
                {
                    AppendNumber(km[pair], 3);
                }
                Append((byte)',');
                Append(originSnap);
                Append((byte)',');
                Append(_destinationSnaps[d]);
                Append((byte)',');
                Append(StatusCodes[(int)status]);
                for (var c = 0; c < extras.Count; c++)
                {
                    Append((byte)',');
                    if (ok)
                    {
                        AppendNumber(batch.Extra[c][pair], extras[c].Decimals);
                    }
                }
                Append((byte)'\n');
            }
            Flush(force: false);
        }
    }

    private void WriteWide(MatrixLayout layout, MatrixBatch batch)
    {
        var destinations = batch.DestinationCount;
        for (var i = 0; i < batch.OriginCount; i++)
        {
            Append(Encoding.UTF8.GetBytes(CsvText.Escape(layout.OriginIds[batch.FirstOrigin + i])));
            for (var d = 0; d < destinations; d++)
            {
                Reserve(64);
                Append((byte)',');
                var pair = (i * destinations) + d;
                if (batch.Status[pair] == PairStatus.Ok)
                {
                    AppendNumber(batch.Minutes[pair], MinutesDecimals);
                }
            }
            Append((byte)'\n');
            Flush(force: false);
        }
    }

    private void AppendNumber(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        Reserve(32);
        _length += MatrixNumberFormat.Write(value, decimals, _buffer.AsSpan(_length));
    }

    private void Append(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush(force: true);
            if (bytes > _buffer.Length)
            {
                Array.Resize(ref _buffer, bytes * 2);
            }
        }
    }

    private void Flush(bool force)
    {
        if (_length > 0 && (force || _length >= FlushAt))
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
