using System.Text;
using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Output;

/// <summary>
/// Streams a matrix as CSV (UTF-8, '\n' line ends), batch by batch. Long form: <c>origin_id, destination_id, minutes, km,
/// origin_snap_m, destination_snap_m, status</c> then the extra columns, values empty unless the pair is ok (never 0).
/// Wide form: one row per origin, one minutes column per destination. Numbers are rounded (minutes 2, km 3, snap 1
/// decimals) and printed in the invariant culture's shortest form straight into byte buffers, so no string is made per
/// cell. A batch's origins are formatted in chunks on several threads and written in origin order, so the file is the
/// same for any thread count.
/// </summary>
public sealed class MatrixCsvSink : IMatrixSink
{
    /// <summary>Decimals of the minutes column (the transit table of the routing server writes the same).</summary>
    public const int MinutesDecimals = 2;

    /// <summary>Pairs per formatted chunk (about 1-3 MB of text): big enough to share out, small enough to keep few in memory.</summary>
    private const int ChunkPairs = 1 << 15;

    private readonly Stream _stream;
    private readonly PendingFile? _file;
    private readonly bool _wide;
    private readonly Utf8RowBuffer[] _chunks;
    private readonly ParallelOptions _parallel;
    private MatrixLayout? _layout;
    private byte[][] _destinationIds = [];
    private byte[][] _destinationSnaps = [];
    private static readonly byte[][] StatusCodes = Enum.GetValues<PairStatus>().Select(s => Encoding.UTF8.GetBytes(s.ToCode())).ToArray();

    /// <summary>Writes to <paramref name="path"/> (temporary name until <see cref="Complete"/>), formatting on <paramref name="threads"/> threads (0 = all cores).</summary>
    public MatrixCsvSink(string path, bool wide, int threads = 0)
        : this(wide, threads)
    {
        _file = new PendingFile(path);
        _stream = _file.Stream;
    }

    /// <summary>Writes to a caller's stream (left open; Complete flushes it).</summary>
    public MatrixCsvSink(Stream stream, bool wide, int threads = 0)
        : this(wide, threads)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    private MatrixCsvSink(bool wide, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _wide = wide;
        var workers = threads > 0 ? threads : Environment.ProcessorCount;
        _chunks = new Utf8RowBuffer[workers];
        for (var k = 0; k < workers; k++)
        {
            _chunks[k] = new Utf8RowBuffer(1 << 12);
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        _stream = Stream.Null;
    }

    public void Begin(MatrixLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _destinationIds = layout.DestinationIds.Select(id => Encoding.UTF8.GetBytes(CsvText.Escape(id))).ToArray();
        var header = _chunks[0];
        if (_wide)
        {
            header.Append("origin_id"u8);
            foreach (var id in _destinationIds)
            {
                header.Append((byte)',');
                header.Append(id);
            }
        }
        else
        {
            _destinationSnaps = new byte[layout.DestinationCount][];
            for (var d = 0; d < _destinationSnaps.Length; d++)
            {
                header.AppendNumber(layout.DestinationSnapMetres?[d] ?? double.NaN, 1);
                _destinationSnaps[d] = header.Written.ToArray();
                header.Clear();
            }
            header.Append(Encoding.UTF8.GetBytes(string.Join(',', MatrixCsv.LongColumns)));
            foreach (var column in layout.ExtraColumns)
            {
                header.Append((byte)',');
                header.Append(Encoding.UTF8.GetBytes(CsvText.Escape(column.Name)));
            }
        }
        header.Append((byte)'\n');
        header.WriteTo(_stream);
    }

    public void Write(MatrixBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var layout = _layout ?? throw new InvalidOperationException("Begin must be called first.");
        var originsPerChunk = Math.Max(1, ChunkPairs / Math.Max(1, batch.DestinationCount));
        var chunks = (batch.OriginCount + originsPerChunk - 1) / originsPerChunk;
        // Rounds of one chunk per worker: formatted in parallel, then written in order.
        for (var first = 0; first < chunks; first += _chunks.Length)
        {
            var round = Math.Min(_chunks.Length, chunks - first);
            var roundStart = first;
            if (round == 1)
            {
                Format(layout, batch, roundStart, originsPerChunk, _chunks[0]);
            }
            else
            {
                Parallel.For(0, round, _parallel, k => Format(layout, batch, roundStart + k, originsPerChunk, _chunks[k]));
            }
            for (var k = 0; k < round; k++)
            {
                _chunks[k].WriteTo(_stream);
            }
        }
    }

    public void Complete()
    {
        _stream.Flush();
        _file?.Commit();
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>Formats the rows of chunk <paramref name="chunk"/> (origins chunk * perChunk onwards, in the batch) into <paramref name="rows"/>.</summary>
    private void Format(MatrixLayout layout, MatrixBatch batch, int chunk, int perChunk, Utf8RowBuffer rows)
    {
        var start = chunk * perChunk;
        var end = Math.Min(batch.OriginCount, start + perChunk);
        if (_wide)
        {
            WriteWide(layout, batch, start, end, rows);
        }
        else
        {
            WriteLong(layout, batch, start, end, rows);
        }
    }

    private void WriteLong(MatrixLayout layout, MatrixBatch batch, int start, int end, Utf8RowBuffer rows)
    {
        var destinations = batch.DestinationCount;
        var extras = layout.ExtraColumns;
        var km = batch.Kilometres;
        for (var i = start; i < end; i++)
        {
            var o = batch.FirstOrigin + i;
            var originId = Encoding.UTF8.GetBytes(CsvText.Escape(layout.OriginIds[o]));
            var snapStart = rows.Length;
            rows.AppendNumber(layout.OriginSnapMetres?[o] ?? double.NaN, 1);
            var originSnap = rows.Written[snapStart..].ToArray();
            rows.Truncate(snapStart);
            for (var d = 0; d < destinations; d++)
            {
                var pair = (i * destinations) + d;
                var status = batch.Status[pair];
                var ok = status == PairStatus.Ok;
                rows.Append(originId);
                rows.Append((byte)',');
                rows.Append(_destinationIds[d]);
                rows.Append((byte)',');
                if (ok)
                {
                    rows.AppendNumber(batch.Minutes[pair], MinutesDecimals);
                }
                rows.Append((byte)',');
                if (ok && km is not null)
                {
                    rows.AppendNumber(km[pair], 3);
                }
                rows.Append((byte)',');
                rows.Append(originSnap);
                rows.Append((byte)',');
                rows.Append(_destinationSnaps[d]);
                rows.Append((byte)',');
                rows.Append(StatusCodes[(int)status]);
                for (var c = 0; c < extras.Count; c++)
                {
                    rows.Append((byte)',');
                    if (ok)
                    {
                        rows.AppendNumber(batch.Extra[c][pair], extras[c].Decimals);
                    }
                }
                rows.Append((byte)'\n');
            }
        }
    }

    private static void WriteWide(MatrixLayout layout, MatrixBatch batch, int start, int end, Utf8RowBuffer rows)
    {
        var destinations = batch.DestinationCount;
        for (var i = start; i < end; i++)
        {
            rows.Append(Encoding.UTF8.GetBytes(CsvText.Escape(layout.OriginIds[batch.FirstOrigin + i])));
            for (var d = 0; d < destinations; d++)
            {
                rows.Append((byte)',');
                var pair = (i * destinations) + d;
                if (batch.Status[pair] == PairStatus.Ok)
                {
                    rows.AppendNumber(batch.Minutes[pair], MinutesDecimals);
                }
            }
            rows.Append((byte)'\n');
        }
    }
}
