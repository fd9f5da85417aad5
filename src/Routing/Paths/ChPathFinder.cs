using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Paths;

/// <summary>
/// Fastest path between two snapped points on a <see cref="ContractedGraph"/>, with the path itself: a bidirectional
/// upward search (forward on the up edges from the origin's outbound seeds, backward on the down edges from the
/// destination's inbound seeds) meets at the best vertex; each hierarchy edge on the way is then unpacked into the edges
/// of the input graph. A shortcut u→w made when v was contracted is the down edge u→v (stored at v) followed by the up
/// edge v→w (stored at v) whose weights add up to the shortcut's; an edge with no such pair is an input graph edge.
/// Thread-safe: per-query state lives in a <see cref="PathSearch"/> (one per worker).
/// </summary>
public sealed class ChPathFinder
{
    private readonly ContractedGraph _graph;
    private readonly int[] _graphVertex;
    // Down edges by their upper end: u -> v (v below u), the transpose of the downward CSR.
    private readonly int[] _downOutFirst;
    private readonly int[] _downOutTarget;
    private readonly long[] _downOutWeight;

    public ChPathFinder(ContractedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        var n = graph.VertexCount;
        _graphVertex = new int[n];
        for (var g = 0; g < n; g++)
        {
            _graphVertex[graph.Rank[g]] = g;
        }
        _downOutFirst = new int[n + 1];
        foreach (var u in graph.DownTarget)
        {
            _downOutFirst[u + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            _downOutFirst[v + 1] += _downOutFirst[v];
        }
        var fill = _downOutFirst.AsSpan(0, n).ToArray();
        _downOutTarget = new int[graph.DownTarget.Length];
        _downOutWeight = new long[graph.DownTarget.Length];
        for (var v = 0; v < n; v++)
        {
            for (var e = graph.DownFirst[v]; e < graph.DownFirst[v + 1]; e++)
            {
                var slot = fill[graph.DownTarget[e]]++;
                _downOutTarget[slot] = v;
                _downOutWeight[slot] = graph.DownWeight[e];
            }
        }
    }

    /// <summary>Per-worker search state for <see cref="TryFind"/>.</summary>
    public PathSearch CreateSearch() => new(_graph.VertexCount);

    /// <summary>
    /// Finds the fastest path from <paramref name="origin"/> (outbound seeds) to <paramref name="destination"/> (inbound
    /// seeds). On success fills <paramref name="graphVertices"/> with the input graph vertices from the origin's seed
    /// vertex to the destination's, and returns the path's duration and length including the seed parts.
    /// </summary>
    public bool TryFind(PathSearch search, ReadOnlySpan<SnapSeed> origin, ReadOnlySpan<SnapSeed> destination,
        List<int> graphVertices, out int durationMs, out int lengthMm)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(graphVertices);
        graphVertices.Clear();
        durationMs = lengthMm = TravelTime.Unreached;
        var g = _graph;
        var forward = search.Forward;
        var backward = search.Backward;
        Search(forward, origin, g.UpFirst, g.UpTarget, g.UpWeight, null, out _, out _);
        Search(backward, destination, g.DownFirst, g.DownTarget, g.DownWeight, forward, out var best, out var meet);
        if (meet < 0)
        {
            return false;
        }
        durationMs = PathKey.DurationMs(best);
        lengthMm = PathKey.LengthMm(best);

        // Forward tree: seed .. meet (collected backwards, then reversed).
        var chain = search.Chain;
        chain.Clear();
        for (var v = meet; v >= 0; v = forward.Parent(v))
        {
            chain.Add(v);
        }
        chain.Reverse();
        graphVertices.Add(_graphVertex[chain[0]]);
        for (var i = 1; i < chain.Count; i++)
        {
            Unpack(search, chain[i - 1], chain[i], forward.Key(chain[i]) - forward.Key(chain[i - 1]), graphVertices);
        }
        // Backward tree: meet .. destination seed, each step an edge in travel direction.
        for (var v = meet; backward.Parent(v) >= 0; v = backward.Parent(v))
        {
            var next = backward.Parent(v);
            Unpack(search, v, next, backward.Key(v) - backward.Key(next), graphVertices);
        }
        return true;
    }

    /// <summary>Upward Dijkstra from seeds; with <paramref name="other"/> given, also tracks the best meeting vertex.</summary>
    private void Search(PathSearchSpace space, ReadOnlySpan<SnapSeed> seeds, int[] first, int[] target, long[] weight,
        PathSearchSpace? other, out long best, out int meet)
    {
        best = PathKey.Unreached;
        meet = -1;
        space.Reset();
        var heap = space.Heap;
        foreach (var seed in seeds)
        {
            var vertex = _graph.Rank[seed.Vertex];
            var key = PathKey.Make(seed.DurationMs, seed.LengthMm);
            if (space.Improve(vertex, key, -1))
            {
                heap.Push(key, vertex);
            }
        }
        while (heap.Count > 0)
        {
            var vertex = heap.Pop(out var key);
            if (key != space.Key(vertex))
            {
                continue;
            }
            if (other is not null)
            {
                if (key >= best)
                {
                    break; // every later meeting costs at least this much
                }
                var there = other.Key(vertex);
                if (there != PathKey.Unreached && key + there < best)
                {
                    best = key + there;
                    meet = vertex;
                }
            }
            for (var e = first[vertex]; e < first[vertex + 1]; e++)
            {
                var next = key + weight[e];
                var w = target[e];
                if (space.Improve(w, next, vertex))
                {
                    heap.Push(next, w);
                }
            }
        }
    }

    /// <summary>Appends the input graph vertices after <paramref name="from"/> along the hierarchy edge from→to.</summary>
    private void Unpack(PathSearch search, int from, int to, long weight, List<int> output)
    {
        var stack = search.Stack;
        stack.Clear();
        stack.Push((from, to, weight));
        while (stack.Count > 0)
        {
            var (u, w, key) = stack.Pop();
            if (TryMiddle(u, w, key, out var middle, out var first))
            {
                stack.Push((middle, w, key - first));
                stack.Push((u, middle, first));
            }
            else
            {
                output.Add(_graphVertex[w]);
            }
        }
    }

    /// <summary>A vertex v below u and w with down edge u→v and up edge v→w adding up to <paramref name="key"/>.</summary>
    private bool TryMiddle(int u, int w, long key, out int middle, out long firstKey)
    {
        var g = _graph;
        for (var i = _downOutFirst[u]; i < _downOutFirst[u + 1]; i++)
        {
            var v = _downOutTarget[i];
            var toV = _downOutWeight[i];
            if (toV >= key)
            {
                continue;
            }
            var rest = key - toV;
            for (var e = g.UpFirst[v]; e < g.UpFirst[v + 1]; e++)
            {
                if (g.UpTarget[e] == w && g.UpWeight[e] == rest)
                {
                    middle = v;
                    firstKey = toV;
                    return true;
                }
            }
        }
        middle = -1;
        firstKey = 0;
        return false;
    }
}
