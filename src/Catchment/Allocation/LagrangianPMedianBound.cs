using System.Diagnostics;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Lower bound for the (uncapacitated, no equity constraint) p-median by Lagrangian relaxation of the assignment
/// constraints (sum_s x_zs = 1, multipliers lambda_z) and subgradient optimisation:
/// L(lambda) = sum_z lambda_z + sum_{s existing} rho_s + (sum of the p most negative rho_s over candidates),
/// rho_s = sum_z min(0, need_z t_zs - lambda_z). Any L(lambda) is a valid lower bound; when it meets the heuristic's
/// objective (within the tolerance) the heuristic solution is proven optimal without a MIP.
/// </summary>
internal static class LagrangianPMedianBound
{
    public static double Compute(PlacementInstance inst, double upperBound, Stopwatch clock, double deadlineSeconds, double tolerance, int maxIterations = 600)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var cost = new double[(long)n * m];
        double maxFinite = 0;
        for (long k = 0; k < cost.LongLength; k++)
        {
            var t = inst.Minutes[k];
            if (double.IsFinite(t))
            {
                maxFinite = Math.Max(maxFinite, t * inst.Need[k / m]);
            }
        }
        var noRoute = Math.Max(1, maxFinite) * 1e6;
        var lambda = new double[n];
        for (var z = 0; z < n; z++)
        {
            var best = double.PositiveInfinity;
            var row = (long)z * m;
            for (var s = 0; s < m; s++)
            {
                var t = inst.Minutes[row + s];
                var c = double.IsFinite(t) ? t * inst.Need[z] : noRoute;
                cost[row + s] = c;
                best = Math.Min(best, c);
            }
            lambda[z] = best;
        }
        var rho = new double[m];
        var chosen = new bool[m];
        var subgradient = new double[n];
        var bestBound = double.NegativeInfinity;
        var step = 2.0;
        var stall = 0;
        var candidates = new List<int>();
        for (var s = 0; s < m; s++)
        {
            if (!inst.Fixed[s])
            {
                candidates.Add(s);
            }
        }
        var candidateRho = new double[candidates.Count];
        var candidateIndex = new int[candidates.Count];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(rho);
            double sumLambda = 0;
            for (var z = 0; z < n; z++)
            {
                var l = lambda[z];
                sumLambda += l;
                var row = cost.AsSpan((int)((long)z * m), m);
                for (var s = 0; s < row.Length; s++)
                {
                    var v = row[s] - l;
                    if (v < 0)
                    {
                        rho[s] += v;
                    }
                }
            }
            Array.Clear(chosen);
            var bound = sumLambda;
            for (var s = 0; s < m; s++)
            {
                if (inst.Fixed[s])
                {
                    chosen[s] = true;
                    bound += rho[s];
                }
            }
            for (var k = 0; k < candidates.Count; k++)
            {
                candidateRho[k] = rho[candidates[k]];
                candidateIndex[k] = candidates[k];
            }
            Array.Sort(candidateRho, candidateIndex);
            for (var k = 0; k < inst.NewSites; k++)
            {
                chosen[candidateIndex[k]] = true;
                bound += candidateRho[k];
            }
            if (bound > bestBound)
            {
                bestBound = bound;
                stall = 0;
            }
            else if (++stall >= 20)
            {
                step /= 2;
                stall = 0;
            }
            if (upperBound - bestBound <= tolerance * Math.Abs(upperBound) || step < 1e-6 || clock.Elapsed.TotalSeconds > deadlineSeconds)
            {
                break;
            }
            double norm = 0;
            for (var z = 0; z < n; z++)
            {
                var l = lambda[z];
                var row = (long)z * m;
                var assigned = 0;
                for (var s = 0; s < m; s++)
                {
                    if (chosen[s] && cost[row + s] < l)
                    {
                        assigned++;
                    }
                }
                subgradient[z] = 1 - assigned;
                norm += subgradient[z] * subgradient[z];
            }
            if (norm == 0)
            {
                break;
            }
            var t = step * (upperBound - bound) / norm;
            for (var z = 0; z < n; z++)
            {
                lambda[z] += t * subgradient[z];
            }
        }
        return bestBound;
    }
}
