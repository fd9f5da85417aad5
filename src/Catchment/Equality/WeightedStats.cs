namespace Geo.Catchment.Equality;

/// <summary>
/// Weighted statistics over values with weights; NaN values and non-positive weights are skipped.
/// Quantile q is the smallest value whose cumulative weight (values sorted ascending) reaches q x total weight —
/// the "inverse of the weighted empirical distribution", so the median of 10 (w 1), 20 (w 1), 30 (w 2) is 20.
/// </summary>
public static class WeightedStats
{
    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var w = weights[i];
            var v = values[i];
            if (w > 0 && !double.IsNaN(v))
            {
                sum += v * w;
                total += w;
            }
        }
        return total > 0 ? sum / total : double.NaN;
    }

    public static double Quantile(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double q)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(q);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1.0);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (weights[i] > 0 && !double.IsNaN(values[i]))
            {
                count++;
            }
        }
        if (count == 0)
        {
            return double.NaN;
        }
        var v = new double[count];
        var w = new double[count];
        var k = 0;
        double total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (weights[i] > 0 && !double.IsNaN(values[i]))
            {
                v[k] = values[i];
                w[k] = weights[i];
                total += weights[i];
                k++;
            }
        }
        Array.Sort(v, w);
        var target = q * total;
        double cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += w[i];
            if (cumulative >= target - 1e-9 * total)
            {
                return v[i];
            }
        }
        return v[count - 1];
    }
}
