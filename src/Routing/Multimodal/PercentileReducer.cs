using Geo.Core;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's percentile stage (per-worker state, reused): sorts one destination's samples and reads nearest-rank percentiles.
/// The samples are bounded integers (seconds up to the trip limit, or <see cref="TravelTime.Unreached"/>), so a counting
/// sort by buckets of 2^shift seconds (about one bucket per sample, Unreached in the last) followed by an insertion sort,
/// which only moves values within their bucket, sorts them exactly in a few passes: cheaper than a two-pass radix sort.
/// </summary>
internal sealed class PercentileReducer
{
    private readonly int[] _sorted;
    private readonly int[] _counts;
    private readonly int _shift;
    /// <summary>Values above the trip limit (Unreached) are counted as this one, in the last bucket.</summary>
    private readonly int _cap;

    public PercentileReducer(int samples, int maxTripSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTripSeconds);
        _sorted = new int[samples];
        _cap = maxTripSeconds == int.MaxValue ? int.MaxValue : maxTripSeconds + 1;
        while ((_cap >> _shift) > Math.Max(samples, 64))
        {
            _shift++;
        }
        _counts = new int[(_cap >> _shift) + 2];
    }

    /// <summary>Sorted samples of the last <see cref="Sort"/>.</summary>
    public ReadOnlySpan<int> Sorted => _sorted;

    /// <summary>Index in the sorted samples of a percentile (nearest rank).</summary>
    public static int Rank(int percentile, int samples) => Math.Clamp((int)Math.Ceiling(percentile / 100.0 * samples) - 1, 0, samples - 1);

    public void Sort(ReadOnlySpan<int> samples)
    {
        var counts = _counts.AsSpan();
        var sorted = _sorted.AsSpan(0, samples.Length);
        var cap = _cap;
        var shift = _shift;
        counts.Clear();
        foreach (var v in samples)
        {
            counts[(Math.Min(v, cap) >> shift) + 1]++;
        }
        for (var b = 1; b < counts.Length; b++)
        {
            counts[b] += counts[b - 1];
        }
        foreach (var v in samples)
        {
            sorted[counts[Math.Min(v, cap) >> shift]++] = v;
        }
        for (var i = 1; i < sorted.Length; i++)
        {
            var v = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j] > v)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = v;
        }
    }

    /// <summary>The time at a percentile of the last sort, or <see cref="TravelTime.Unreached"/>.</summary>
    public int At(int percentile) => _sorted[Rank(percentile, _sorted.Length)];
}
