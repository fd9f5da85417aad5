using System.Collections.Concurrent;
using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Routing.Multimodal;

/// <summary>
/// A walk + public transport matrix prepared once (snaps, egress table) and computed for any range of origins
/// [start, end): parallel over origins, workers reused across calls. Each origin's row depends only on its own inputs,
/// so any split into ranges, any order and any thread count give the same rows.
/// </summary>
public sealed class TransitMatrixRows
{
    private readonly TransitMatrixContext _context;
    private readonly ConcurrentBag<TransitMatrixWorker> _workers = [];

    public TransitMatrixRows(TransitNetwork network, TransitMatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        _context = new TransitMatrixContext(network, request);
    }

    public TransitMatrixRequest Request => _context.Request;
    public SnapResult[] OriginSnaps => _context.OriginSnaps;
    public SnapResult[] DestinationSnaps => _context.DestinationSnaps;
    public int OriginCount => _context.OriginSnaps.Length;
    public int DestinationCount => _context.DestinationSnaps.Length;

    /// <summary>Bytes of per-pair results per origin row (for memory estimates).</summary>
    public long BytesPerOrigin => (long)DestinationCount * ((4L * Request.Percentiles.Count) + 1 + (6 * 4) + 1);

    /// <summary>Bytes one worker holds (window samples for every destination and RAPTOR state).</summary>
    public long BytesPerWorker => (4L * DestinationCount * (Request.WindowMinutes + 5)) + (2L * 64 * Request.MaxRides * _context.Network.Timetable.StopCount);

    /// <summary>The rows of origins [start, end); progress reports origins finished.</summary>
    public TransitMatrixResult Compute(int start, int end, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, OriginCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        var req = _context.Request;
        var origins = end - start;
        var pairs = (long)origins * DestinationCount;
        if (pairs * req.Percentiles.Count > Array.MaxLength)
        {
            throw new ArgumentException($"{origins} x {DestinationCount} pairs x {req.Percentiles.Count} percentiles is too many for one batch; compute fewer origins at a time.");
        }
        var n = (int)pairs;
        var result = new TransitMatrixResult
        {
            FirstOrigin = start,
            OriginCount = origins,
            DestinationCount = DestinationCount,
            Percentiles = [.. req.Percentiles],
            Minutes = new float[n * req.Percentiles.Count],
            Status = new PairStatus[n],
            AccessWalkMinutes = Filled(n),
            WaitMinutes = Filled(n),
            InVehicleMinutes = Filled(n),
            TransferWalkMinutes = Filled(n),
            EgressWalkMinutes = Filled(n),
            Boardings = FilledBytes(n),
            Fares = Filled(n),
            Currency = req.Fares?.Currency ?? "",
            OriginSnaps = _context.OriginSnaps[start..end],
            DestinationSnaps = _context.DestinationSnaps,
        };
        var done = 0;
        // one origin at a time (Parallel.For's growing chunks left a core idle at the end of each batch), workers pooled
        PerCoreParallel.For(origins, Rent, (i, worker) =>
        {
            worker.ComputeOrigin(start + i, i, result);
            progress?.Report(Interlocked.Increment(ref done));
        }, req.Threads, _workers.Add);
        return result;
    }

    private TransitMatrixWorker Rent() => _workers.TryTake(out var worker) ? worker : new TransitMatrixWorker(_context);

    private static float[] Filled(int n)
    {
        var a = new float[n];
        Array.Fill(a, float.NaN);
        return a;
    }

    private static sbyte[] FilledBytes(int n)
    {
        var a = new sbyte[n];
        Array.Fill(a, (sbyte)-1);
        return a;
    }
}
