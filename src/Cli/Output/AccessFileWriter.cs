using System.Globalization;
using Geo.Catchment.Accessibility;
using Geo.Core;
using Geo.Routing.Output;
using Parquet;
using Parquet.Schema;

namespace Geo.Cli.Output;

/// <summary>
/// Writes <c>geo access</c> results as CSV or Parquet (by extension): zone_id, demand (when given), one column per index,
/// status. Indices of zones that were not routed are empty (CSV) or null (Parquet), never 0. Atomic.
/// </summary>
public static class AccessFileWriter
{
    public static void Write(string path, IReadOnlyList<string> zoneIds, double[]? demand, IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        ArgumentNullException.ThrowIfNull(zoneIds);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(status);
        if (MatrixFiles.IsParquet(path))
        {
            AtomicFile.Write(path, stream => WriteParquetAsync(stream, zoneIds, demand, columns, status).GetAwaiter().GetResult());
            return;
        }
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write("zone_id");
            if (demand is not null)
            {
                writer.Write(",demand");
            }
            foreach (var column in columns)
            {
                writer.Write(',');
                writer.Write(column.Name);
            }
            writer.Write(",status\n");
            for (var z = 0; z < zoneIds.Count; z++)
            {
                writer.Write(Csv(zoneIds[z]));
                if (demand is not null)
                {
                    writer.Write(',');
                    writer.Write(demand[z].ToString("R", CultureInfo.InvariantCulture));
                }
                foreach (var column in columns)
                {
                    writer.Write(',');
                    var value = column.Values[z];
                    writer.Write(double.IsNaN(value) ? "" : value.ToString("G10", CultureInfo.InvariantCulture));
                }
                writer.Write(',');
                writer.Write(status[z]);
                writer.Write('\n');
            }
        });
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static async Task WriteParquetAsync(Stream stream, IReadOnlyList<string> zoneIds, double[]? demand, IReadOnlyList<AccessibilityColumn> columns, string[] status)
    {
        var idField = new DataField<string>("zone_id");
        var demandField = new DataField<double>("demand");
        var valueFields = columns.Select(c => new DataField<double?>(c.Name)).ToArray();
        var statusField = new DataField<string>("status");
        List<Field> fields = [idField];
        if (demand is not null)
        {
            fields.Add(demandField);
        }
        fields.AddRange(valueFields);
        fields.Add(statusField);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(idField, zoneIds.ToArray()).ConfigureAwait(false);
        if (demand is not null)
        {
            await group.WriteAsync<double>(demandField, demand).ConfigureAwait(false);
        }
        for (var c = 0; c < columns.Count; c++)
        {
            await group.WriteAsync<double>(valueFields[c], columns[c].Values.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray()).ConfigureAwait(false);
        }
        await group.WriteAsync(statusField, status).ConfigureAwait(false);
    }
}
