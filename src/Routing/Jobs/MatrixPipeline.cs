using Geo.Routing.Output;
using Geo.Routing.Streets;

namespace Geo.Routing.Jobs;

/// <summary>
/// The one matrix pipeline behind every front door (geo matrix, geo run, the routing server, a cluster silo).
/// <code>
/// var job = new MatrixJob { Mode = MatrixMode.Car, NetworkPath = "region.geonet", Origins = o, Destinations = d };
/// // whole job, streamed: rows are written as each origin batch finishes
/// using var sink = MatrixFiles.Create("out.parquet", wide: false);      // or MatrixCsvSink, MatrixCollector, your own IMatrixSink
/// MatrixRunSummary s = MatrixPipeline.Run(job, sink, timer);              // timer: optional PhaseTimer (load, snap, route, write)
/// // or step by step, e.g. one origin shard [start, end) on a cluster silo:
/// IMatrixStage stage = MatrixPipeline.Open(job);                          // load, snap, per-destination tables (once)
/// MatrixBatch rows = stage.ComputeRows(start, end);                       // same rows as the whole run gives
/// </code>
/// Defaults live in <see cref="MatrixJob"/>, <see cref="RoadOptions"/> and <see cref="TransitOptions"/>. Batches are
/// deterministic: output is byte-identical for any batch size, shard split or thread count. <see cref="MatrixMemory"/>
/// sizes batches and refuses, before any work, a job that cannot fit in memory.
/// </summary>
public static class MatrixPipeline
{
    /// <summary>Loads what the job needs (unless it brings it) and prepares the stage of its mode.</summary>
    public static IMatrixStage Open(MatrixJob job, PhaseTimer? timer = null, Action<string>? stage = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Validate();
        var network = job.Network;
        if (network is null)
        {
            timer?.Start("load");
            stage?.Invoke("loading network");
            // A matrix needs only its mode's graph (transit: the walk graph, for access, egress and transfers).
            network = StreetNetwork.Load(job.NetworkPath!, [job.Mode == MatrixMode.Transit ? TravelMode.Walk : job.Mode.ToTravelMode()]);
        }
        return job.Mode == MatrixMode.Transit
            ? new TransitMatrixStage(job, network, timer, stage)
            : new RoadMatrixStage(job, network, timer, stage);
    }

    /// <summary>Checks memory, opens the stage and streams every origin batch into <paramref name="sink"/>.</summary>
    public static MatrixRunSummary Run(MatrixJob job, IMatrixSink sink, PhaseTimer? timer = null, Action<string>? stage = null,
        Action<int>? progress = null, bool sinkHoldsWholeTable = false)
    {
        ArgumentNullException.ThrowIfNull(job);
        var estimate = MatrixMemory.Estimate(job, sinkHoldsWholeTable);
        if (!estimate.Fits)
        {
            throw new MatrixTooLargeException(estimate.Message);
        }
        var opened = Open(job, timer, stage);
        return Run(opened, sink, estimate.OriginsPerBatch, timer, progress);
    }

    /// <summary>
    /// Streams origins [0, n) of an open stage into the sink, <paramref name="originsPerBatch"/> at a time (<see cref="Batches"/>).
    /// A batch is written while the next one is routed (one write at a time, in origin order), so the timer's "write"
    /// phase is the time spent waiting for output, not all the time the sink worked.
    /// </summary>
    public static MatrixRunSummary Run(IMatrixStage stage, IMatrixSink sink, int originsPerBatch, PhaseTimer? timer = null, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfLessThan(originsPerBatch, 1);
        var layout = stage.Layout;
        var counts = new long[4];
        var batches = 0;
        timer?.Start("write");
        sink.Begin(layout);
        Task? writing = null;
        try
        {
            foreach (var (start, end) in Batches(layout.OriginCount, originsPerBatch))
            {
                timer?.Start("route");
                var batch = stage.ComputeRows(start, end);
                timer?.Start("write");
                writing?.GetAwaiter().GetResult();
                writing = Task.Run(() => sink.Write(batch));
                batch.CountStatuses(counts);
                batches++;
                progress?.Invoke(end - start);
            }
            timer?.Start("write");
            writing?.GetAwaiter().GetResult();
        }
        catch when (writing is { IsCompleted: false })
        {
            // routing failed while a batch was being written: let the write end before the caller disposes the sink
            ((IAsyncResult)writing).AsyncWaitHandle.WaitOne();
            throw;
        }
        sink.Complete();
        timer?.Stop();
        return new MatrixRunSummary(layout.OriginCount, layout.DestinationCount, counts, batches, originsPerBatch);
    }

    /// <summary>Pieces the last of several batches is cut into.</summary>
    internal const int LastBatchPieces = 4;

    /// <summary>
    /// The origin ranges routed in turn: <paramref name="originsPerBatch"/> at a time, and when there are several batches
    /// the last in up to <see cref="LastBatchPieces"/> pieces: no routing overlaps the last write, so it is kept short (an
    /// eighth of the Porto Alegre matrix took a quarter of a second to write after the routing had ended).
    /// </summary>
    internal static IEnumerable<(int Start, int End)> Batches(int origins, int originsPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(originsPerBatch, 1);
        var lastStart = origins <= originsPerBatch ? 0 : (int)((origins - 1L) / originsPerBatch * originsPerBatch);
        for (var start = 0; start < lastStart; start += originsPerBatch)
        {
            yield return (start, start + originsPerBatch);
        }
        var piece = lastStart == 0 ? origins : Math.Max(1, (origins - lastStart + LastBatchPieces - 1) / LastBatchPieces);
        for (var start = lastStart; start < origins; start += piece)
        {
            yield return (start, Math.Min(origins, start + piece));
        }
    }
}
