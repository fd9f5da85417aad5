using System.Diagnostics;
using Geo.Catchment.Allocation;
using Geo.Catchment.Scenarios;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Allocation;

/// <summary>
/// The placement heuristics step for step against plain reference versions written here from their definitions
/// (every candidate or swap evaluated in full, no incremental state): same selection, same number of swaps. Small seeded
/// instances with no-route cells, existing sites, integer minutes (many ties) and non-integer need (order-sensitive sums).
/// </summary>
[TestFixture]
public sealed class PlacementHeuristicsReferenceTests
{
    private static IEnumerable<TestCaseData> Instances()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            yield return new TestCaseData(seed, seed % 3, seed % 2 == 0, seed % 4 == 1).SetName($"seed {seed}");
        }
    }

    private static PlacementInstance Instance(int seed, int existing, bool integerMinutes, bool fractionalNeed, PlacementProblemKind kind = PlacementProblemKind.PMedian)
    {
        var problem = PlacementTestData.Random(500 + seed, kind, zones: 40, sites: 14, existing: existing, p: 4, threshold: 15, noRouteShare: 0.1);
        var minutes = integerMinutes ? problem.Matrix.Minutes.Select(t => double.IsNaN(t) ? t : Math.Round(t / 4) * 4).ToArray() : problem.Matrix.Minutes;
        var need = fractionalNeed ? problem.Need.Select(w => w * 0.37).ToArray() : problem.Need;
        return new PlacementInstance(problem with
        {
            Matrix = new Geo.Catchment.Inputs.TravelMatrix("car", problem.Matrix.OriginIds, problem.Matrix.DestinationIds, minutes),
            Need = need,
        });
    }

    [TestCaseSource(nameof(Instances))]
    public void GreedyAndInterchange_PMedianAndMclp_SameAsFullEvaluationReference(int seed, int existing, bool integerMinutes, bool fractionalNeed)
    {
        foreach (var kind in new[] { PlacementProblemKind.PMedian, PlacementProblemKind.Mclp })
        {
            var inst = Instance(seed, existing, integerMinutes, fractionalNeed, kind);
            var interchange = VertexSubstitution.Create(inst, kind);
            var greedy = interchange.Greedy(inst.NewSites);
            Assert.That(greedy, Is.EqualTo(ReferenceGreedy(interchange, inst)), $"{kind} greedy");
            var open = (bool[])greedy.Clone();
            var cost = interchange.Improve(open, Stopwatch.StartNew(), double.MaxValue);
            var expected = (bool[])greedy.Clone();
            var expectedSwaps = ReferenceInterchange(interchange, inst, expected);
            Assert.Multiple(() =>
            {
                Assert.That(open, Is.EqualTo(expected), $"{kind} interchange");
                Assert.That(interchange.Swaps, Is.EqualTo(expectedSwaps), $"{kind} swaps");
                Assert.That(cost, Is.EqualTo(interchange.Evaluate(open)), $"{kind} cost");
            });
            // A second descent on the same object (as the restarts do) from a different start.
            var start = (bool[])inst.Fixed.Clone();
            var k = 0;
            for (var s = inst.SiteCount - 1; s >= 0 && k < inst.NewSites; s--)
            {
                if (!start[s])
                {
                    start[s] = true;
                    k++;
                }
            }
            var second = (bool[])start.Clone();
            interchange.Improve(second, Stopwatch.StartNew(), double.MaxValue);
            ReferenceInterchange(interchange, inst, start);
            Assert.That(second, Is.EqualTo(start), $"{kind} interchange from the last sites");
        }
    }

    [TestCaseSource(nameof(Instances))]
    public void GreedyCoverAndDropRedundant_SameAsFullEvaluationReference(int seed, int existing, bool integerMinutes, bool fractionalNeed)
    {
        var inst = Instance(seed, existing, integerMinutes, fractionalNeed, PlacementProblemKind.Lscp);
        foreach (var radius in new[] { 8.0, 15.0, 24.0, double.PositiveInfinity })
        {
            foreach (var maxNew in new[] { 2, int.MaxValue })
            {
                var open = PlacementHeuristics.GreedyCover(inst, radius, maxNew, out var complete);
                var expected = ReferenceGreedyCover(inst, radius, maxNew, out var expectedComplete);
                Assert.That(open, Is.EqualTo(expected), $"cover r = {radius}, max {maxNew}");
                Assert.That(complete, Is.EqualTo(expectedComplete));
                PlacementHeuristics.DropRedundant(inst, open, radius);
                ReferenceDropRedundant(inst, expected, radius);
                Assert.That(open, Is.EqualTo(expected), $"drop r = {radius}, max {maxNew}");
            }
        }
    }

    [TestCaseSource(nameof(Instances))]
    public void FillByMedianGain_SameAsFullEvaluationReference(int seed, int existing, bool integerMinutes, bool fractionalNeed)
    {
        var inst = Instance(seed, existing, integerMinutes, fractionalNeed);
        var open = PlacementHeuristics.GreedyCover(inst, 10, 1, out _);
        var expected = (bool[])open.Clone();
        PlacementHeuristics.FillByMedianGain(inst, open, inst.NewSites);
        ReferenceFillByMedianGain(inst, expected, inst.NewSites);
        Assert.That(open, Is.EqualTo(expected));
    }

    /// <summary>Each step opens the closed site with the lowest total cost after opening it (first on ties).</summary>
    private static bool[] ReferenceGreedy(VertexSubstitution interchange, PlacementInstance inst)
    {
        var open = (bool[])inst.Fixed.Clone();
        for (var step = 0; step < inst.NewSites; step++)
        {
            var best = -1;
            var bestCost = long.MaxValue;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                if (open[s])
                {
                    continue;
                }
                open[s] = true;
                var cost = TotalCost(interchange, inst, open);
                open[s] = false;
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = s;
                }
            }
            open[best] = true;
        }
        return open;
    }

    /// <summary>Best-improvement 1-swaps: the (closed site in, open candidate out) pair lowering the total cost most, first in
    /// (in, out) order on ties, until none lowers it. Returns the number of swaps.</summary>
    private static int ReferenceInterchange(VertexSubstitution interchange, PlacementInstance inst, bool[] open)
    {
        var swaps = 0;
        while (true)
        {
            var current = TotalCost(interchange, inst, open);
            var bestDelta = 0L;
            int bestIn = -1, bestOut = -1;
            for (var add = 0; add < inst.SiteCount; add++)
            {
                if (open[add])
                {
                    continue;
                }
                for (var remove = 0; remove < inst.SiteCount; remove++)
                {
                    if (!open[remove] || inst.Fixed[remove])
                    {
                        continue;
                    }
                    open[add] = true;
                    open[remove] = false;
                    var delta = TotalCost(interchange, inst, open) - current;
                    open[add] = false;
                    open[remove] = true;
                    if (delta < bestDelta)
                    {
                        (bestDelta, bestIn, bestOut) = (delta, add, remove);
                    }
                }
            }
            if (bestIn < 0)
            {
                return swaps;
            }
            open[bestIn] = true;
            open[bestOut] = false;
            swaps++;
        }
    }

    /// <summary>Sum over zones of the cheapest open site's cost (no open site with a route: the no-route cost).</summary>
    private static long TotalCost(VertexSubstitution interchange, PlacementInstance inst, bool[] open)
    {
        long total = 0;
        for (var z = 0; z < inst.ZoneCount; z++)
        {
            var best = VertexSubstitution.NoRouteCost;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                if (open[s])
                {
                    best = Math.Min(best, interchange.Cost(z, s));
                }
            }
            total += best;
        }
        return total;
    }

    /// <summary>From the fixed sites, open the site covering most uncovered zones (then most uncovered need, then lowest index).</summary>
    private static bool[] ReferenceGreedyCover(PlacementInstance inst, double radius, int maxNew, out bool complete)
    {
        var open = (bool[])inst.Fixed.Clone();
        bool Covered(int z) => Enumerable.Range(0, inst.SiteCount).Any(s => open[s] && inst.At(z, s) <= radius);
        var added = 0;
        while (added < maxNew && Enumerable.Range(0, inst.ZoneCount).Any(z => !Covered(z)))
        {
            var uncovered = Enumerable.Range(0, inst.ZoneCount).Where(z => !Covered(z)).ToList();
            var best = -1;
            int bestCount = 0;
            double bestNeed = 0;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                if (open[s])
                {
                    continue;
                }
                var count = 0;
                double need = 0;
                foreach (var z in uncovered)
                {
                    if (inst.At(z, s) <= radius)
                    {
                        count++;
                        need += inst.Need[z];
                    }
                }
                if (count > 0 && (best < 0 || count > bestCount || (count == bestCount && need > bestNeed)))
                {
                    (best, bestCount, bestNeed) = (s, count, need);
                }
            }
            if (best < 0)
            {
                break;
            }
            open[best] = true;
            added++;
        }
        complete = Enumerable.Range(0, inst.ZoneCount).All(Covered);
        return open;
    }

    /// <summary>From the highest index down, close each opened candidate whose zones all stay covered without it.</summary>
    private static void ReferenceDropRedundant(PlacementInstance inst, bool[] open, double radius)
    {
        for (var s = inst.SiteCount - 1; s >= 0; s--)
        {
            if (!open[s] || inst.Fixed[s])
            {
                continue;
            }
            var needed = Enumerable.Range(0, inst.ZoneCount).Any(z => inst.At(z, s) <= radius
                && !Enumerable.Range(0, inst.SiteCount).Any(o => o != s && open[o] && inst.At(z, o) <= radius));
            if (!needed)
            {
                open[s] = false;
            }
        }
    }

    /// <summary>Open, one at a time, the closed site with the largest need-weighted minutes saved (a zone gaining its first route counts 1e18).</summary>
    private static void ReferenceFillByMedianGain(PlacementInstance inst, bool[] open, int target)
    {
        while (Enumerable.Range(0, inst.SiteCount).Count(s => open[s] && !inst.Fixed[s]) < target)
        {
            var best = -1;
            var bestGain = double.NegativeInfinity;
            for (var s = 0; s < inst.SiteCount; s++)
            {
                if (open[s])
                {
                    continue;
                }
                double gain = 0;
                for (var z = 0; z < inst.ZoneCount; z++)
                {
                    var d1 = Enumerable.Range(0, inst.SiteCount).Where(o => open[o]).Select(o => inst.At(z, o)).DefaultIfEmpty(double.PositiveInfinity).Min();
                    var t = inst.At(z, s);
                    if (t < d1)
                    {
                        gain += double.IsPositiveInfinity(d1) ? 1e18 : inst.Need[z] * (d1 - t);
                    }
                }
                if (gain > bestGain)
                {
                    (best, bestGain) = (s, gain);
                }
            }
            if (best < 0)
            {
                return;
            }
            open[best] = true;
        }
    }
}
