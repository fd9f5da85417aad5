using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Contraction;

/// <summary>
/// Builds a <see cref="ContractedGraph"/> from a <see cref="ModeGraph"/>. Vertices are contracted one at a time in order of
/// priority = 2 × edge difference + contracted neighbours + hierarchy depth, with lazy updates (a popped vertex whose recomputed
/// priority is no longer the smallest goes back into the queue); after each contraction the neighbours' counts and depths are
/// updated (and, with <see cref="ContractionOptions.RecomputeNeighbours"/>, their edge differences simulated again). A shortcut
/// u→w through v is added unless a witness search (bounded by a settle limit) finds a path u⇝w avoiding v that is at least as
/// good; shortcuts carry the summed duration and length. Deterministic: ties are broken by vertex number.
/// </summary>
public static class ContractionBuilder
{
    public static ContractedGraph Build(ModeGraph graph, ContractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new ContractionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WitnessSettleLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SimulationSettleLimit, 1);
        return new Contractor(graph, options).Run();
    }

    private struct DynamicEdge(int target, long weight)
    {
        public int Target = target;
        public long Weight = weight;
    }

    private sealed class Contractor
    {
        private const long PriorityOffset = 1L << 40;
        private readonly ContractionOptions _options;
        private readonly int _n;
        private readonly DynamicEdge[][] _out;
        private readonly DynamicEdge[][] _in;
        private readonly int[] _outCount;
        private readonly int[] _inCount;
        private readonly bool[] _contracted;
        private readonly int[] _deletedNeighbours;
        private readonly int[] _depth;
        private readonly long[] _priority;
        private readonly SearchSpace _witness;
        private readonly int[] _targetStamp;
        private int _targetGeneration;
        private int[] _neighbours = new int[16];

        public Contractor(ModeGraph graph, ContractionOptions options)
        {
            _options = options;
            _n = graph.VertexCount;
            _out = new DynamicEdge[_n][];
            _in = new DynamicEdge[_n][];
            _outCount = new int[_n];
            _inCount = new int[_n];
            _contracted = new bool[_n];
            _deletedNeighbours = new int[_n];
            _depth = new int[_n];
            _priority = new long[_n];
            _witness = new SearchSpace(_n);
            _targetStamp = new int[_n];

            var inDegree = new int[_n];
            foreach (var target in graph.EdgeTarget)
            {
                inDegree[target]++;
            }
            for (var v = 0; v < _n; v++)
            {
                _out[v] = new DynamicEdge[Math.Max(2, graph.FirstEdge[v + 1] - graph.FirstEdge[v])];
                _in[v] = new DynamicEdge[Math.Max(2, inDegree[v])];
            }
            for (var u = 0; u < _n; u++)
            {
                for (var e = graph.FirstEdge[u]; e < graph.FirstEdge[u + 1]; e++)
                {
                    var w = graph.EdgeTarget[e];
                    if (w != u)
                    {
                        AddOrLower(u, w, PathKey.Make(graph.EdgeDurationMs[e], graph.EdgeLengthMm[e]));
                    }
                }
            }
        }

        public ContractedGraph Run()
        {
            var queue = new MinHeap(_n + 16);
            for (var v = 0; v < _n; v++)
            {
                _priority[v] = Priority(v);
                queue.Push(_priority[v] + PriorityOffset, v);
            }

            var rank = new int[_n];
            var upFirst = new int[_n + 1];
            var downFirst = new int[_n + 1];
            var upTarget = new List<int>(_n * 2);
            var upWeight = new List<long>(_n * 2);
            var downTarget = new List<int>(_n * 2);
            var downWeight = new List<long>(_n * 2);
            var next = 0;
            while (queue.Count > 0)
            {
                var v = queue.Pop(out var key);
                if (_contracted[v] || key != _priority[v] + PriorityOffset)
                {
                    continue;
                }
                var fresh = Priority(v);
                if (fresh != _priority[v])
                {
                    _priority[v] = fresh;
                    if (queue.Count > 0 && fresh + PriorityOffset > queue.PeekKey)
                    {
                        queue.Push(fresh + PriorityOffset, v);
                        continue;
                    }
                }

                // Record v's remaining edges: they all lead to vertices contracted later, i.e. upward.
                rank[v] = next;
                upFirst[next] = upTarget.Count;
                downFirst[next] = downTarget.Count;
                var outEdges = _out[v];
                for (var i = 0; i < _outCount[v]; i++)
                {
                    upTarget.Add(outEdges[i].Target);
                    upWeight.Add(outEdges[i].Weight);
                }
                var inEdges = _in[v];
                for (var i = 0; i < _inCount[v]; i++)
                {
                    downTarget.Add(inEdges[i].Target);
                    downWeight.Add(inEdges[i].Weight);
                }
                next++;

                AddShortcuts(v, simulate: false);
                var neighbourCount = CollectNeighbours(v);
                Remove(v);
                _contracted[v] = true;
                for (var i = 0; i < neighbourCount; i++)
                {
                    var w = _neighbours[i];
                    _deletedNeighbours[w]++;
                    var oldDepth = _depth[w];
                    _depth[w] = Math.Max(_depth[w], _depth[v] + 1);
                    // Either simulate w again, or only add the change of its neighbour and depth terms and let the lazy
                    // update at pop time refresh its edge difference.
                    var p = _options.RecomputeNeighbours ? Priority(w) : _priority[w] + 1 + (_depth[w] - oldDepth);
                    if (p != _priority[w])
                    {
                        _priority[w] = p;
                        queue.Push(p + PriorityOffset, w);
                    }
                }
                if ((next & 4095) == 0)
                {
                    _options.Progress?.Invoke(next, _n);
                }
            }
            upFirst[_n] = upTarget.Count;
            downFirst[_n] = downTarget.Count;
            _options.Progress?.Invoke(_n, _n);

            var up = upTarget.ToArray();
            var down = downTarget.ToArray();
            for (var i = 0; i < up.Length; i++)
            {
                up[i] = rank[up[i]];
            }
            for (var i = 0; i < down.Length; i++)
            {
                down[i] = rank[down[i]];
            }
            return new ContractedGraph(rank, upFirst, up, upWeight.ToArray(), downFirst, down, downWeight.ToArray());
        }

        private long Priority(int v)
        {
            var shortcuts = AddShortcuts(v, simulate: true);
            long edgeDifference = shortcuts - _inCount[v] - _outCount[v];
            return (2 * edgeDifference) + _deletedNeighbours[v] + _depth[v];
        }

        /// <summary>Counts (simulate) or adds the shortcuts that contracting v needs.</summary>
        private int AddShortcuts(int v, bool simulate)
        {
            var limit = simulate ? _options.SimulationSettleLimit : _options.WitnessSettleLimit;
            var added = 0;
            var inEdges = _in[v];
            var outEdges = _out[v];
            var inCount = _inCount[v];
            var outCount = _outCount[v];
            for (var i = 0; i < inCount; i++)
            {
                var u = inEdges[i].Target;
                var toV = inEdges[i].Weight;
                var maxKey = -1L;
                for (var j = 0; j < outCount; j++)
                {
                    if (outEdges[j].Target != u)
                    {
                        maxKey = Math.Max(maxKey, toV + outEdges[j].Weight);
                    }
                }
                if (maxKey < 0)
                {
                    continue;
                }
                var remaining = 0;
                if (++_targetGeneration == int.MaxValue)
                {
                    Array.Clear(_targetStamp);
                    _targetGeneration = 1;
                }
                for (var j = 0; j < outCount; j++)
                {
                    var w = outEdges[j].Target;
                    if (w != u && _targetStamp[w] != _targetGeneration)
                    {
                        _targetStamp[w] = _targetGeneration;
                        remaining++;
                    }
                }
                WitnessSearch(u, v, maxKey, limit, remaining);
                for (var j = 0; j < outCount; j++)
                {
                    var w = outEdges[j].Target;
                    if (w == u)
                    {
                        continue;
                    }
                    var via = toV + outEdges[j].Weight;
                    if (_witness.Key(w) > via)
                    {
                        added++;
                        if (!simulate)
                        {
                            AddOrLower(u, w, via);
                        }
                    }
                }
            }
            return added;
        }

        /// <summary>
        /// Dijkstra from <paramref name="source"/> avoiding <paramref name="excluded"/>, up to <paramref name="maxKey"/> or the
        /// settle limit, stopping early once all <paramref name="targets"/> vertices marked in _targetStamp are settled.
        /// </summary>
        private void WitnessSearch(int source, int excluded, long maxKey, int settleLimit, int targets)
        {
            var space = _witness;
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
                var edges = _out[x];
                var count = _outCount[x];
                for (var i = 0; i < count; i++)
                {
                    var y = edges[i].Target;
                    if (y == excluded)
                    {
                        continue;
                    }
                    var next = key + edges[i].Weight;
                    if (next <= maxKey && space.Improve(y, next))
                    {
                        heap.Push(next, y);
                    }
                }
            }
        }

        private int CollectNeighbours(int v)
        {
            var count = 0;
            var needed = _outCount[v] + _inCount[v];
            if (_neighbours.Length < needed)
            {
                _neighbours = new int[needed * 2];
            }
            for (var i = 0; i < _outCount[v]; i++)
            {
                count = AddDistinct(_out[v][i].Target, count);
            }
            for (var i = 0; i < _inCount[v]; i++)
            {
                count = AddDistinct(_in[v][i].Target, count);
            }
            Array.Sort(_neighbours, 0, count);
            return count;
        }

        private int AddDistinct(int vertex, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_neighbours[i] == vertex)
                {
                    return count;
                }
            }
            _neighbours[count] = vertex;
            return count + 1;
        }

        private void AddOrLower(int u, int w, long weight)
        {
            var outEdges = _out[u];
            for (var i = 0; i < _outCount[u]; i++)
            {
                if (outEdges[i].Target == w)
                {
                    if (weight < outEdges[i].Weight)
                    {
                        outEdges[i].Weight = weight;
                        var inEdges = _in[w];
                        for (var j = 0; j < _inCount[w]; j++)
                        {
                            if (inEdges[j].Target == u)
                            {
                                inEdges[j].Weight = weight;
                                break;
                            }
                        }
                    }
                    return;
                }
            }
            Append(ref _out[u], ref _outCount[u], new DynamicEdge(w, weight));
            Append(ref _in[w], ref _inCount[w], new DynamicEdge(u, weight));
        }

        private static void Append(ref DynamicEdge[] edges, ref int count, DynamicEdge edge)
        {
            if (count == edges.Length)
            {
                Array.Resize(ref edges, edges.Length * 2);
            }
            edges[count++] = edge;
        }

        private void Remove(int v)
        {
            for (var i = 0; i < _outCount[v]; i++)
            {
                var w = _out[v][i].Target;
                RemoveEntry(_in[w], ref _inCount[w], v);
            }
            for (var i = 0; i < _inCount[v]; i++)
            {
                var u = _in[v][i].Target;
                RemoveEntry(_out[u], ref _outCount[u], v);
            }
            _out[v] = [];
            _in[v] = [];
            _outCount[v] = 0;
            _inCount[v] = 0;
        }

        private static void RemoveEntry(DynamicEdge[] edges, ref int count, int target)
        {
            for (var i = 0; i < count; i++)
            {
                if (edges[i].Target == target)
                {
                    edges[i] = edges[--count];
                    return;
                }
            }
        }
    }
}
