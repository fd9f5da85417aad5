using System.Globalization;
using Geo.Core;
using Parquet;
using Parquet.Schema;

namespace Geo.Cli.Output;

/// <summary>
/// Writes a <see cref="MatrixTable"/> as CSV or Parquet (chosen by the file extension), in long form
/// (<c>origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status</c> then any extra columns; values
/// empty/null when not ok, never 0) or wide form (one row per origin, one minutes column per destination).
/// Always through <see cref="AtomicFile"/>, so a failure leaves no file behind.
/// </summary>
public static class MatrixFileWriter
{
    public static readonly string[] LongColumns = ["origin_id", "destination_id", "minutes", "km", "origin_snap_m", "destination_snap_m", "status"];

    public static bool IsParquet(string path) => string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the extension is .csv or .parquet; returns an error message or null.</summary>
    public static string? CheckExtension(string path)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        return extension is ".CSV" or ".PARQUET" ? null : $"output '{path}' must end in .csv or .parquet";
    }

    public static void Write(string path, MatrixTable table, bool wide)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (IsParquet(path))
        {
            AtomicFile.Write(path, stream =>
            {
                if (wide)
                {
                    WriteWideParquetAsync(stream, table).GetAwaiter().GetResult();
                }
                else
                {
                    WriteLongParquetAsync(stream, table).GetAwaiter().GetResult();
                }
            });
        }
        else
        {
            AtomicFile.WriteText(path, writer =>
            {
                if (wide)
                {
                    WriteWideCsv(writer, table);
                }
                else
                {
                    WriteLongCsv(writer, table);
                }
            });
        }
    }

    public static void WriteLongCsv(TextWriter writer, MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.Write(string.Join(',', LongColumns));
        foreach (var column in table.ExtraColumns)
        {
            writer.Write(',');
            writer.Write(Csv(column.Name));
        }
        writer.Write('\n');
        var destinations = table.DestinationIds.Count;
        for (var o = 0; o < table.OriginIds.Count; o++)
        {
            var originId = Csv(table.OriginIds[o]);
            var originSnap = Number(table.OriginSnapMetres?[o] ?? double.NaN, 1);
            for (var d = 0; d < destinations; d++)
            {
                var pair = (o * destinations) + d;
                var status = table.StatusAt(o, d);
                var ok = status == PairStatus.Ok;
                writer.Write(originId);
                writer.Write(',');
                writer.Write(Csv(table.DestinationIds[d]));
                writer.Write(',');
                writer.Write(ok ? Number(table.Minutes[pair], 2) : string.Empty);
                writer.Write(',');
                writer.Write(ok && table.Kilometres is not null ? Number(table.Kilometres[pair], 3) : string.Empty);
                writer.Write(',');
                writer.Write(originSnap);
                writer.Write(',');
                writer.Write(Number(table.DestinationSnapMetres?[d] ?? double.NaN, 1));
                writer.Write(',');
                writer.Write(status.ToCode());
                foreach (var column in table.ExtraColumns)
                {
                    writer.Write(',');
                    writer.Write(ok ? Number(column.Values[pair], column.Decimals) : string.Empty);
                }
                writer.Write('\n');
            }
        }
    }

    public static void WriteWideCsv(TextWriter writer, MatrixTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.Write("origin_id");
        foreach (var id in table.DestinationIds)
        {
            writer.Write(',');
            writer.Write(Csv(id));
        }
        writer.Write('\n');
        var destinations = table.DestinationIds.Count;
        for (var o = 0; o < table.OriginIds.Count; o++)
        {
            writer.Write(Csv(table.OriginIds[o]));
            for (var d = 0; d < destinations; d++)
            {
                writer.Write(',');
                if (table.StatusAt(o, d) == PairStatus.Ok)
                {
                    writer.Write(Number(table.Minutes[(o * destinations) + d], 2));
                }
            }
            writer.Write('\n');
        }
    }

    /// <summary>Pairs per Parquet row group (whole origins), so huge matrices are written in bounded memory.</summary>
    private const int PairsPerRowGroup = 1 << 20;

    private static async Task WriteLongParquetAsync(Stream stream, MatrixTable table)
    {
        var origins = table.OriginIds.Count;
        var destinations = table.DestinationIds.Count;
        var originId = new DataField<string>("origin_id");
        var destinationId = new DataField<string>("destination_id");
        var minutes = new DataField<double?>("minutes");
        var km = new DataField<double?>("km");
        var originSnap = new DataField<double?>("origin_snap_m");
        var destinationSnap = new DataField<double?>("destination_snap_m");
        var status = new DataField<string>("status");
        var extras = table.ExtraColumns.Select(c => new DataField<double?>(c.Name)).ToArray();
        var schema = new ParquetSchema([originId, destinationId, minutes, km, originSnap, destinationSnap, status, .. extras]);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        var originsPerGroup = Math.Max(1, PairsPerRowGroup / Math.Max(1, destinations));
        for (var firstOrigin = 0; firstOrigin < origins || (origins == 0 && firstOrigin == 0); firstOrigin += originsPerGroup)
        {
            var groupOrigins = Math.Min(originsPerGroup, origins - firstOrigin);
            var pairs = groupOrigins * destinations;
            var originIds = new string[pairs];
            var destinationIds = new string[pairs];
            var minuteValues = new double?[pairs];
            var kmValues = new double?[pairs];
            var originSnapValues = new double?[pairs];
            var destinationSnapValues = new double?[pairs];
            var statusValues = new string[pairs];
            var extraValues = table.ExtraColumns.Select(_ => new double?[pairs]).ToArray();
            for (var i = 0; i < groupOrigins; i++)
            {
                var o = firstOrigin + i;
                for (var d = 0; d < destinations; d++)
                {
                    var pair = (o * destinations) + d;
                    var row = (i * destinations) + d;
                    var pairStatus = table.StatusAt(o, d);
                    var ok = pairStatus == PairStatus.Ok;
                    originIds[row] = table.OriginIds[o];
                    destinationIds[row] = table.DestinationIds[d];
                    minuteValues[row] = ok ? Nullable(table.Minutes[pair]) : null;
                    kmValues[row] = ok && table.Kilometres is not null ? Nullable(table.Kilometres[pair]) : null;
                    originSnapValues[row] = Nullable(table.OriginSnapMetres?[o] ?? double.NaN);
                    destinationSnapValues[row] = Nullable(table.DestinationSnapMetres?[d] ?? double.NaN);
                    statusValues[row] = pairStatus.ToCode();
                    for (var c = 0; c < extraValues.Length; c++)
                    {
                        extraValues[c][row] = ok ? Nullable(table.ExtraColumns[c].Values[pair]) : null;
                    }
                }
            }
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(originId, originIds).ConfigureAwait(false);
            await group.WriteAsync(destinationId, destinationIds).ConfigureAwait(false);
            await group.WriteAsync<double>(minutes, minuteValues).ConfigureAwait(false);
            await group.WriteAsync<double>(km, kmValues).ConfigureAwait(false);
            await group.WriteAsync<double>(originSnap, originSnapValues).ConfigureAwait(false);
            await group.WriteAsync<double>(destinationSnap, destinationSnapValues).ConfigureAwait(false);
            await group.WriteAsync(status, statusValues).ConfigureAwait(false);
            for (var c = 0; c < extras.Length; c++)
            {
                await group.WriteAsync<double>(extras[c], extraValues[c]).ConfigureAwait(false);
            }
            if (origins == 0)
            {
                break;
            }
        }
    }

    private static async Task WriteWideParquetAsync(Stream stream, MatrixTable table)
    {
        var origins = table.OriginIds.Count;
        var destinations = table.DestinationIds.Count;
        var originId = new DataField<string>("origin_id");
        var columns = table.DestinationIds.Select(id => new DataField<double?>(id)).ToArray();
        var schema = new ParquetSchema([originId, .. columns]);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(originId, table.OriginIds.ToArray()).ConfigureAwait(false);
        var values = new double?[origins];
        for (var d = 0; d < destinations; d++)
        {
            for (var o = 0; o < origins; o++)
            {
                values[o] = table.StatusAt(o, d) == PairStatus.Ok ? Nullable(table.Minutes[(o * destinations) + d]) : null;
            }
            await group.WriteAsync<double>(columns[d], values).ConfigureAwait(false);
        }
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) ? string.Empty : Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
