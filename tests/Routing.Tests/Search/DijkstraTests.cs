using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Matrices;
using NUnit.Framework;

namespace Geo.Routing.Tests.Search;

[TestFixture]
public sealed class DijkstraTests
{
    // 0 -> 1 -> 2 -> 3 one-way chain of 1 s edges, plus a slow shortcut 0 -> 3 of 5 s and a fast one-way 3 -> 0 of 1 s.
    private static ModeGraph Chain() => TestGraphs.FromEdges(5, [
        (0, 1, 1_000, 10), (1, 2, 1_000, 10), (2, 3, 1_000, 10), (0, 3, 5_000, 5), (3, 0, 1_000, 7),
    ]);

    [Test]
    public void Run_Chain_KnownTimes()
    {
        var graph = Chain();
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, [new SnapSeed(0, 0, 0)], TravelTime.Unreached, space);
        Assert.That(new[] { space.DurationMs(0), space.DurationMs(1), space.DurationMs(2), space.DurationMs(3) },
            Is.EqualTo(new[] { 0, 1_000, 2_000, 3_000 }));
        Assert.That(space.LengthMm(3), Is.EqualTo(30));
        Assert.That(space.DurationMs(4), Is.EqualTo(TravelTime.Unreached));
        Assert.That(space.SettledCount, Is.EqualTo(4));
    }

    [Test]
    public void Run_Reused_ForgetsPreviousSearch()
    {
        var graph = Chain();
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, [new SnapSeed(0, 0, 0)], TravelTime.Unreached, space);
        Dijkstra.Run(graph, [new SnapSeed(3, 0, 0)], TravelTime.Unreached, space);
        Assert.That(space.DurationMs(3), Is.Zero);
        Assert.That(space.DurationMs(0), Is.EqualTo(1_000));
        Assert.That(space.DurationMs(2), Is.EqualTo(3_000));
    }

    [Test]
    public void Run_MaxDuration_StopsAtBound()
    {
        var graph = Chain();
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, [new SnapSeed(0, 500, 0)], 2_000, space);
        Assert.That(space.DurationMs(1), Is.EqualTo(1_500));
        Assert.That(space.DurationMs(2), Is.EqualTo(TravelTime.Unreached));
    }

    [Test]
    public void Run_TwoSeeds_TakesBest()
    {
        var graph = Chain();
        var space = new SearchSpace(graph.VertexCount);
        Dijkstra.Run(graph, [new SnapSeed(0, 4_000, 0), new SnapSeed(2, 100, 0)], TravelTime.Unreached, space);
        Assert.That(space.DurationMs(3), Is.EqualTo(1_100));
        Assert.That(space.DurationMs(0), Is.EqualTo(2_100));
        Assert.That(space.DurationMs(1), Is.EqualTo(3_100));
    }
}
