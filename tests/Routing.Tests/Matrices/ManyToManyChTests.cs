using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using NUnit.Framework;

namespace Geo.Routing.Tests.Matrices;

[TestFixture]
public sealed class ManyToManyChTests
{
    [TestCase(10, 3, 1)]
    [TestCase(60, 3, 2)]
    [TestCase(300, 4, 3)]
    [TestCase(2_000, 3, 4)]
    [TestCase(1_000, 5, 5)]
    [TestCase(4_000, 2, 6)]
    public void Compute_RandomGraph_EqualsDijkstraExactly(int vertices, int edgesPerVertex, int seed)
    {
        var graph = TestGraphs.Random(vertices, edgesPerVertex, seed, components: 3);
        var request = new MatrixRequest
        {
            Sources = TestGraphs.RandomSeeds(graph, 60, seed * 11),
            Targets = TestGraphs.RandomSeeds(graph, 70, seed * 13),
        };
        var ch = ContractionBuilder.Build(graph);
        var expected = DijkstraMatrix.Compute(graph, request);
        var actual = new ManyToManyCh(ch).Compute(request);
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs));
        Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm));
        Assert.That(expected.DurationMs.Count(d => d != TravelTime.Unreached), Is.GreaterThan(0), "test should have reachable pairs");
        Assert.That(expected.DurationMs.Count(d => d == TravelTime.Unreached), Is.GreaterThan(0), "test should have unreachable pairs");
    }

    [Test]
    public void Compute_GridGraph_EqualsDijkstraExactly()
    {
        var graph = TestGraphs.Grid(60, 50, 7);
        var request = new MatrixRequest
        {
            Sources = TestGraphs.RandomSeeds(graph, 100, 1, allowEmpty: false),
            Targets = TestGraphs.RandomSeeds(graph, 100, 2, allowEmpty: false),
        };
        var actual = new ManyToManyCh(ContractionBuilder.Build(graph)).Compute(request);
        var expected = DijkstraMatrix.Compute(graph, request);
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs));
        Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm));
    }

    [Test]
    public void Compute_WithMaxDuration_EqualsBoundedDijkstra()
    {
        var graph = TestGraphs.Grid(40, 40, 3);
        var request = new MatrixRequest
        {
            Sources = TestGraphs.RandomSeeds(graph, 40, 5),
            Targets = TestGraphs.RandomSeeds(graph, 40, 6),
            MaxDurationMs = 60_000,
        };
        var actual = new ManyToManyCh(ContractionBuilder.Build(graph)).Compute(request);
        var expected = DijkstraMatrix.Compute(graph, request);
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs));
        Assert.That(actual.DurationMs.Where(d => d != TravelTime.Unreached), Is.All.LessThanOrEqualTo(60_000));
        Assert.That(actual.DurationMs.Count(d => d == TravelTime.Unreached), Is.GreaterThan(0));
    }

    [Test]
    public void Compute_DifferentThreadCounts_IdenticalResults()
    {
        var graph = TestGraphs.Grid(50, 50, 9);
        var sources = TestGraphs.RandomSeeds(graph, 150, 3);
        var targets = TestGraphs.RandomSeeds(graph, 90, 4);
        var ch = ContractionBuilder.Build(graph);
        var one = new ManyToManyCh(ch).Compute(new MatrixRequest { Sources = sources, Targets = targets, Threads = 1 });
        var two = new ManyToManyCh(ch).Compute(new MatrixRequest { Sources = sources, Targets = targets, Threads = 2 });
        var eight = new ManyToManyCh(ch).Compute(new MatrixRequest { Sources = sources, Targets = targets, Threads = 8 });
        Assert.That(two.DurationMs, Is.EqualTo(one.DurationMs));
        Assert.That(eight.DurationMs, Is.EqualTo(one.DurationMs));
        Assert.That(eight.LengthMm, Is.EqualTo(one.LengthMm));
    }

    [Test]
    public void Compute_SeedsOnEdgeMiddles_AddsPartialEdges()
    {
        // A --10s/100m-- B --20s/200m-- C   (two-way), D isolated.
        // Origin halfway along A-B (5 s to either end); destination a quarter of the way from B to C (5 s from B, 15 s from C).
        var graph = TestGraphs.FromEdges(4, [
            (0, 1, 10_000, 100_000), (1, 0, 10_000, 100_000),
            (1, 2, 20_000, 200_000), (2, 1, 20_000, 200_000),
        ]);
        SnapSeed[] origin = [new(0, 5_000, 50_000), new(1, 5_000, 50_000)];
        SnapSeed[] destination = [new(1, 5_000, 50_000), new(2, 15_000, 150_000)];
        SnapSeed[] atC = [new(2, 0, 0)];
        SnapSeed[] atD = [new(3, 0, 0)];
        var request = new MatrixRequest { Sources = [origin, atC, []], Targets = [destination, atC, atD] };
        var result = new ManyToManyCh(ContractionBuilder.Build(graph)).Compute(request);
        Assert.That(result.DurationAt(0, 0), Is.EqualTo(10_000));
        Assert.That(result.LengthAt(0, 0), Is.EqualTo(100_000));
        Assert.That(result.DurationAt(0, 1), Is.EqualTo(25_000));
        Assert.That(result.DurationAt(1, 0), Is.EqualTo(15_000));
        Assert.That(result.DurationAt(1, 1), Is.Zero);
        Assert.That(result.DurationAt(0, 2), Is.EqualTo(TravelTime.Unreached));
        Assert.That(result.LengthAt(0, 2), Is.EqualTo(TravelTime.Unreached));
        Assert.That(result.DurationRow(2).ToArray(), Is.All.EqualTo(TravelTime.Unreached));
    }

    [Test]
    public void Compute_EqualDurations_ReportsShorterPath()
    {
        // Two routes of 10 s from 0 to 3: via 1 (1,000 m) and via 2 (600 m).
        var graph = TestGraphs.FromEdges(4, [
            (0, 1, 5_000, 500_000), (1, 3, 5_000, 500_000),
            (0, 2, 5_000, 300_000), (2, 3, 5_000, 300_000),
        ]);
        var request = new MatrixRequest { Sources = [[new(0, 0, 0)]], Targets = [[new(3, 0, 0)]] };
        var result = new ManyToManyCh(ContractionBuilder.Build(graph)).Compute(request);
        Assert.That(result.DurationAt(0, 0), Is.EqualTo(10_000));
        Assert.That(result.LengthAt(0, 0), Is.EqualTo(600_000));
    }

    [Test]
    public void Compute_InvalidSeedVertex_Throws()
    {
        var graph = TestGraphs.Grid(3, 3, 1);
        var request = new MatrixRequest { Sources = [[new(99, 0, 0)]], Targets = [[new(0, 0, 0)]] };
        Assert.That(() => new ManyToManyCh(ContractionBuilder.Build(graph)).Compute(request), Throws.ArgumentException);
    }
}
