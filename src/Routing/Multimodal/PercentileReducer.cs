using System.Numerics;
using Geo.Core;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's percentile stage (per-worker state, reused): nearest-rank percentiles of one destination's samples. The samples
/// are bounded integers (seconds up to the trip limit, or <see cref="TravelTime.Unreached"/>), so <see cref="Partition"/>
/// spreads them by buckets over their own range (a power-of-two width giving about one bucket per sample; values above
/// the limit share the top bucket) in one counting pass, with no data-dependent branches, and <see cref="At"/> sorts
/// only the few values in the bucket holding the rank: exact, and cheaper than sorting all samples. (Buckets over the
/// whole 0..limit range held a window's clustered times a dozen to a bucket, and their insertion sorts were most of the
/// stage's time.)
/// </summary>
internal sealed class PercentileReducer
{
    private readonly int[] _bucketed;
    /// <summary>After <see cref="Partition"/>: the end of each bucket in <see cref="_bucketed"/>.</summary>
    private readonly int[] _ends;
    /// <summary>The last <see cref="Partition"/>'s bucket of each sample.</summary>
    private readonly int[] _keys;
    /// <summary>Values above the trip limit (Unreached) are bucketed as this one.</summary>
    private readonly int _cap;
    /// <summary>The last <see cref="Partition"/>'s lowest (capped) value and bucket width (a shift).</summary>
    private int _low;
    private int _shift;
    /// <summary>Nearest-rank index of each whole percentile 0..100 for the sample count (At runs for every pair and percentile).</summary>
    private readonly int[] _ranks;

    public PercentileReducer(int samples, int maxTripSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTripSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        _bucketed = new int[samples];
        _ends = new int[samples];
        _keys = new int[samples];
        _ranks = new int[101];
        for (var p = 0; p <= 100; p++)
        {
            _ranks[p] = Rank(p, samples);
        }
        _cap = maxTripSeconds == int.MaxValue ? int.MaxValue : maxTripSeconds + 1;
    }

    /// <summary>Index in the sorted samples of a percentile (nearest rank).</summary>
    public static int Rank(int percentile, int samples) => Math.Clamp((int)Math.Ceiling(percentile / 100.0 * samples) - 1, 0, samples - 1);

    /// <summary>Takes one destination's samples, as many as the constructor was given (a counting sort by bucket: in bucket order, unsorted within a bucket).</summary>
    public void Partition(ReadOnlySpan<int> samples)
    {
        if (samples.Length != _bucketed.Length)
        {
            throw new ArgumentException($"Expected {_bucketed.Length} samples, got {samples.Length}.", nameof(samples));
        }
        var cap = _cap;
        var n = samples.Length;
        var keys = _keys.AsSpan(0, n);
        // capped range, then bucket keys: vectorised (the count and scatter passes below are not)
        var capV = new Vector<int>(cap);
        var lowV = new Vector<int>(int.MaxValue);
        var highV = Vector<int>.Zero;
        var i = 0;
        for (; i + Vector<int>.Count <= n; i += Vector<int>.Count)
        {
            var c = Vector.Min(new Vector<int>(samples[i..]), capV);
            lowV = Vector.Min(lowV, c);
            highV = Vector.Max(highV, c);
        }
        int low = int.MaxValue, high = 0;
        for (var lane = 0; lane < Vector<int>.Count; lane++)
        {
            low = Math.Min(low, lowV[lane]);
            high = Math.Max(high, highV[lane]);
        }
        for (; i < n; i++)
        {
            var c = Math.Min(samples[i], cap);
            low = Math.Min(low, c);
            high = Math.Max(high, c);
        }
        var shift = 0;
        while (((high - low) >> shift) >= n)
        {
            shift++;
        }
        var low0 = new Vector<int>(low);
        for (i = 0; i + Vector<int>.Count <= n; i += Vector<int>.Count)
        {
            Vector.ShiftRightLogical(Vector.Min(new Vector<int>(samples[i..]), capV) - low0, shift).CopyTo(keys[i..]);
        }
        for (; i < n; i++)
        {
            keys[i] = (Math.Min(samples[i], cap) - low) >> shift;
        }
        var ends = _ends.AsSpan(0, n);
        var bucketed = _bucketed.AsSpan(0, n);
        ends.Clear();
        foreach (var k in keys)
        {
            ends[k]++;
        }
        // starts (exclusive prefix sums), which the scatter advances to the ends
        var total = 0;
        for (var b = 0; b < ends.Length; b++)
        {
            var c = ends[b];
            ends[b] = total;
            total += c;
        }
        for (i = 0; i < n; i++)
        {
            bucketed[ends[keys[i]]++] = samples[i];
        }
        _low = low;
        _shift = shift;
    }

    /// <summary>The time at a percentile of the last <see cref="Partition"/>, or <see cref="TravelTime.Unreached"/>.</summary>
    public int At(int percentile)
    {
        var rank = _ranks[percentile];
        var a = _bucketed;
        // every value of a bucket has the same key, so the value now at the rank names the bucket to sort
        var bucket = (Math.Min(a[rank], _cap) - _low) >> _shift;
        var start = bucket == 0 ? 0 : _ends[bucket - 1];
        var end = _ends[bucket];
        for (var i = start + 1; i < end; i++)
        {
            var v = a[i];
            var j = i - 1;
            while (j >= start && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[rank];
    }
}
