namespace Geo.Catchment.Allocation;

/// <summary>Nearest and second-nearest site of one origin (matrix indices; -1 and NaN when none is reachable).</summary>
public readonly record struct NearestSiteResult(int Origin, int Site, double Minutes, int SecondSite, double SecondMinutes);

/// <summary>
/// Nearest site for each origin of a matrix, e.g. care homes or GP practices (origins) to open sites (destinations).
/// Ties go to the lower destination index. NaN (no route) is never nearest.
/// </summary>
public static class NearestSite
{
    /// <param name="matrix">Origins (providers or zones) by destinations (sites).</param>
    /// <param name="siteMask">Optional: only destinations with true are considered.</param>
    public static NearestSiteResult[] Find(Inputs.TravelMatrix matrix, bool[]? siteMask = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var sites = matrix.DestinationCount;
        if (siteMask is not null && siteMask.Length != sites)
        {
            throw new ArgumentException($"site mask has {siteMask.Length} values, expected {sites}", nameof(siteMask));
        }
        var result = new NearestSiteResult[matrix.OriginCount];
        Parallel.For(0, matrix.OriginCount, o =>
        {
            var row = matrix.Minutes.AsSpan(o * sites, sites);
            int best = -1, second = -1;
            double bestMinutes = double.NaN, secondMinutes = double.NaN;
            for (var j = 0; j < row.Length; j++)
            {
                var t = row[j];
                if (double.IsNaN(t) || (siteMask is not null && !siteMask[j]))
                {
                    continue;
                }
                if (best < 0 || t < bestMinutes)
                {
                    second = best;
                    secondMinutes = bestMinutes;
                    best = j;
                    bestMinutes = t;
                }
                else if (second < 0 || t < secondMinutes)
                {
                    second = j;
                    secondMinutes = t;
                }
            }
            result[o] = new NearestSiteResult(o, best, bestMinutes, second, secondMinutes);
        });
        return result;
    }
}
