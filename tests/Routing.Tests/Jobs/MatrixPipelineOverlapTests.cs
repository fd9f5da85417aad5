using Geo.Core;
using Geo.Routing.Jobs;
using Geo.Routing.Output;
using NUnit.Framework;

namespace Geo.Routing.Tests.Jobs;

/// <summary>
/// <see cref="MatrixPipeline.Run(IMatrixStage, IMatrixSink, int, PhaseTimer?, Action{int}?)"/> writes a batch while the next
/// one is routed: batches still reach the sink whole and in order, a failed write surfaces as itself, and a failed route
/// waits for the write in flight before the caller can dispose the sink.
/// </summary>
[TestFixture]
public sealed class MatrixPipelineOverlapTests
{
    [Test]
    public void Run_SeveralBatches_SinkGetsEveryBatchInOrderThenComplete()
    {
        var sink = new RecordingSink();
        var summary = MatrixPipeline.Run(new CountingStage(10, failAt: -1), sink, originsPerBatch: 3);
        Assert.That(sink.Events, Is.EqualTo(new[] { "begin", "write 0", "write 3", "write 6", "write 9", "complete" }));
        Assert.That(summary.Batches, Is.EqualTo(4));
        Assert.That(summary.StatusCounts[(int)PairStatus.Ok], Is.EqualTo(20));
    }

    [TestCase(1_227, 154, 11)]
    [TestCase(10, 3, 4)]
    [TestCase(1_000, 1_000, 1)]
    [TestCase(1_000, 5_000, 1)]
    [TestCase(9, 8, 2)]
    [TestCase(0, 8, 0)]
    public void Batches_TileTheOriginsAndCutOnlyTheLastOfSeveral(int origins, int perBatch, int expectedCount)
    {
        var batches = MatrixPipeline.Batches(origins, perBatch).ToList();

        Assert.That(batches, Has.Count.EqualTo(expectedCount));
        var next = 0;
        foreach (var (start, end) in batches)
        {
            Assert.That(start, Is.EqualTo(next), "contiguous, in order");
            Assert.That(end, Is.GreaterThan(start).And.LessThanOrEqualTo(start + perBatch));
            next = end;
        }
        Assert.That(next, Is.EqualTo(origins), "every origin once");
        if (origins > perBatch)
        {
            var full = (origins - 1) / perBatch;
            Assert.That(batches.Take(full).All(b => b.End - b.Start == perBatch), "all but the last batch whole");
            Assert.That(batches.Skip(full).Max(b => b.End - b.Start), Is.LessThanOrEqualTo((perBatch + MatrixPipeline.LastBatchPieces - 1) / MatrixPipeline.LastBatchPieces), "the last batch in pieces");
        }
    }

    [Test]
    public void Run_WriteFailsWhileTheNextBatchRoutes_ThatErrorIsThrownAndNothingCompletes()
    {
        var sink = new RecordingSink { FailAtOrigin = 3 };
        var ex = Assert.Throws<IOException>(() => MatrixPipeline.Run(new CountingStage(10, failAt: -1), sink, originsPerBatch: 3));
        Assert.That(ex!.Message, Is.EqualTo("disk full"));
        Assert.That(sink.Events, Does.Not.Contain("complete"));
    }

    [Test]
    public void Run_RouteFailsWhileABatchIsWritten_TheWriteEndsBeforeTheErrorReachesTheCaller()
    {
        var sink = new RecordingSink { WriteMilliseconds = 200 };
        var ex = Assert.Throws<InvalidOperationException>(() => MatrixPipeline.Run(new CountingStage(10, failAt: 3), sink, originsPerBatch: 3));
        Assert.That(ex!.Message, Is.EqualTo("route failed"));
        Assert.That(sink.Writing, Is.False, "no write still running when the caller gets the error");
        Assert.That(sink.Events, Is.EqualTo(new[] { "begin", "write 0" }));
    }

    [Test]
    public void Estimate_TransitJobThatFitsInOneBatch_CutIntoSeveralSoWritingOverlapsRouting()
    {
        var job = new MatrixJob
        {
            Mode = MatrixMode.Transit,
            NetworkPath = "none.geonet",
            Origins = Enumerable.Range(0, 1_227).Select(i => new MatrixPoint("o" + i, default)).ToArray(),
            Destinations = Enumerable.Range(0, 1_227).Select(i => new MatrixPoint("d" + i, default)).ToArray(),
            Transit = new TransitOptions { Gtfs = [], Date = new DateOnly(2019, 5, 13) },
        };
        var estimate = MatrixMemory.Estimate(job, wholeTable: false, availableBytes: 16L << 30);
        Assert.That(estimate.OriginsPerBatch, Is.EqualTo((1_227 + MatrixMemory.TransitBatches - 1) / MatrixMemory.TransitBatches));
        var chosen = MatrixMemory.Estimate(job with { OriginsPerBatch = 1_227 }, wholeTable: false, availableBytes: 16L << 30);
        Assert.That(chosen.OriginsPerBatch, Is.EqualTo(1_227), "--origins-batch is the user's choice");
        var few = MatrixMemory.Estimate(job with { Origins = job.Origins.Take(100).ToArray() }, wholeTable: false, availableBytes: 16L << 30);
        Assert.That(few.OriginsPerBatch, Is.EqualTo(MatrixMemory.MinTransitBatch), "batches keep a useful size");
    }

    /// <summary>Two destinations per origin, all ok; throws when asked for the batch starting at <c>failAt</c>.</summary>
    private sealed class CountingStage(int origins, int failAt) : IMatrixStage
    {
        public MatrixLayout Layout { get; } = new(Enumerable.Range(0, origins).Select(i => "o" + i).ToArray(), ["a", "b"]);

        public MatrixBatch ComputeRows(int start, int end)
        {
            if (start == failAt)
            {
                throw new InvalidOperationException("route failed");
            }
            var batch = new MatrixBatch(start, end - start, 2, kilometres: false, extraColumns: 0);
            Array.Fill(batch.Minutes, 1.0);
            return batch;
        }
    }

    private sealed class RecordingSink : IMatrixSink
    {
        private readonly object _gate = new();
        private readonly List<string> _events = [];

        public int FailAtOrigin { get; init; } = -1;
        public int WriteMilliseconds { get; init; }
        public volatile bool Writing;

        public string[] Events
        {
            get
            {
                lock (_gate)
                {
                    return [.. _events];
                }
            }
        }

        public void Begin(MatrixLayout layout) => Add("begin");

        public void Write(MatrixBatch batch)
        {
            Writing = true;
            Thread.Sleep(WriteMilliseconds);
            Writing = false;
            if (batch.FirstOrigin == FailAtOrigin)
            {
                throw new IOException("disk full");
            }
            Add("write " + batch.FirstOrigin);
        }

        public void Complete() => Add("complete");

        public void Dispose()
        {
        }

        private void Add(string e)
        {
            lock (_gate)
            {
                _events.Add(e);
            }
        }
    }
}
