using Geo.Catchment.Scoring;

namespace Geo.Catchment.Equality;

/// <summary>
/// Yearly patient travel for one option x mode x service: visits per year, and the sums over zones of visits x money and
/// visits x carbon per visit (zones whose money or carbon is unknown, e.g. unreachable, are left out and counted in
/// <see cref="VisitsWithoutCost"/>).
/// </summary>
public sealed record AnnualTotals(double Visits, double CostGbp, double CarbonKg, double VisitsWithoutCost)
{
    public static AnnualTotals Of(ScoreBlock block, double[] visitsPerZone)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(visitsPerZone);
        double visits = 0, cost = 0, carbon = 0, missing = 0;
        for (var z = 0; z < block.Count; z++)
        {
            var v = visitsPerZone[z];
            if (!(v > 0))
            {
                continue;
            }
            visits += v;
            if (double.IsNaN(block.CostGbp[z]))
            {
                missing += v;
            }
            else
            {
                cost += v * block.CostGbp[z];
            }
            if (!double.IsNaN(block.CarbonKg[z]))
            {
                carbon += v * block.CarbonKg[z];
            }
        }
        return new AnnualTotals(visits, cost, carbon, missing);
    }
}
