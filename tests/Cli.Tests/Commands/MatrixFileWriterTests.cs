using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Output;
using NUnit.Framework;
using Parquet;
using Parquet.Schema;

namespace Geo.Cli.Tests.Commands;

[TestFixture]
public sealed class MatrixFileWriterTests
{
    private static MatrixTable Table() =>
        new(["o1", "o,2"], ["d1", "d2"], [10.123, double.NaN, 5, 7])
        {
            Kilometres = [3.14159, double.NaN, 2, 2.5],
            OriginSnapMetres = [12.34, 800],
            DestinationSnapMetres = [1, double.NaN],
            OriginSnapped = [true, true],
            DestinationSnapped = [true, false],
            ExtraColumns = [new MatrixColumn("p25", [9, 9, 4, 6]), new MatrixColumn("fare", [1.5, double.NaN, 2, 2])],
        };

    [Test]
    public void WriteLongCsv_StatusesEmptyValuesQuotingAndExtras()
    {
        var stream = new MemoryStream();
        MatrixFileWriter.WriteLongCsv(stream, Table());
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status,p25,fare",
            "o1,d1,10.12,3.142,12.3,1,ok,9,1.5",
            "o1,d2,,,12.3,,destination_unsnapped,,",
            "\"o,2\",d1,5,2,800,1,ok,4,2",
            "\"o,2\",d2,,,800,,destination_unsnapped,,",
        }));
    }

    [Test]
    public void WriteWideCsv_EmptyWhereNotOk()
    {
        var stream = new MemoryStream();
        MatrixFileWriter.WriteWideCsv(stream, Table());
        Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("origin_id,d1,d2\no1,10.12,\n\"o,2\",5,\n"));
    }

    [Test]
    public void StatusAt_UnreachableWhenMinutesNaN()
    {
        var table = new MatrixTable(["a"], ["b", "c"], [double.NaN, 1]);
        Assert.That(table.StatusAt(0, 0), Is.EqualTo(PairStatus.Unreachable));
        Assert.That(table.StatusAt(0, 1), Is.EqualTo(PairStatus.Ok));
        Assert.That(table.CountStatuses(), Is.EqualTo(new[] { 1, 1, 0, 0 }));
        Assert.That(PairStatus.OriginUnsnapped.ToCode(), Is.EqualTo("origin_unsnapped"));
    }

    [Test]
    [Category("Slow")]
    public async Task Write_LargeParquet_SplitIntoRowGroupsWithAllRows()
    {
        const int origins = 1_100;
        const int destinations = 1_000;
        var minutes = new double[origins * destinations];
        for (var i = 0; i < minutes.Length; i++)
        {
            minutes[i] = i % 7 == 0 ? double.NaN : i % 1000;
        }
        var table = new MatrixTable(
            Enumerable.Range(0, origins).Select(i => "o" + i).ToArray(),
            Enumerable.Range(0, destinations).Select(i => "d" + i).ToArray(), minutes);
        var path = Path.Combine(Path.GetTempPath(), "geo-mfw-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            MatrixFileWriter.Write(path, table, wide: false);
            await using var reader = await ParquetReader.CreateAsync(path);
            Assert.That(reader.RowGroupCount, Is.GreaterThan(1));
            long rows = 0;
            var nulls = 0;
            var field = (DataField)reader.Schema.GetDataFields()[2];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var values = new double?[group.RowCount];
                await group.ReadAsync<double>(field, values.AsMemory());
                rows += group.RowCount;
                nulls += values.Count(v => v is null);
            }
            Assert.That(rows, Is.EqualTo(origins * destinations));
            Assert.That(nulls, Is.EqualTo(minutes.Count(double.IsNaN)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
