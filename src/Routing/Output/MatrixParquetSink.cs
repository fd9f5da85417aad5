using Geo.Core;
using Geo.Routing.Matrices;
using Parquet;
using Parquet.Schema;

namespace Geo.Routing.Output;

/// <summary>
/// Streams a matrix as Parquet. Long form (the CSV's columns; null where the CSV is empty): rows are gathered into row
/// groups of a fixed number of whole origins (about 2^20 pairs), written as soon as a group is full, so memory stays
/// bounded and the file is the same for any batch size. Wide form (origin_id, then one minutes column per destination)
/// must hold the whole table, because Parquet stores column after column: it is written at <see cref="Complete"/>.
/// </summary>
public sealed class MatrixParquetSink : IMatrixSink
{
    /// <summary>Pairs per long-form row group (whole origins).</summary>
    public const int PairsPerRowGroup = 1 << 20;

    private readonly PendingFile _file;
    private readonly bool _wide;
    private MatrixLayout? _layout;
    private ParquetWriter? _writer;
    private DataField[] _fields = [];
    private int _originsPerGroup;
    private int _groupFirstOrigin;
    private int _groupOrigins;
    private PairStatus[] _status = [];
    private double[] _minutes = [];
    private double[]? _km;
    private double[][] _extra = [];

    public MatrixParquetSink(string path, bool wide)
    {
        _file = new PendingFile(path);
        _wide = wide;
    }

    public void Begin(MatrixLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        var destinations = layout.DestinationCount;
        if (_wide)
        {
            _fields = [new DataField<string>("origin_id"), .. layout.DestinationIds.Select(id => new DataField<double?>(id))];
            _originsPerGroup = Math.Max(1, layout.OriginCount);
        }
        else
        {
            _fields =
            [
                new DataField<string>("origin_id"), new DataField<string>("destination_id"), new DataField<double?>("minutes"),
                new DataField<double?>("km"), new DataField<double?>("origin_snap_m"), new DataField<double?>("destination_snap_m"),
                new DataField<string>("status"), .. layout.ExtraColumns.Select(c => new DataField<double?>(c.Name)),
            ];
            _originsPerGroup = Math.Max(1, PairsPerRowGroup / Math.Max(1, destinations));
        }
        var pairs = checked(Math.Min(_originsPerGroup, Math.Max(1, layout.OriginCount)) * destinations);
        _status = new PairStatus[pairs];
        _minutes = new double[pairs];
        _km = layout.HasKilometres ? new double[pairs] : null;
        _extra = layout.ExtraColumns.Select(_ => new double[pairs]).ToArray();
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _file.Stream).GetAwaiter().GetResult();
    }

    public void Write(MatrixBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var layout = _layout ?? throw new InvalidOperationException("Begin must be called first.");
        var destinations = layout.DestinationCount;
        for (var i = 0; i < batch.OriginCount;)
        {
            var take = Math.Min(batch.OriginCount - i, _originsPerGroup - _groupOrigins);
            var from = i * destinations;
            var to = _groupOrigins * destinations;
            var count = take * destinations;
            if (_groupOrigins == 0)
            {
                _groupFirstOrigin = batch.FirstOrigin + i;
            }
            Array.Copy(batch.Status, from, _status, to, count);
            Array.Copy(batch.Minutes, from, _minutes, to, count);
            if (_km is not null && batch.Kilometres is not null)
            {
                Array.Copy(batch.Kilometres, from, _km, to, count);
            }
            for (var c = 0; c < _extra.Length; c++)
            {
                Array.Copy(batch.Extra[c], from, _extra[c], to, count);
            }
            _groupOrigins += take;
            i += take;
            if (_groupOrigins == _originsPerGroup)
            {
                FlushGroup();
            }
        }
    }

    public void Complete()
    {
        var layout = _layout ?? throw new InvalidOperationException("Begin must be called first.");
        if (_groupOrigins > 0 || layout.OriginCount == 0)
        {
            FlushGroup();
        }
        _writer!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer = null;
        _file.Commit();
    }

    public void Dispose()
    {
        _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Dispose();
    }

    private void FlushGroup()
    {
        if (_wide)
        {
            WriteWideGroup().GetAwaiter().GetResult();
        }
        else
        {
            WriteLongGroup().GetAwaiter().GetResult();
        }
        _groupOrigins = 0;
    }

    private async Task WriteLongGroup()
    {
        var layout = _layout!;
        var destinations = layout.DestinationCount;
        var pairs = _groupOrigins * destinations;
        var originIds = new string[pairs];
        var destinationIds = new string[pairs];
        var minutes = new double?[pairs];
        var km = new double?[pairs];
        var originSnap = new double?[pairs];
        var destinationSnap = new double?[pairs];
        var status = new string[pairs];
        var extra = _extra.Select(_ => new double?[pairs]).ToArray();
        for (var i = 0; i < _groupOrigins; i++)
        {
            var o = _groupFirstOrigin + i;
            for (var d = 0; d < destinations; d++)
            {
                var row = (i * destinations) + d;
                var ok = _status[row] == PairStatus.Ok;
                originIds[row] = layout.OriginIds[o];
                destinationIds[row] = layout.DestinationIds[d];
                minutes[row] = ok ? Nullable(_minutes[row]) : null;
                km[row] = ok && _km is not null ? Nullable(_km[row]) : null;
                originSnap[row] = Nullable(layout.OriginSnapMetres?[o] ?? double.NaN);
                destinationSnap[row] = Nullable(layout.DestinationSnapMetres?[d] ?? double.NaN);
                status[row] = _status[row].ToCode();
                for (var c = 0; c < extra.Length; c++)
                {
                    extra[c][row] = ok ? Nullable(_extra[c][row]) : null;
                }
            }
        }
        using var group = _writer!.CreateRowGroup();
        await group.WriteAsync((DataField<string>)_fields[0], originIds).ConfigureAwait(false);
        await group.WriteAsync((DataField<string>)_fields[1], destinationIds).ConfigureAwait(false);
        await group.WriteAsync<double>((DataField<double?>)_fields[2], minutes).ConfigureAwait(false);
        await group.WriteAsync<double>((DataField<double?>)_fields[3], km).ConfigureAwait(false);
        await group.WriteAsync<double>((DataField<double?>)_fields[4], originSnap).ConfigureAwait(false);
        await group.WriteAsync<double>((DataField<double?>)_fields[5], destinationSnap).ConfigureAwait(false);
        await group.WriteAsync((DataField<string>)_fields[6], status).ConfigureAwait(false);
        for (var c = 0; c < extra.Length; c++)
        {
            await group.WriteAsync<double>((DataField<double?>)_fields[7 + c], extra[c]).ConfigureAwait(false);
        }
    }

    private async Task WriteWideGroup()
    {
        var layout = _layout!;
        var origins = _groupOrigins;
        var destinations = layout.DestinationCount;
        using var group = _writer!.CreateRowGroup();
        var ids = new string[origins];
        for (var i = 0; i < origins; i++)
        {
            ids[i] = layout.OriginIds[_groupFirstOrigin + i];
        }
        await group.WriteAsync((DataField<string>)_fields[0], ids).ConfigureAwait(false);
        var values = new double?[origins];
        for (var d = 0; d < destinations; d++)
        {
            for (var o = 0; o < origins; o++)
            {
                var pair = (o * destinations) + d;
                values[o] = _status[pair] == PairStatus.Ok ? Nullable(_minutes[pair]) : null;
            }
            await group.WriteAsync<double>((DataField<double?>)_fields[1 + d], values).ConfigureAwait(false);
        }
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
