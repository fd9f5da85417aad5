using NUnit.Framework;
using Parquet;
using Parquet.Schema;

namespace Geo.Cluster.Tests;

/// <summary>All columns of Parquet files as lists of values, for value-for-value comparison.</summary>
public static class ParquetRows
{
    public static (string[] Columns, List<object?[]> Rows) Read(IEnumerable<string> paths)
    {
        string[]? columns = null;
        var rows = new List<object?[]>();
        foreach (var path in paths)
        {
            using var stream = File.OpenRead(path);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToArray();
            if (columns is null)
            {
                columns = names;
            }
            else
            {
                Assert.That(names, Is.EqualTo(columns), $"columns of {path}");
            }
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = (int)group.RowCount;
                var data = fields.Select(f => ReadColumn(group, f, count)).ToArray();
                for (var r = 0; r < count; r++)
                {
                    rows.Add(data.Select(d => d.GetValue(r)).ToArray());
                }
            }
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return (columns ?? [], rows);
    }

    private static Array ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType != typeof(double))
        {
            var strings = new string?[count];
            group.ReadAsync(field, strings.AsMemory()).AsTask().GetAwaiter().GetResult();
            return strings;
        }
        var numbers = new double?[count];
        group.ReadAsync<double>(field, numbers.AsMemory()).AsTask().GetAwaiter().GetResult();
        return numbers;
    }

    /// <summary>Asserts the job's shards, in shard order, hold exactly the rows of the single-machine file.</summary>
    public static void AssertShardsEqualReference(string outputFolder, string mode, string reference, int shardCount)
    {
        var shards = Enumerable.Range(0, shardCount).Select(i => Path.Combine(outputFolder, "mode=" + mode, $"part-{i:D5}.parquet")).ToArray();
        var (columns, rows) = Read(shards);
        var (expectedColumns, expectedRows) = Read([reference]);
        Assert.That(columns, Is.EqualTo(expectedColumns), "same columns as geo matrix");
        Assert.That(rows, Has.Count.EqualTo(expectedRows.Count), "rows");
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.That(rows[i], Is.EqualTo(expectedRows[i]), $"row {i}");
        }
    }
}
