using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's percentile stage (per-worker state, reused): sorts one destination's samples and reads nearest-rank percentiles.
/// A two-pass LSD radix sort on 16-bit keys (times up to 18 h; Unreached sorts last), about twice as fast as Array.Sort
/// for 60-240 values; Array.Sort when the trip limit allows longer times.
/// </summary>
internal sealed class PercentileReducer
{
    private readonly int[] _sorted;
    private readonly int[] _temp;
    private readonly int[] _counts = new int[256];
    private readonly bool _radix;

    public PercentileReducer(int samples, int maxTripSeconds)
    {
        _sorted = new int[samples];
        _temp = new int[samples];
        _radix = maxTripSeconds < 65_535;
    }

    /// <summary>Sorted samples of the last <see cref="Sort"/>.</summary>
    public ReadOnlySpan<int> Sorted => _sorted;

    /// <summary>Index in the sorted samples of a percentile (nearest rank).</summary>
    public static int Rank(int percentile, int samples) => Math.Clamp((int)Math.Ceiling(percentile / 100.0 * samples) - 1, 0, samples - 1);

    public void Sort(ReadOnlySpan<int> samples)
    {
        samples.CopyTo(_sorted);
        if (!_radix)
        {
            Array.Sort(_sorted);
            return;
        }
        var a = _sorted;
        var tmp = _temp;
        var counts = _counts;
        for (var shift = 0; shift < 16; shift += 8)
        {
            Array.Clear(counts);
            for (var i = 0; i < a.Length; i++)
            {
                counts[(Math.Min(a[i], 65_535) >> shift) & 255]++;
            }
            var total = 0;
            for (var b = 0; b < 256; b++)
            {
                var c = counts[b];
                counts[b] = total;
                total += c;
            }
            for (var i = 0; i < a.Length; i++)
            {
                tmp[counts[(Math.Min(a[i], 65_535) >> shift) & 255]++] = a[i];
            }
            Array.Copy(tmp, a, a.Length);
        }
    }

    /// <summary>The time at a percentile of the last sort, or <see cref="TravelTime.Unreached"/>.</summary>
    public int At(int percentile) => _sorted[Rank(percentile, _sorted.Length)];
}
