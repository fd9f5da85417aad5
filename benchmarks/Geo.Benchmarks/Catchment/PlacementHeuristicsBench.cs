using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Geo.Catchment.Allocation;
using Geo.Catchment.Scenarios;

namespace Geo.Benchmarks.Catchment;

/// <summary>
/// The placement heuristics alone (no validation, no compact copy, no result building): greedy + one fast-interchange
/// descent for p-median and MCLP, and the greedy set cover + redundancy removal of LSCP, on the synthetic instances of
/// <see cref="AllocationBench"/> (3,567 and 35,672 zones x 1,000 candidates, minutes = straight-line km at 30 km/h).
/// </summary>
[MemoryDiagnoser]
public class PlacementHeuristicsBench
{
    private PlacementInstance _small = null!;
    private PlacementInstance _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = new PlacementInstance(AllocationBench.Synthetic(3_567, 1_000, 20, seed: 2) with { ThresholdMinutes = 10 });
        _large = new PlacementInstance(AllocationBench.Synthetic(35_672, 1_000, 20, seed: 2) with { ThresholdMinutes = 10 });
    }

    [Benchmark]
    public long PMedianGreedyInterchange3567x1000P20() => GreedyInterchange(_small, PlacementProblemKind.PMedian);

    [Benchmark]
    public long MclpGreedyInterchange3567x1000P20() => GreedyInterchange(_small, PlacementProblemKind.Mclp);

    [Benchmark]
    public long PMedianGreedyInterchange35672x1000P20() => GreedyInterchange(_large, PlacementProblemKind.PMedian);

    [Benchmark]
    public int LscpGreedyCover3567x1000T10()
    {
        var open = PlacementHeuristics.GreedyCover(_small, 10, int.MaxValue, out _);
        PlacementHeuristics.DropRedundant(_small, open, 10);
        return open.Count(o => o);
    }

    private static long GreedyInterchange(PlacementInstance inst, PlacementProblemKind kind)
    {
        var interchange = VertexSubstitution.Create(inst, kind);
        var open = interchange.Greedy(inst.NewSites);
        return interchange.Improve(open, Stopwatch.StartNew(), double.MaxValue);
    }
}
