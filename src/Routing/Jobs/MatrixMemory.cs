using System.Globalization;
using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Jobs;

/// <summary>
/// Memory needed by a matrix job, estimated before any work from its sizes: the network (about twice its file), a transit
/// job's timetable (<see cref="GtfsMemory"/>), what each worker holds per destination, one batch of rows (bytes per pair
/// by mode) and, when the output or the caller keeps the whole table (wide Parquet, geo run's appraisal), every pair. Chooses the origins per batch (rows of at most
/// <see cref="BatchBudgetBytes"/>) and refuses a job that cannot fit, saying how to split it.
/// </summary>
public static class MatrixMemory
{
    /// <summary>Largest batch of rows chosen automatically.</summary>
    public const long BatchBudgetBytes = 256L << 20;

    /// <summary>Batches a transit job is cut into at least (when each keeps <see cref="MinTransitBatch"/> origins), so writing overlaps routing.</summary>
    public const int TransitBatches = 8;

    /// <summary>Fewest origins in an automatically cut transit batch.</summary>
    public const int MinTransitBatch = 64;

    /// <summary>Share of the available memory a job may plan to use.</summary>
    public const double UsableShare = 0.8;

    /// <summary>Bytes per pair while a batch is routed and written (row arrays + batch columns).</summary>
    public static long BytesPerPair(MatrixJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Mode != MatrixMode.Transit)
        {
            return 8 + 17; // durations and lengths (int) + status, minutes, km
        }
        var percentiles = job.Transit?.Percentiles.Count ?? 3;
        return (4L * percentiles) + 26 + 9 + (8L * (percentiles + TransitMatrixStage.BreakdownColumns.Length));
    }

    /// <summary>Bytes per pair of a whole table kept in memory (status, minutes, km or the transit columns).</summary>
    public static long WholeTableBytesPerPair(MatrixJob job) => job.Mode == MatrixMode.Transit ? 9 + (8L * 3) : 17;

    /// <summary>The memory this process may use (the machine's or the container's limit).</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public static MemoryEstimate Estimate(MatrixJob job, bool wholeTable, long? availableBytes = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        var available = (long)((availableBytes ?? AvailableBytes) * UsableShare);
        var origins = job.Origins.Count;
        var destinations = Math.Max(1, job.Destinations.Count);
        var perPair = BytesPerPair(job);
        var fixedBytes = FixedBytes(job, destinations);
        var row = perPair * destinations;
        var perBatch = job.OriginsPerBatch > 0
            ? job.OriginsPerBatch
            : (int)Math.Clamp(Math.Min(BatchBudgetBytes, Math.Max(0, available - fixedBytes) / 2) / row, 1, Math.Max(1, origins));
        if (job.Mode == MatrixMode.Transit && job.OriginsPerBatch == 0)
        {
            // several batches, so that each is written while the next is routed (a transit origin takes milliseconds)
            perBatch = Math.Min(perBatch, Math.Max(MinTransitBatch, (origins + TransitBatches - 1) / TransitBatches));
        }
        perBatch = Math.Min(perBatch, Math.Max(1, origins));
        var pairs = (long)origins * job.Destinations.Count;
        // one batch is routed while the one before it is written
        var batchesHeld = perBatch < origins ? 2 : 1;
        var total = fixedBytes + (batchesHeld * perBatch * row) + (wholeTable ? pairs * WholeTableBytesPerPair(job) : 0);
        if (total <= available)
        {
            return new MemoryEstimate(true, total, available, perBatch, "");
        }
        string advice;
        var timetable = TimetableBytes(job);
        if (timetable > 0 && fixedBytes + row > available)
        {
            advice = $"the street network and the timetable alone need about {Gb(fixedBytes)} (the timetable about {Gb(timetable)}): "
                + "split the area, using a regional GTFS feed with its region's network, or run where more memory is available";
        }
        else if (fixedBytes + row > available)
        {
            var fit = Math.Max(1, (available - fixedBytes) / perPair);
            advice = $"even one origin's row does not fit: split the destinations into files of at most {N(fit)} points and run each";
        }
        else if (wholeTable)
        {
            var fit = Math.Max(1, (available - fixedBytes - (batchesHeld * perBatch * row)) / (WholeTableBytesPerPair(job) * destinations));
            advice = $"this output keeps the whole table in memory: write long form or CSV, which are streamed, or split the origins into files of at most {N(fit)} points";
        }
        else
        {
            var fit = Math.Max(1, (available - fixedBytes) / row / 2);
            advice = $"use --origins-batch {N(fit)} (or fewer) so that fewer rows are held at once"
                + (job.Mode == MatrixMode.Transit ? ", or a shorter --window" : "");
        }
        var message = $"the matrix needs about {Gb(total)} of memory ({N(origins)} x {N(job.Destinations.Count)} pairs by {job.Mode.ToName()}) but about {Gb(available)} is available; {advice}.";
        return new MemoryEstimate(false, total, available, perBatch, message);
    }

    private static long FixedBytes(MatrixJob job, int destinations)
    {
        long bytes = 64L << 20; // runtime
        if (job.Network is null && job.NetworkPath is { } path && File.Exists(path))
        {
            var file = new FileInfo(path);
            var length = (file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length;
            // a transit job loads the walk graph only (with its snapping index and reversed copy, about the file's size)
            bytes += (job.Mode == MatrixMode.Transit ? 1 : 2) * length;
        }
        var threads = job.Threads > 0 ? job.Threads : Environment.ProcessorCount;
        if (job.Mode == MatrixMode.Transit && job.Transit is { } transit)
        {
            bytes += TimetableBytes(job);
            bytes += threads * 4L * destinations * (transit.Window.Minutes + 5);
        }
        else
        {
            bytes += threads * 8L * destinations;
        }
        return bytes;
    }

    /// <summary>Estimated bytes of a transit job's GTFS feeds once read, built into a timetable and linked (0 for other modes).</summary>
    public static long TimetableBytes(MatrixJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Mode != MatrixMode.Transit || job.Transit is not { } transit || transit.Network is not null)
        {
            return 0;
        }
        return transit.Gtfs.Sum(GtfsMemory.EstimateBytes);
    }

    private static string Gb(long bytes) => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A memory estimate: whether the job fits, the bytes planned and available, the origins per batch, and why not.</summary>
public sealed record MemoryEstimate(bool Fits, long Bytes, long AvailableBytes, int OriginsPerBatch, string Message);
