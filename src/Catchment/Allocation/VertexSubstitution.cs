using Geo.Catchment.Scenarios;
using System.Diagnostics;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Greedy start plus Teitz-Bart vertex substitution for min-sum problems (p-median; MCLP as "minimise uncovered need"),
/// using Whitaker's fast interchange: one row-major pass over the cost matrix, keeping each zone's nearest and
/// second-nearest open site, evaluates every (insert, remove) swap at once; the best improving swap is applied and the
/// pass repeated until no swap improves (a local optimum for 1-swaps) or the deadline passes.
/// Costs are fixed-point <see cref="long"/> so that sums are exact and the result does not depend on the thread count.
/// The cost matrix is read row by row only, and the working arrays are allocated once per instance, not per step or swap.
/// </summary>
internal sealed class VertexSubstitution
{
    private const int BlockZones = 512;
    /// <summary>Largest finite cost after scaling (2^40) and the cost of "no route" (2^42): sums over up to 2^20 zones fit in a long.</summary>
    private const double MaxScaledCost = 1L << 40;
    public const long NoRouteCost = 1L << 42;

    private readonly long[] _cost;
    private readonly int _n;
    private readonly int _m;
    private readonly bool[] _fixed;

    // Working state reused by every greedy step and every swap (no array is allocated per step or swap once warm):
    // per zone the nearest and second-nearest open cost and the nearest open site; per site its removable slot; the summed
    // gains and losses; and per-worker partial sums, handed out from a pool because Parallel.For's workers vary.
    private readonly long[] _d1;
    private readonly long[] _d2;
    private readonly int[] _n1;
    private readonly int[] _slot;
    private readonly int[] _removable;
    private readonly int[] _openSites;
    private readonly long[] _gain;
    /// <summary>Loss of removing removable r when site s is added, at [r * m + s] (each zone adds to one row r, read in site order).</summary>
    private long[] _loss = [];
    private readonly Stack<long[]> _workerSums = new();
    private readonly Lock _sumLock = new();

    private VertexSubstitution(long[] cost, int n, int m, bool[] fixedSites, double scale)
    {
        _cost = cost;
        _n = n;
        _m = m;
        _fixed = fixedSites;
        Scale = scale;
        _d1 = new long[n];
        _d2 = new long[n];
        _n1 = new int[n];
        _slot = new int[m];
        _removable = new int[m];
        _openSites = new int[m];
        _gain = new long[m];
    }

    /// <summary>Scaled cost units per original unit (need x minutes for p-median, need for MCLP).</summary>
    public double Scale { get; }

    public int Swaps { get; private set; }

    /// <summary>Builds the fixed-point cost matrix: need x minutes (p-median) or need when beyond the threshold (MCLP).</summary>
    public static VertexSubstitution Create(PlacementInstance inst, PlacementProblemKind kind)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var coverage = kind == PlacementProblemKind.Mclp;
        double max = 0;
        for (var z = 0; z < n; z++)
        {
            var w = inst.Need[z];
            if (coverage)
            {
                max = Math.Max(max, w);
                continue;
            }
            var row = (long)z * m;
            for (var s = 0; s < m; s++)
            {
                var t = inst.Minutes[row + s];
                if (double.IsFinite(t))
                {
                    max = Math.Max(max, w * t);
                }
            }
        }
        var scale = max > 0 ? MaxScaledCost / max : 1;
        var cost = new long[(long)n * m];
        var threshold = inst.ThresholdMinutes;
        Parallel.For(0, n, z =>
        {
            var w = inst.Need[z];
            var row = (long)z * m;
            for (var s = 0; s < m; s++)
            {
                var t = inst.Minutes[row + s];
                cost[row + s] = coverage
                    ? (t <= threshold ? 0 : (long)Math.Round(w * scale))
                    : (double.IsFinite(t) ? (long)Math.Round(w * t * scale) : NoRouteCost);
            }
        });
        return new VertexSubstitution(cost, n, m, inst.Fixed, scale);
    }

    public long Cost(int zone, int site) => _cost[(long)zone * _m + site];

    /// <summary>Total scaled cost of a selection (each zone at its cheapest open site).</summary>
    public long Evaluate(bool[] open)
    {
        long total = 0;
        for (var z = 0; z < _n; z++)
        {
            var best = long.MaxValue;
            var row = (long)z * _m;
            for (var s = 0; s < _m; s++)
            {
                if (open[s] && _cost[row + s] < best)
                {
                    best = _cost[row + s];
                }
            }
            total += best == long.MaxValue ? NoRouteCost : best;
        }
        return total;
    }

    /// <summary>
    /// Greedy: starting from the fixed sites, repeatedly opens the candidate that lowers the total cost most (first on ties).
    /// One row-major pass per step; the site opened last is folded into each zone's nearest cost during the next pass.
    /// </summary>
    public bool[] Greedy(int newSites)
    {
        var open = (bool[])_fixed.Clone();
        Array.Fill(_d1, NoRouteCost);
        var pending = 0;
        for (var s = 0; s < _m; s++)
        {
            if (open[s])
            {
                _openSites[pending++] = s;
            }
        }
        for (var step = 0; step < newSites; step++)
        {
            Array.Clear(_gain);
            var fold = pending;
            Parallel.For(0, BlockCount, () => RentSums(_m), (block, _, local) =>
            {
                var end = Math.Min(_n, (block + 1) * BlockZones);
                for (var z = block * BlockZones; z < end; z++)
                {
                    var row = _cost.AsSpan((int)((long)z * _m), _m);
                    var current = _d1[z];
                    for (var k = 0; k < fold; k++)
                    {
                        current = Math.Min(current, row[_openSites[k]]);
                    }
                    _d1[z] = current;
                    for (var s = 0; s < row.Length; s++)
                    {
                        var c = row[s];
                        if (c < current)
                        {
                            local[s] += current - c;
                        }
                    }
                }
                return local;
            }, local => ReturnSums(local, _m));
            var bestSite = -1;
            var bestGain = -1L;
            for (var s = 0; s < _m; s++)
            {
                if (!open[s] && _gain[s] > bestGain)
                {
                    bestGain = _gain[s];
                    bestSite = s;
                }
            }
            Debug.Assert(bestSite >= 0, "p was checked against the candidate count");
            open[bestSite] = true;
            _openSites[0] = bestSite;
            pending = 1;
        }
        return open;
    }

    /// <summary>Fast interchange from <paramref name="open"/> (modified in place) until no 1-swap improves or the deadline passes.</summary>
    public long Improve(bool[] open, Stopwatch clock, double deadlineSeconds)
    {
        while (true)
        {
            var q = 0;
            for (var s = 0; s < _m; s++)
            {
                _slot[s] = -1;
                if (open[s] && !_fixed[s])
                {
                    _slot[s] = q;
                    _removable[q++] = s;
                }
            }
            var current = Nearest(open);
            if (q == 0 || clock.Elapsed.TotalSeconds > deadlineSeconds)
            {
                return current;
            }
            SumSwapDeltas(q);
            var bestDelta = 0L;
            var bestIn = -1;
            var bestOut = -1;
            for (var s = 0; s < _m; s++)
            {
                if (open[s])
                {
                    continue;
                }
                for (var r = 0; r < q; r++)
                {
                    var delta = _gain[s] + _loss[(long)r * _m + s];
                    if (delta < bestDelta)
                    {
                        bestDelta = delta;
                        bestIn = s;
                        bestOut = _removable[r];
                    }
                }
            }
            if (bestIn < 0)
            {
                return current;
            }
            open[bestIn] = true;
            open[bestOut] = false;
            Swaps++;
        }
    }

    private int BlockCount => (_n + BlockZones - 1) / BlockZones;

    /// <summary>
    /// One row-major pass: _gain[s] = change from adding site s (zones that get closer), _loss[r * m + s] = change from
    /// then removing removable r (zones whose nearest is r move to min(second nearest, s)). A swap's exact delta is their sum.
    /// </summary>
    private void SumSwapDeltas(int q)
    {
        var lossLength = q * _m;
        if (_loss.Length < lossLength)
        {
            _loss = new long[lossLength];
        }
        Array.Clear(_gain);
        Array.Clear(_loss, 0, lossLength);
        var sumLength = _m + lossLength;
        Parallel.For(0, BlockCount, () => RentSums(sumLength), (block, _, local) =>
        {
            var gain = local.AsSpan(0, _m);
            var end = Math.Min(_n, (block + 1) * BlockZones);
            for (var z = block * BlockZones; z < end; z++)
            {
                var row = _cost.AsSpan((int)((long)z * _m), _m);
                var a = _d1[z];
                var r = _slot[_n1[z]];
                if (r < 0)
                {
                    // Nearest open site is fixed: removing a candidate cannot hurt this zone.
                    for (var s = 0; s < row.Length; s++)
                    {
                        if (row[s] < a)
                        {
                            gain[s] += row[s] - a;
                        }
                    }
                    continue;
                }
                var b = _d2[z];
                var loss = local.AsSpan(_m + r * _m, _m);
                for (var s = 0; s < row.Length; s++)
                {
                    var c = row[s];
                    if (c < a)
                    {
                        gain[s] += c - a;
                    }
                    else
                    {
                        loss[s] += Math.Min(b, c) - a;
                    }
                }
            }
            return local;
        }, local => ReturnSums(local, sumLength));
    }

    /// <summary>A zeroed per-worker buffer of at least <paramref name="length"/> longs, from the pool when one is big enough.</summary>
    private long[] RentSums(int length)
    {
        lock (_sumLock)
        {
            while (_workerSums.TryPop(out var sums))
            {
                if (sums.Length >= length)
                {
                    Array.Clear(sums, 0, length);
                    return sums;
                }
            }
        }
        return new long[length];
    }

    /// <summary>Adds a worker's partial sums into _gain (first m) and _loss (the rest), then pools the buffer. Long sums are exact, so the order of workers does not matter.</summary>
    private void ReturnSums(long[] local, int length)
    {
        lock (_sumLock)
        {
            for (var s = 0; s < _m; s++)
            {
                _gain[s] += local[s];
            }
            for (var k = _m; k < length; k++)
            {
                _loss[k - _m] += local[k];
            }
            _workerSums.Push(local);
        }
    }

    /// <summary>Nearest and second-nearest open cost and nearest open site of every zone (row-major); returns the total cost.</summary>
    private long Nearest(bool[] open)
    {
        var count = 0;
        for (var s = 0; s < _m; s++)
        {
            if (open[s])
            {
                _openSites[count++] = s;
            }
        }
        long total = 0;
        Parallel.For(0, BlockCount, () => 0L, (block, _, sum) =>
        {
            var sites = _openSites.AsSpan(0, count);
            var end = Math.Min(_n, (block + 1) * BlockZones);
            for (var z = block * BlockZones; z < end; z++)
            {
                var row = (long)z * _m;
                long a = NoRouteCost, b = NoRouteCost;
                var best = sites[0];
                foreach (var s in sites)
                {
                    var c = _cost[row + s];
                    if (c < a)
                    {
                        b = a;
                        a = c;
                        best = s;
                    }
                    else if (c < b)
                    {
                        b = c;
                    }
                }
                _d1[z] = a;
                _d2[z] = b;
                _n1[z] = best;
                sum += a;
            }
            return sum;
        }, sum => Interlocked.Add(ref total, sum));
        return total;
    }
}
