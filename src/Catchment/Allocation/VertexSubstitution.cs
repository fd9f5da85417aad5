using Geo.Catchment.Scenarios;
using System.Diagnostics;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Greedy start plus Teitz-Bart vertex substitution for min-sum problems (p-median; MCLP as "minimise uncovered need"),
/// using Whitaker's fast interchange: one row-major pass over the cost matrix, keeping each zone's nearest and
/// second-nearest open site, evaluates every (insert, remove) swap at once; the best improving swap is applied and the
/// pass repeated until no swap improves (a local optimum for 1-swaps) or the deadline passes.
/// Costs are fixed-point <see cref="long"/> so that sums are exact and the result does not depend on the thread count.
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

    private VertexSubstitution(long[] cost, int n, int m, bool[] fixedSites, double scale)
    {
        _cost = cost;
        _n = n;
        _m = m;
        _fixed = fixedSites;
        Scale = scale;
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

    /// <summary>Greedy: starting from the fixed sites, repeatedly opens the candidate that lowers the total cost most.</summary>
    public bool[] Greedy(int newSites)
    {
        var open = (bool[])_fixed.Clone();
        var d1 = new long[_n];
        Array.Fill(d1, NoRouteCost);
        for (var s = 0; s < _m; s++)
        {
            if (open[s])
            {
                UpdateNearest(d1, s);
            }
        }
        var gainLock = new object();
        for (var step = 0; step < newSites; step++)
        {
            var gain = new long[_m];
            Parallel.For(0, (_n + BlockZones - 1) / BlockZones, () => new long[_m], (block, _, local) =>
            {
                var end = Math.Min(_n, (block + 1) * BlockZones);
                for (var z = block * BlockZones; z < end; z++)
                {
                    var row = _cost.AsSpan((int)((long)z * _m), _m);
                    var current = d1[z];
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
            }, local =>
            {
                lock (gainLock)
                {
                    for (var s = 0; s < _m; s++)
                    {
                        gain[s] += local[s];
                    }
                }
            });
            var bestSite = -1;
            var bestGain = -1L;
            for (var s = 0; s < _m; s++)
            {
                if (!open[s] && gain[s] > bestGain)
                {
                    bestGain = gain[s];
                    bestSite = s;
                }
            }
            Debug.Assert(bestSite >= 0, "p was validated against the candidate count");
            open[bestSite] = true;
            UpdateNearest(d1, bestSite);
        }
        return open;
    }

    private void UpdateNearest(long[] d1, int site)
    {
        for (var z = 0; z < _n; z++)
        {
            var c = _cost[(long)z * _m + site];
            if (c < d1[z])
            {
                d1[z] = c;
            }
        }
    }

    /// <summary>Fast interchange from <paramref name="open"/> (modified in place) until no 1-swap improves or the deadline passes.</summary>
    public long Improve(bool[] open, Stopwatch clock, double deadlineSeconds)
    {
        var d1 = new long[_n];
        var d2 = new long[_n];
        var n1 = new int[_n];
        var slot = new int[_m];
        var removable = new List<int>();
        var sumLock = new object();
        while (true)
        {
            removable.Clear();
            for (var s = 0; s < _m; s++)
            {
                slot[s] = -1;
                if (open[s] && !_fixed[s])
                {
                    slot[s] = removable.Count;
                    removable.Add(s);
                }
            }
            var q = removable.Count;
            var current = Nearest(open, d1, d2, n1);
            if (q == 0 || clock.Elapsed.TotalSeconds > deadlineSeconds)
            {
                return current;
            }
            var gain = new long[_m];
            var loss = new long[(long)_m * q];
            Parallel.For(0, (_n + BlockZones - 1) / BlockZones, () => (G: new long[_m], L: new long[(long)_m * q]), (block, _, local) =>
            {
                var end = Math.Min(_n, (block + 1) * BlockZones);
                var g = local.G;
                var l = local.L;
                for (var z = block * BlockZones; z < end; z++)
                {
                    var row = _cost.AsSpan((int)((long)z * _m), _m);
                    var a = d1[z];
                    var b = d2[z];
                    var r = slot[n1[z]];
                    for (var s = 0; s < row.Length; s++)
                    {
                        var c = row[s];
                        if (c < a)
                        {
                            g[s] += c - a;
                        }
                        else if (r >= 0)
                        {
                            l[(long)s * q + r] += Math.Min(b, c) - a;
                        }
                    }
                }
                return local;
            }, local =>
            {
                lock (sumLock)
                {
                    for (var s = 0; s < _m; s++)
                    {
                        gain[s] += local.G[s];
                    }
                    for (long k = 0; k < loss.LongLength; k++)
                    {
                        loss[k] += local.L[k];
                    }
                }
            });
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
                    var delta = gain[s] + loss[(long)s * q + r];
                    if (delta < bestDelta)
                    {
                        bestDelta = delta;
                        bestIn = s;
                        bestOut = removable[r];
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

    private long Nearest(bool[] open, long[] d1, long[] d2, int[] n1)
    {
        var openSites = new List<int>();
        for (var s = 0; s < _m; s++)
        {
            if (open[s])
            {
                openSites.Add(s);
            }
        }
        var sites = openSites.ToArray();
        long total = 0;
        var totalLock = new object();
        Parallel.For(0, (_n + BlockZones - 1) / BlockZones, () => 0L, (block, _, sum) =>
        {
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
                d1[z] = a;
                d2[z] = b;
                n1[z] = best;
                sum += a;
            }
            return sum;
        }, sum =>
        {
            lock (totalLock)
            {
                total += sum;
            }
        });
        return total;
    }
}
