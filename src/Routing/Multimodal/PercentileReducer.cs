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
    /// <summary>Values above the trip limit (Unreached) are bucketed as this one.</summary>
    private readonly int _cap;
    /// <summary>The last <see cref="Partition"/>'s lowest (capped) value and bucket width (a shift).</summary>
    private int _low;
    private int _shift;
    private int _count;

    public PercentileReducer(int samples, int maxTripSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTripSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        _bucketed = new int[samples];
        _ends = new int[samples];
        _cap = maxTripSeconds == int.MaxValue ? int.MaxValue : maxTripSeconds + 1;
    }

    /// <summary>Index in the sorted samples of a percentile (nearest rank).</summary>
    public static int Rank(int percentile, int samples) => Math.Clamp((int)Math.Ceiling(percentile / 100.0 * samples) - 1, 0, samples - 1);

    /// <summary>Takes one destination's samples (a counting sort by bucket: in bucket order, unsorted within a bucket).</summary>
    public void Partition(ReadOnlySpan<int> samples)
    {
        var cap = _cap;
        int low = int.MaxValue, high = 0;
        foreach (var v in samples)
        {
            var c = Math.Min(v, cap);
            low = Math.Min(low, c);
            high = Math.Max(high, c);
        }
        var shift = 0;
        while (((high - low) >> shift) >= samples.Length)
        {
            shift++;
        }
        var ends = _ends.AsSpan(0, samples.Length);
        var bucketed = _bucketed.AsSpan(0, samples.Length);
        ends.Clear();
        foreach (var v in samples)
        {
            ends[(Math.Min(v, cap) - low) >> shift]++;
        }
        // starts (exclusive prefix sums), which the scatter advances to the ends
        var total = 0;
        for (var b = 0; b < ends.Length; b++)
        {
            var c = ends[b];
            ends[b] = total;
            total += c;
        }
        foreach (var v in samples)
        {
            bucketed[ends[(Math.Min(v, cap) - low) >> shift]++] = v;
        }
        _low = low;
        _shift = shift;
        _count = samples.Length;
    }

    /// <summary>The time at a percentile of the last <see cref="Partition"/>, or <see cref="TravelTime.Unreached"/>.</summary>
    public int At(int percentile)
    {
        var rank = Rank(percentile, _count);
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
