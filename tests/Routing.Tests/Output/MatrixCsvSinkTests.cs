using System.Globalization;
using System.Text;
using Geo.Core;
using Geo.Routing.Output;
using NUnit.Framework;

namespace Geo.Routing.Tests.Output;

/// <summary>
/// The CSV sink formats a batch's origins in chunks on several threads: its file must be the text a plain string-per-cell
/// writer gives (Math.Round(x, d).ToString(InvariantCulture), quoted ids), whatever the thread count and batch split.
/// </summary>
[TestFixture]
public sealed class MatrixCsvSinkTests
{
    // 300 x 250 = 75,000 pairs: more than two of the sink's 32,768-pair chunks, so rounds and chunk edges are crossed.
    private const int Origins = 300;
    private const int Destinations = 250;

    [TestCase(false, 1)]
    [TestCase(false, 2)]
    [TestCase(false, 3)]
    [TestCase(true, 1)]
    [TestCase(true, 3)]
    public void Write_SeveralThreadsAndBatches_SameTextAsStringReference(bool wide, int threads)
    {
        var (layout, batch) = RandomMatrix(seed: 11);
        var expected = wide ? ReferenceWide(layout, batch) : ReferenceLong(layout, batch);

        Assert.That(Write(layout, [batch], wide, threads), Is.EqualTo(expected), "one batch");
        Assert.That(Write(layout, Split(batch, [0, 7, 8, 150, Origins]), wide, threads), Is.EqualTo(expected), "batches of 7, 1, 142 and 150 origins");
    }

    private static string Write(MatrixLayout layout, IEnumerable<MatrixBatch> batches, bool wide, int threads)
    {
        using var stream = new MemoryStream();
        var sink = new MatrixCsvSink(stream, wide, threads);
        sink.Begin(layout);
        foreach (var batch in batches)
        {
            sink.Write(batch);
        }
        sink.Complete();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (MatrixLayout Layout, MatrixBatch Batch) RandomMatrix(int seed)
    {
        var random = new Random(seed);
        var originIds = Enumerable.Range(0, Origins).Select(i => i % 37 == 0 ? $"o,\"{i}\"" : "o" + i).ToArray();
        var destinationIds = Enumerable.Range(0, Destinations).Select(i => i % 41 == 0 ? $"d é,{i}" : "d" + i).ToArray();
        double Snap(int i) => i % 13 == 0 ? double.NaN : Math.Round(random.NextDouble() * 900, 3);
        var layout = new MatrixLayout(originIds, destinationIds)
        {
            OriginSnapMetres = Enumerable.Range(0, Origins).Select(Snap).ToArray(),
            DestinationSnapMetres = Enumerable.Range(0, Destinations).Select(Snap).ToArray(),
            HasKilometres = true,
            ExtraColumns = [new MatrixColumnSpec("p25"), new MatrixColumnSpec("fare_gbp", 3)],
        };
        var batch = new MatrixBatch(0, Origins, Destinations, kilometres: true, extraColumns: 2);
        for (var p = 0; p < batch.PairCount; p++)
        {
            batch.Status[p] = (PairStatus)random.Next(4);
            batch.Minutes[p] = batch.Status[p] == PairStatus.Ok ? random.NextDouble() * 300 : double.NaN;
            batch.Kilometres![p] = batch.Status[p] == PairStatus.Ok ? random.NextDouble() * 200 : double.NaN;
            batch.Extra[0][p] = random.NextDouble() * 300;
            batch.Extra[1][p] = random.Next(3) == 0 ? double.NaN : random.Next(0, 1000) / 100.0;
        }
        return (layout, batch);
    }

    /// <summary>The batch's rows split at the given origin offsets (ascending, first 0, last the origin count).</summary>
    private static List<MatrixBatch> Split(MatrixBatch whole, int[] at)
    {
        var parts = new List<MatrixBatch>();
        for (var k = 0; k + 1 < at.Length; k++)
        {
            var part = new MatrixBatch(at[k], at[k + 1] - at[k], whole.DestinationCount, kilometres: true, extraColumns: whole.Extra.Length);
            var offset = at[k] * whole.DestinationCount;
            Array.Copy(whole.Status, offset, part.Status, 0, part.PairCount);
            Array.Copy(whole.Minutes, offset, part.Minutes, 0, part.PairCount);
            Array.Copy(whole.Kilometres!, offset, part.Kilometres!, 0, part.PairCount);
            for (var c = 0; c < whole.Extra.Length; c++)
            {
                Array.Copy(whole.Extra[c], offset, part.Extra[c], 0, part.PairCount);
            }
            parts.Add(part);
        }
        return parts;
    }

    private static string Number(double value, int decimals) =>
        double.IsNaN(value) ? string.Empty : Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    private static string ReferenceLong(MatrixLayout layout, MatrixBatch batch)
    {
        var text = new StringBuilder("origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status,p25,fare_gbp\n");
        for (var o = 0; o < Origins; o++)
        {
            for (var d = 0; d < Destinations; d++)
            {
                var p = (o * Destinations) + d;
                var ok = batch.Status[p] == PairStatus.Ok;
                text.Append(CsvText.Escape(layout.OriginIds[o])).Append(',').Append(CsvText.Escape(layout.DestinationIds[d])).Append(',')
                    .Append(ok ? Number(batch.Minutes[p], 2) : string.Empty).Append(',')
                    .Append(ok ? Number(batch.Kilometres![p], 3) : string.Empty).Append(',')
                    .Append(Number(layout.OriginSnapMetres![o], 1)).Append(',').Append(Number(layout.DestinationSnapMetres![d], 1)).Append(',')
                    .Append(batch.Status[p].ToCode()).Append(',')
                    .Append(ok ? Number(batch.Extra[0][p], 2) : string.Empty).Append(',')
                    .Append(ok ? Number(batch.Extra[1][p], 3) : string.Empty).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string ReferenceWide(MatrixLayout layout, MatrixBatch batch)
    {
        var text = new StringBuilder("origin_id");
        foreach (var id in layout.DestinationIds)
        {
            text.Append(',').Append(CsvText.Escape(id));
        }
        text.Append('\n');
        for (var o = 0; o < Origins; o++)
        {
            text.Append(CsvText.Escape(layout.OriginIds[o]));
            for (var d = 0; d < Destinations; d++)
            {
                var p = (o * Destinations) + d;
                text.Append(',').Append(batch.Status[p] == PairStatus.Ok ? Number(batch.Minutes[p], 2) : string.Empty);
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
