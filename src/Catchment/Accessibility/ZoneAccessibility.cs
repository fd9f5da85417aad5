using Geo.Catchment.Inputs;

namespace Geo.Catchment.Accessibility;

/// <summary>One accessibility index per zone; NaN where the zone was not routed (see <see cref="ZoneAccessibility.Status"/>).</summary>
public sealed record AccessibilityColumn(string Name, double[] Values);

/// <summary>
/// The accessibility indices of <see cref="AccessibilityIndices"/> for every zone of a zone x site matrix, as columns for
/// <c>geo access</c>. A zone whose row has no route to any site (unsnapped, or cut off) gets NaN in every column and a
/// status saying so, never a 0 that would read as "nothing in reach".
/// </summary>
public static class ZoneAccessibility
{
    public const string Cumulative = "cumulative";
    public const string Gravity = "gravity";
    public const string TwoStep = "2sfca";
    public const string EnhancedTwoStep = "e2sfca";
    public static readonly IReadOnlyList<string> IndexNames = [Cumulative, Gravity, TwoStep, EnhancedTwoStep];

    /// <summary>Indices that divide supply by demand (need a demand per zone).</summary>
    public static bool NeedsDemand(string index) => index is TwoStep or EnhancedTwoStep;

    /// <param name="matrix">Zones (origins) by sites (destinations), minutes, NaN = no route.</param>
    /// <param name="demand">Per zone (e.g. population); required for 2sfca and e2sfca.</param>
    /// <param name="supply">Per site (e.g. GP FTEs, or 1 per site to count sites).</param>
    /// <param name="indices">Any of <see cref="IndexNames"/>.</param>
    /// <param name="thresholdMinutes">Catchment for cumulative and 2sfca (within = at most this many minutes).</param>
    /// <param name="decay">Distance decay for gravity and e2sfca.</param>
    public static IReadOnlyList<AccessibilityColumn> Compute(TravelMatrix matrix, double[]? demand, double[] supply,
        IReadOnlyList<string> indices, double thresholdMinutes, DecayFunction decay)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(decay);
        var columns = new List<AccessibilityColumn>();
        foreach (var index in indices)
        {
            if (NeedsDemand(index) && demand is null)
            {
                throw new ArgumentException($"{index} needs a demand per zone", nameof(demand));
            }
            var values = index switch
            {
                Cumulative => AccessibilityIndices.CumulativeOpportunities(matrix, supply, thresholdMinutes),
                Gravity => AccessibilityIndices.Gravity(matrix, supply, decay),
                TwoStep => AccessibilityIndices.TwoStepFloatingCatchment(matrix, demand!, supply, thresholdMinutes),
                EnhancedTwoStep => AccessibilityIndices.EnhancedTwoStepFloatingCatchment(matrix, demand!, supply, decay),
                _ => throw new ArgumentException($"unknown index '{index}'; valid: {string.Join(", ", IndexNames)}", nameof(indices)),
            };
            var status = Status(matrix);
            for (var i = 0; i < values.Length; i++)
            {
                if (status[i] != "ok")
                {
                    values[i] = double.NaN;
                }
            }
            columns.Add(new AccessibilityColumn(index, values));
        }
        return columns;
    }

    /// <summary>Per zone: "ok", "unsnapped" (the zone's point is off the network) or "no_route" (no route to any site).</summary>
    public static string[] Status(TravelMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var status = new string[matrix.OriginCount];
        for (var i = 0; i < status.Length; i++)
        {
            var routed = false;
            foreach (var minutes in matrix.Row(i))
            {
                routed |= !double.IsNaN(minutes);
            }
            status[i] = matrix.UnsnappedOrigins?[i] == true ? "unsnapped" : routed || matrix.DestinationCount == 0 ? "ok" : "no_route";
        }
        return status;
    }
}
