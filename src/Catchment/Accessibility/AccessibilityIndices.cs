namespace Geo.Catchment.Accessibility;

/// <summary>
/// Place-based accessibility indices per zone from a zone (origin) by site (destination) matrix in minutes
/// (<see cref="Inputs.TravelMatrix"/>; NaN = no route, contributes nothing). Each method returns one value per zone.
/// <list type="bullet">
/// <item><see cref="CumulativeOpportunities"/>: A_i = sum_j O_j [t_ij &lt;= T].</item>
/// <item><see cref="Gravity"/>: A_i = sum_j O_j f(t_ij) (Hansen).</item>
/// <item><see cref="TwoStepFloatingCatchment"/> (Luo and Wang 2003): R_j = S_j / sum_k P_k [t_kj &lt;= T]; A_i = sum_j R_j [t_ij &lt;= T].</item>
/// <item><see cref="EnhancedTwoStepFloatingCatchment"/> (Luo and Qi 2009): R_j = S_j / sum_k P_k f(t_kj); A_i = sum_j R_j f(t_ij).</item>
/// </list>
/// O = opportunities per site, S = site capacity (supply), P = zone demand (population). A site that no demand reaches has
/// R_j = 0 (it serves nobody). Rows are computed in parallel; results do not depend on the thread count.
/// </summary>
public static class AccessibilityIndices
{
    public static double[] CumulativeOpportunities(Inputs.TravelMatrix matrix, double[] opportunities, double thresholdMinutes) =>
        Gravity(matrix, opportunities, DecayFunction.Step(thresholdMinutes));

    public static double[] Gravity(Inputs.TravelMatrix matrix, double[] opportunities, DecayFunction decay)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(decay);
        CheckLength(opportunities, matrix.DestinationCount, nameof(opportunities));
        var sites = matrix.DestinationCount;
        var result = new double[matrix.OriginCount];
        Parallel.For(0, matrix.OriginCount, i =>
        {
            var row = matrix.Minutes.AsSpan(i * sites, sites);
            double sum = 0;
            for (var j = 0; j < row.Length; j++)
            {
                sum += opportunities[j] * decay.Weight(row[j]);
            }
            result[i] = sum;
        });
        return result;
    }

    public static double[] TwoStepFloatingCatchment(Inputs.TravelMatrix matrix, double[] demand, double[] capacity, double thresholdMinutes) =>
        EnhancedTwoStepFloatingCatchment(matrix, demand, capacity, DecayFunction.Step(thresholdMinutes));

    /// <summary>E2SFCA with any decay; with <see cref="DecayFunction.Step"/> it is the classic 2SFCA.</summary>
    public static double[] EnhancedTwoStepFloatingCatchment(Inputs.TravelMatrix matrix, double[] demand, double[] capacity, DecayFunction decay)
    {
        return EnhancedTwoStepFloatingCatchment(matrix, demand, capacity, decay, out _);
    }

    /// <summary>As above, also returning the supply-to-demand ratio R_j of each site.</summary>
    public static double[] EnhancedTwoStepFloatingCatchment(Inputs.TravelMatrix matrix, double[] demand, double[] capacity, DecayFunction decay, out double[] siteRatio)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(decay);
        CheckLength(demand, matrix.OriginCount, nameof(demand));
        CheckLength(capacity, matrix.DestinationCount, nameof(capacity));
        var zones = matrix.OriginCount;
        var sites = matrix.DestinationCount;
        var weighted = new double[sites];
        // Step 1, row-major: accumulate weighted demand per site (sequential over zones so the sum order is fixed).
        for (var i = 0; i < zones; i++)
        {
            var p = demand[i];
            if (p == 0)
            {
                continue;
            }
            var row = matrix.Minutes.AsSpan(i * sites, sites);
            for (var j = 0; j < row.Length; j++)
            {
                weighted[j] += p * decay.Weight(row[j]);
            }
        }
        var ratio = new double[sites];
        for (var j = 0; j < sites; j++)
        {
            ratio[j] = weighted[j] > 0 ? capacity[j] / weighted[j] : 0;
        }
        siteRatio = ratio;
        var result = new double[zones];
        Parallel.For(0, zones, i =>
        {
            var row = matrix.Minutes.AsSpan(i * sites, sites);
            double sum = 0;
            for (var j = 0; j < row.Length; j++)
            {
                sum += ratio[j] * decay.Weight(row[j]);
            }
            result[i] = sum;
        });
        return result;
    }

    private static void CheckLength(double[] values, int expected, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != expected)
        {
            throw new ArgumentException($"{name} has {values.Length} values, expected {expected}", name);
        }
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentException($"{name} must be finite and >= 0 (found {v})", name);
            }
        }
    }
}
