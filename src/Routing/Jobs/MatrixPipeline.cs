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

    /// <summary>Streams origins [0, n) of an open stage into the sink, <paramref name="originsPerBatch"/> at a time.</summary>
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
        for (var start = 0; start < layout.OriginCount; start += originsPerBatch)
        {
            var end = (int)Math.Min(layout.OriginCount, (long)start + originsPerBatch);
            timer?.Start("route");
            var batch = stage.ComputeRows(start, end);
            timer?.Start("write");
            sink.Write(batch);
            batch.CountStatuses(counts);
            batches++;
            progress?.Invoke(end - start);
        }
        timer?.Start("write");
        sink.Complete();
        timer?.Stop();
        return new MatrixRunSummary(layout.OriginCount, layout.DestinationCount, counts, batches, originsPerBatch);
    }
}
