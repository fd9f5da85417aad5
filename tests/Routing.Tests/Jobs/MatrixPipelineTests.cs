using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Jobs;
using Geo.Routing.Matrices;
using Geo.Routing.Output;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Multimodal;
using Geo.Routing.Tests.TestSupport;
using Geo.Routing.Transit.Fares;
using NUnit.Framework;

namespace Geo.Routing.Tests.Jobs;

/// <summary>
/// The matrix pipeline's promise: the same bytes whatever the batch size or thread count, and origin shards [start, end)
/// that join into the whole matrix, for road and transit stages; and a job too large for memory refused up front.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class MatrixPipelineTests
{
    /// <summary>The 89 LSOA centroids plus points at sea (unsnapped), to 25 seeded random points on and off the island.</summary>
    private static (MatrixPoint[] Origins, MatrixPoint[] Destinations) Points()
    {
        var origins = IsleOfWight.LsoaCentroids().Select(c => new MatrixPoint(c.Code, c.Point)).ToList();
        origins.Add(new MatrixPoint("sea1", new GeoPoint(-1.60, 50.55)));
        origins.Add(new MatrixPoint("sea,2", new GeoPoint(-1.00, 50.80)));
        var random = new Random(11);
        var destinations = new MatrixPoint[25];
        for (var i = 0; i < destinations.Length; i++)
        {
            destinations[i] = new MatrixPoint("d" + i, new GeoPoint(-1.52 + (random.NextDouble() * 0.42), 50.60 + (random.NextDouble() * 0.14)));
        }
        return ([.. origins], destinations);
    }

    private static MatrixJob RoadJob()
    {
        var (origins, destinations) = Points();
        return new MatrixJob { Mode = MatrixMode.Car, Network = IsleOfWight.Network, Origins = origins, Destinations = destinations };
    }

    private static MatrixJob TransitJob()
    {
        var (origins, destinations) = Points();
        return new MatrixJob
        {
            Mode = MatrixMode.Transit,
            Network = IsleOfWight.Network,
            Origins = origins[..30],
            Destinations = destinations[..10],
            Transit = new TransitOptions
            {
                Date = new DateOnly(2020, 6, 2),
                Window = DepartureWindow.Parse("07:30-08:00"),
                Percentiles = [25, 50, 75],
                Fares = FareModel.Default,
                Network = IsleOfWightNetwork.Get(),
            },
        };
    }

    private static byte[] Csv(IMatrixStage stage, int originsPerBatch, bool wide = false)
    {
        var stream = new MemoryStream();
        MatrixPipeline.Run(stage, new MatrixCsvSink(stream, wide), originsPerBatch);
        return stream.ToArray();
    }

    [Test]
    public void Road_AnyBatchSizeOrThreadCount_SameBytes()
    {
        var job = RoadJob();
        var whole = Csv(MatrixPipeline.Open(job), job.Origins.Count);
        var text = System.Text.Encoding.UTF8.GetString(whole);
        Assert.That(text, Does.Contain(",ok\n"));
        Assert.That(text, Does.Contain("\"sea,2\",d0,,,,"), "an unsnapped origin is reported, not dropped");
        Assert.That(text, Does.Contain("origin_unsnapped"));
        foreach (var (batch, threads) in new[] { (1, 1), (7, 2), (64, 1), (5, 0) })
        {
            var stage = MatrixPipeline.Open(job with { Threads = threads });
            Assert.That(Csv(stage, batch), Is.EqualTo(whole), $"batch {batch}, threads {threads}");
        }
        Assert.That(Csv(MatrixPipeline.Open(job), 3, wide: true), Is.EqualTo(Csv(MatrixPipeline.Open(job), job.Origins.Count, wide: true)));
    }

    [Test]
    public void Road_ShardsJoinIntoTheWholeMatrix()
    {
        var job = RoadJob();
        var stage = MatrixPipeline.Open(job);
        var whole = stage.ComputeRows(0, job.Origins.Count);
        var reference = RoadMatrixComputer.Compute(IsleOfWight.Network, TravelMode.Car, job.Origins.Select(p => p.Point).ToArray(), job.Destinations.Select(p => p.Point).ToArray());
        Assert.That(whole.Minutes, Is.EqualTo(reference.MinutesRowMajor()), "the stage gives the library matrix");
        AssertShardsJoin(stage, whole, [0, 13, 14, 60, job.Origins.Count]);
    }

    [Test]
    public void Transit_AnyBatchSizeOrThreadCount_SameBytes()
    {
        var job = TransitJob();
        var whole = Csv(MatrixPipeline.Open(job), job.Origins.Count);
        var text = System.Text.Encoding.UTF8.GetString(whole);
        Assert.That(text, Does.StartWith("origin_id,destination_id,minutes,km,origin_snap_m,destination_snap_m,status,p25,p50,p75,access_walk_min,wait_min,in_vehicle_min,transfer_walk_min,egress_walk_min,boardings,interchanges,fare_gbp\n"));
        Assert.That(text, Does.Contain(",ok,"));
        foreach (var (batch, threads) in new[] { (1, 1), (4, 2), (7, 0) })
        {
            var stage = MatrixPipeline.Open(job with { Threads = threads });
            Assert.That(Csv(stage, batch), Is.EqualTo(whole), $"batch {batch}, threads {threads}");
        }
    }

    [Test]
    public void Transit_ShardsJoinIntoTheWholeMatrix()
    {
        var job = TransitJob();
        var stage = MatrixPipeline.Open(job);
        var whole = stage.ComputeRows(0, job.Origins.Count);
        Assert.That(whole.Status, Has.Some.EqualTo(PairStatus.Ok));
        AssertShardsJoin(stage, whole, [0, 1, 11, 12, job.Origins.Count]);
    }

    [Test]
    public void Parquet_AnyBatchSize_SameFile()
    {
        var job = RoadJob();
        var folder = Path.Combine(Path.GetTempPath(), "geo-pipe-" + Guid.NewGuid().ToString("N"));
        try
        {
            byte[] Write(int batch, bool wide)
            {
                var path = Path.Combine(folder, $"m{batch}{wide}.parquet");
                using (var sink = MatrixFiles.Create(path, wide))
                {
                    MatrixPipeline.Run(MatrixPipeline.Open(job), sink, batch);
                }
                return File.ReadAllBytes(path);
            }
            Assert.That(Write(1, wide: false), Is.EqualTo(Write(job.Origins.Count, wide: false)));
            Assert.That(Write(9, wide: true), Is.EqualTo(Write(job.Origins.Count, wide: true)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Sink_DisposedWithoutComplete_LeavesNoFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "geo-pipe-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var name in new[] { "m.csv", "m.parquet" })
            {
                var path = Path.Combine(folder, name);
                using (var sink = MatrixFiles.Create(path, wide: false))
                {
                    sink.Begin(new MatrixLayout(["a"], ["b"]));
                }
                Assert.That(File.Exists(path), Is.False, name);
                Assert.That(Directory.GetFiles(folder), Is.Empty, name);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Estimate_TooLargeForMemory_RefusedWithEstimateAndAdvice()
    {
        var origins = Enumerable.Range(0, 35_672).Select(i => new MatrixPoint("o" + i, default)).ToArray();
        var destinations = Enumerable.Range(0, 6_500).Select(i => new MatrixPoint("d" + i, default)).ToArray();
        var job = new MatrixJob { Mode = MatrixMode.Car, NetworkPath = "none.geonet", Origins = origins, Destinations = destinations };
        var fourGb = 4L << 30;

        var streamed = MatrixMemory.Estimate(job, wholeTable: false, fourGb);
        Assert.That(streamed.Fits, Is.True, streamed.Message);
        Assert.That(streamed.OriginsPerBatch, Is.InRange(1, origins.Length - 1), "a national matrix is batched");
        Assert.That(streamed.OriginsPerBatch * 6_500L * MatrixMemory.BytesPerPair(job), Is.LessThanOrEqualTo(MatrixMemory.BatchBudgetBytes));

        var whole = MatrixMemory.Estimate(job, wholeTable: true, fourGb);
        Assert.That(whole.Fits, Is.False);
        Assert.That(whole.Message, Does.Contain("35,672 x 6,500").And.Contain("GB").And.Contain("streamed"));

        var tooBigBatch = MatrixMemory.Estimate(job with { OriginsPerBatch = 35_672 }, wholeTable: false, fourGb);
        Assert.That(tooBigBatch.Fits, Is.False);
        Assert.That(tooBigBatch.Message, Does.Contain("--origins-batch"));

        // 35,672 x 1,000,000 pairs fit on no machine: refused before the (missing) network is opened
        var huge = job with { Destinations = Enumerable.Range(0, 1_000_000).Select(i => new MatrixPoint("d" + i, default)).ToArray() };
        var ex = Assert.Throws<MatrixTooLargeException>(() => MatrixPipeline.Run(huge, new MatrixCollector(), sinkHoldsWholeTable: true));
        Assert.That(ex!.Message, Does.Contain("35,672 x 1,000,000"));
    }

    private static void AssertShardsJoin(IMatrixStage stage, MatrixBatch whole, int[] cuts)
    {
        var collector = new MatrixCollector();
        collector.Begin(stage.Layout);
        for (var i = cuts.Length - 2; i >= 0; i--)
        {
            var shard = stage.ComputeRows(cuts[i], cuts[i + 1]);
            Assert.That(shard.FirstOrigin, Is.EqualTo(cuts[i]));
            Assert.That(shard.OriginCount, Is.EqualTo(cuts[i + 1] - cuts[i]));
            collector.Write(shard);
        }
        Assert.That(collector.Status, Is.EqualTo(whole.Status));
        Assert.That(collector.Minutes, Is.EqualTo(whole.Minutes));
        Assert.That(collector.Kilometres, Is.EqualTo(whole.Kilometres));
        for (var c = 0; c < whole.Extra.Length; c++)
        {
            Assert.That(collector.Extra[c], Is.EqualTo(whole.Extra[c]), stage.Layout.ExtraColumns[c].Name);
        }
    }
}
