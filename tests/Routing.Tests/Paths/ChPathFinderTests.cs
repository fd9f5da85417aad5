using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Paths;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Matrices;
using NUnit.Framework;

namespace Geo.Routing.Tests.Paths;

[TestFixture]
public sealed class ChPathFinderTests
{
    /// <summary>
    /// Against plain Dijkstra: the same duration and length for every pair, and the unpacked path is a real walk through
    /// the input graph (consecutive vertices joined by an edge) whose own edge times and lengths add up to the answer.
    /// </summary>
    [TestCase(300, 4, 3)]
    [TestCase(2_000, 3, 4)]
    public void TryFind_RandomGraph_EqualsDijkstraAndPathIsAWalk(int vertices, int edgesPerVertex, int seed) =>
        CheckAgainstDijkstra(TestGraphs.Random(vertices, edgesPerVertex, seed, components: 3), seed);

    [Test]
    public void TryFind_GridGraph_EqualsDijkstraAndPathIsAWalk() => CheckAgainstDijkstra(TestGraphs.Grid(40, 30, 7), 9);

    private static void CheckAgainstDijkstra(ModeGraph graph, int seed)
    {
        var sources = TestGraphs.RandomSeeds(graph, 25, seed * 11);
        var targets = TestGraphs.RandomSeeds(graph, 25, seed * 13);
        var expected = DijkstraMatrix.Compute(graph, new MatrixRequest { Sources = sources, Targets = targets });
        var finder = new ChPathFinder(ContractionBuilder.Build(graph));
        var search = finder.CreateSearch();
        var path = new List<int>();
        var reached = 0;
        for (var s = 0; s < sources.Length; s++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                var found = finder.TryFind(search, sources[s], targets[t], path, out var duration, out var length);
                var want = expected.DurationAt(s, t);
                if (want == TravelTime.Unreached)
                {
                    Assert.That(found, Is.False, $"{s}->{t} has no route");
                    continue;
                }
                reached++;
                Assert.That(found, Is.True, $"{s}->{t}");
                Assert.That((duration, length), Is.EqualTo((want, expected.LengthAt(s, t))), $"{s}->{t}");
                var seedOut = sources[s].Where(x => x.Vertex == path[0]).MinBy(x => PathKey.Make(x.DurationMs, x.LengthMm));
                var seedIn = targets[t].Where(x => x.Vertex == path[^1]).MinBy(x => PathKey.Make(x.DurationMs, x.LengthMm));
                long walkDuration = seedOut.DurationMs + seedIn.DurationMs, walkLength = seedOut.LengthMm + seedIn.LengthMm;
                for (var i = 1; i < path.Count; i++)
                {
                    var (edgeDuration, edgeLength) = CheapestEdge(graph, path[i - 1], path[i]);
                    walkDuration += edgeDuration;
                    walkLength += edgeLength;
                }
                Assert.That((walkDuration, walkLength), Is.EqualTo(((long)duration, (long)length)), $"{s}->{t}: the path's own edges");
            }
        }
        Assert.That(reached, Is.GreaterThan(0));
    }

    /// <summary>The fastest (then shortest) edge from a to b; fails when there is none.</summary>
    private static (int DurationMs, int LengthMm) CheapestEdge(ModeGraph graph, int a, int b)
    {
        var best = PathKey.Unreached;
        for (var e = graph.FirstEdge[a]; e < graph.FirstEdge[a + 1]; e++)
        {
            if (graph.EdgeTarget[e] == b)
            {
                best = Math.Min(best, PathKey.Make(graph.EdgeDurationMs[e], graph.EdgeLengthMm[e]));
            }
        }
        Assert.That(best, Is.Not.EqualTo(PathKey.Unreached), $"no edge {a}->{b}");
        return (PathKey.DurationMs(best), PathKey.LengthMm(best));
    }
}
