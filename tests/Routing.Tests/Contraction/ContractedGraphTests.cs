using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Tests.Matrices;
using NUnit.Framework;

namespace Geo.Routing.Tests.Contraction;

[TestFixture]
public sealed class ContractedGraphTests
{
    [Test]
    public void Build_SameGraphTwice_Identical()
    {
        var graph = TestGraphs.Grid(30, 30, 4);
        var a = ContractionBuilder.Build(graph);
        var b = ContractionBuilder.Build(graph);
        Assert.That(b.Rank, Is.EqualTo(a.Rank));
        Assert.That(b.UpTarget, Is.EqualTo(a.UpTarget));
        Assert.That(b.DownWeight, Is.EqualTo(a.DownWeight));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Build_OneThreadAndSeveral_IdenticalHierarchy(int hops)
    {
        foreach (var graph in new[] { TestGraphs.Grid(60, 50, 7), TestGraphs.Random(500, 4, 11) })
        {
            var one = ContractionBuilder.Build(graph, new ContractionOptions { MaxDegreeOfParallelism = 1, IndependentSetHops = hops });
            var four = ContractionBuilder.Build(graph, new ContractionOptions { MaxDegreeOfParallelism = 4, IndependentSetHops = hops });
            Assert.That(four.Rank, Is.EqualTo(one.Rank));
            Assert.That(four.UpFirst, Is.EqualTo(one.UpFirst));
            Assert.That(four.UpTarget, Is.EqualTo(one.UpTarget));
            Assert.That(four.UpWeight, Is.EqualTo(one.UpWeight));
            Assert.That(four.DownFirst, Is.EqualTo(one.DownFirst));
            Assert.That(four.DownTarget, Is.EqualTo(one.DownTarget));
            Assert.That(four.DownWeight, Is.EqualTo(one.DownWeight));
        }
    }

    [TestCase(1, 1)]
    [TestCase(1, 4)]
    [TestCase(2, 4)]
    public void Build_RandomGraphs_ParallelHierarchyEqualsDijkstra(int hops, int threads)
    {
        for (var seed = 20; seed < 24; seed++)
        {
            var graph = TestGraphs.Random(400, 3 + (seed % 3), seed, components: 1 + (seed % 3));
            var ch = ContractionBuilder.Build(graph, new ContractionOptions { IndependentSetHops = hops, MaxDegreeOfParallelism = threads });
            var request = new MatrixRequest { Sources = TestGraphs.RandomSeeds(graph, 40, seed), Targets = TestGraphs.RandomSeeds(graph, 50, seed + 100) };
            var expected = DijkstraMatrix.Compute(graph, request);
            var actual = new ManyToManyCh(ch).Compute(request);
            Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs), "seed " + seed);
            Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm), "seed " + seed);
        }
    }

    [Test]
    public void Build_EdgesPointUpward_AndRankIsPermutation()
    {
        var graph = TestGraphs.Random(500, 4, 3);
        var ch = ContractionBuilder.Build(graph);
        Assert.That(ch.Rank.OrderBy(r => r), Is.EqualTo(Enumerable.Range(0, graph.VertexCount)));
        for (var v = 0; v < ch.VertexCount; v++)
        {
            for (var e = ch.UpFirst[v]; e < ch.UpFirst[v + 1]; e++)
            {
                Assert.That(ch.UpTarget[e], Is.GreaterThan(v));
            }
            for (var e = ch.DownFirst[v]; e < ch.DownFirst[v + 1]; e++)
            {
                Assert.That(ch.DownTarget[e], Is.GreaterThan(v));
            }
        }
    }

    [Test]
    public void Build_TinySettleLimits_StillExact()
    {
        var graph = TestGraphs.Random(400, 4, 8);
        var ch = ContractionBuilder.Build(graph, new ContractionOptions { WitnessSettleLimit = 1, SimulationSettleLimit = 1 });
        var request = new MatrixRequest { Sources = TestGraphs.RandomSeeds(graph, 30, 1), Targets = TestGraphs.RandomSeeds(graph, 30, 2) };
        Assert.That(new ManyToManyCh(ch).Compute(request).DurationMs, Is.EqualTo(DijkstraMatrix.Compute(graph, request).DurationMs));
    }

    [Test]
    public void Build_WithoutNeighbourRecompute_StillExact()
    {
        var graph = TestGraphs.Grid(25, 25, 6);
        var ch = ContractionBuilder.Build(graph, new ContractionOptions { RecomputeNeighbours = false });
        var request = new MatrixRequest { Sources = TestGraphs.RandomSeeds(graph, 30, 3), Targets = TestGraphs.RandomSeeds(graph, 40, 4) };
        var expected = DijkstraMatrix.Compute(graph, request);
        var actual = new ManyToManyCh(ch).Compute(request);
        Assert.That(actual.DurationMs, Is.EqualTo(expected.DurationMs));
        Assert.That(actual.LengthMm, Is.EqualTo(expected.LengthMm));
    }

    [Test]
    public void SaveAndTryLoad_SameHash_RoundTrips()
    {
        var graph = TestGraphs.Grid(20, 20, 2);
        var ch = ContractionBuilder.Build(graph);
        var path = Path.Combine(Path.GetTempPath(), "geo-ch-" + Guid.NewGuid().ToString("N") + ".ch");
        try
        {
            ch.Save(path, "hash-1");
            Assert.That(ContractedGraph.IsCachedFor(path, "hash-1"), Is.True);
            Assert.That(ContractedGraph.TryLoad(path, "hash-1", out var loaded), Is.True);
            Assert.That(loaded!.Rank, Is.EqualTo(ch.Rank));
            Assert.That(loaded.UpWeight, Is.EqualTo(ch.UpWeight));
            Assert.That(loaded.DownTarget, Is.EqualTo(ch.DownTarget));
            Assert.That(ContractedGraph.TryLoad(path, "hash-2", out _), Is.False);
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.That(ContractedGraph.TryLoad(path, "hash-1", out _), Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
