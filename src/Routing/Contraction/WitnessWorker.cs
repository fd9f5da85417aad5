using Geo.Routing.Matrices;
using Geo.Routing.Search;

namespace Geo.Routing.Contraction;

/// <summary>
/// One worker's state for witness searches (a search space and a target stamp array), reused across vertices and rounds.
/// Only reads the <see cref="DynamicGraph"/>, so several workers run at once while the graph is frozen.
/// </summary>
internal sealed class WitnessWorker
{
    private readonly SearchSpace _space;
    private readonly int[] _targetStamp;
    private int _targetGeneration;

    public WitnessWorker(int vertexCount)
    {
        _space = new SearchSpace(vertexCount);
        _targetStamp = new int[vertexCount];
    }

    /// <summary>
    /// The shortcuts that contracting <paramref name="v"/> needs: u→w for each in-neighbour u and out-neighbour w ≠ u unless
    /// a witness path u⇝w at least as good avoids every vertex with <paramref name="excluded"/> set (v and, when contracting a
    /// round, the whole independent set). Appends them to <paramref name="buffer"/> when given; returns how many.
    /// </summary>
    public int Shortcuts(DynamicGraph graph, int v, int settleLimit, bool[]? excluded, List<Shortcut>? buffer)
    {
        var added = 0;
        var inEdges = graph.In(v);
        var outEdges = graph.Out(v);
        foreach (var inEdge in inEdges)
        {
            var u = inEdge.Target;
            var toV = inEdge.Weight;
            var maxKey = -1L;
            var remaining = 0;
            if (++_targetGeneration == int.MaxValue)
            {
                Array.Clear(_targetStamp);
                _targetGeneration = 1;
            }
            foreach (var outEdge in outEdges)
            {
                if (outEdge.Target != u)
                {
                    maxKey = Math.Max(maxKey, toV + outEdge.Weight);
                    if (_targetStamp[outEdge.Target] != _targetGeneration)
                    {
                        _targetStamp[outEdge.Target] = _targetGeneration;
                        remaining++;
                    }
                }
            }
            if (maxKey < 0)
            {
                continue;
            }
            Search(graph, u, v, excluded, maxKey, settleLimit, remaining);
            foreach (var outEdge in outEdges)
            {
                var w = outEdge.Target;
                if (w == u)
                {
                    continue;
                }
                var via = toV + outEdge.Weight;
                if (_space.Key(w) > via)
                {
                    added++;
                    buffer?.Add(new Shortcut(u, w, via));
                }
            }
        }
        return added;
    }

    /// <summary>
    /// Dijkstra from <paramref name="source"/> avoiding <paramref name="v"/> (and excluded vertices), up to
    /// <paramref name="maxKey"/> or the settle limit, stopping once all stamped targets are settled.
    /// </summary>
    private void Search(DynamicGraph graph, int source, int v, bool[]? excluded, long maxKey, int settleLimit, int targets)
    {
        var space = _space;
        space.Reset();
        var heap = space.Heap;
        space.Improve(source, 0);
        heap.Push(0, source);
        var settled = 0;
        while (heap.Count > 0)
        {
            var x = heap.Pop(out var key);
            if (key != space.Key(x))
            {
                continue;
            }
            if (key > maxKey || ++settled > settleLimit)
            {
                break;
            }
            if (_targetStamp[x] == _targetGeneration && --targets == 0)
            {
                break;
            }
            foreach (var edge in graph.Out(x))
            {
                var y = edge.Target;
                if (y == v || (excluded is not null && excluded[y]))
                {
                    continue;
                }
                var next = key + edge.Weight;
                if (next <= maxKey && space.Improve(y, next))
                {
                    heap.Push(next, y);
                }
            }
        }
    }
}
