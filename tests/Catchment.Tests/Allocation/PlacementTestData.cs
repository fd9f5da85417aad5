using Geo.Catchment.Scenarios;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;

namespace Geo.Catchment.Tests.Allocation;

/// <summary>Seeded random placement instances: zones and sites on a 60 x 60 minute square, times = distance x (1 + noise).</summary>
internal static class PlacementTestData
{
    public static PlacementProblem Random(int seed, PlacementProblemKind kind, int zones, int sites, int existing, int p,
        double threshold = 20, double noRouteShare = 0, bool withDeciles = true)
    {
        var random = new Random(seed);
        var zx = new double[zones];
        var zy = new double[zones];
        for (var i = 0; i < zones; i++)
        {
            zx[i] = random.NextDouble() * 60;
            zy[i] = random.NextDouble() * 60;
        }
        var minutes = new double[zones * sites];
        for (var j = 0; j < sites; j++)
        {
            var sx = random.NextDouble() * 60;
            var sy = random.NextDouble() * 60;
            for (var i = 0; i < zones; i++)
            {
                var d = Math.Sqrt((zx[i] - sx) * (zx[i] - sx) + (zy[i] - sy) * (zy[i] - sy));
                minutes[i * sites + j] = random.NextDouble() < noRouteShare ? double.NaN : Math.Round(d * (1 + 0.3 * random.NextDouble()) + 1, 2);
            }
        }
        var need = new double[zones];
        var deciles = new int[zones];
        for (var i = 0; i < zones; i++)
        {
            need[i] = random.NextDouble() < 0.1 ? 0 : random.Next(1, 100);
            deciles[i] = random.Next(1, 11);
        }
        var isExisting = new bool[sites];
        var isCandidate = new bool[sites];
        for (var j = 0; j < sites; j++)
        {
            isExisting[j] = j < existing;
            isCandidate[j] = j >= existing;
        }
        var zoneIds = Enumerable.Range(0, zones).Select(i => "Z" + i).ToArray();
        var siteIds = Enumerable.Range(0, sites).Select(j => "S" + j).ToArray();
        return new PlacementProblem
        {
            Kind = kind,
            Matrix = new TravelMatrix("car", zoneIds, siteIds, minutes),
            Need = need,
            IsExisting = isExisting,
            IsCandidate = isCandidate,
            NewSites = p,
            ThresholdMinutes = threshold,
            ImdDecile = withDeciles ? deciles : null,
        };
    }

    public static double[] RandomCapacities(int seed, PlacementProblem problem, double slack)
    {
        var random = new Random(seed);
        var total = problem.Need.Sum();
        var open = problem.NewSites + problem.IsExisting.Count(e => e);
        var capacity = new double[problem.SiteCount];
        for (var j = 0; j < capacity.Length; j++)
        {
            capacity[j] = Math.Round(total / open * (slack + 0.6 * random.NextDouble()));
        }
        return capacity;
    }
}
