using System.Collections.Concurrent;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Contraction;

/// <summary>
/// Builds a <see cref="ContractedGraph"/> from a <see cref="ModeGraph"/> in rounds, in parallel and deterministically
/// (as OSRM and RoutingKit do). Each round contracts an independent set: the vertices whose priority
/// (2 × edge difference + contracted neighbours + hierarchy depth, ties broken by a hash of the vertex) is lower than that
/// of every vertex within <see cref="ContractionOptions.IndependentSetHops"/> hops. The set's shortcuts are found in
/// parallel on the frozen graph, with witness searches that avoid the whole set (so a witness never runs through a vertex
/// removed in the same round), collected in fixed-size chunks and applied in vertex order; then the neighbours' priorities
/// are simulated again in parallel. Chunks do not depend on the thread count, so the hierarchy is the same, byte for byte,
/// on 1 or many threads.
/// </summary>
public static class ContractionBuilder
{
    private const int ChunkSize = 64;

    public static ContractedGraph Build(ModeGraph graph, ContractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new ContractionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WitnessSettleLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SimulationSettleLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IndependentSetHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.IndependentSetHops, 2);
        return new Contractor(graph, options).Run();
    }

    private sealed class Contractor
    {
        private readonly ContractionOptions _options;
        private readonly int _n;
        private readonly DynamicGraph _graph;
        private readonly bool[] _inRound;
        private readonly int[] _deletedNeighbours;
        private readonly int[] _depth;
        private readonly long[] _priority;
        private readonly int[] _edgeDifference;
        private readonly bool[] _contracted;
        private readonly int[] _touchedStamp;
        private readonly ConcurrentBag<WitnessWorker> _workers = [];
        private readonly List<List<Shortcut>> _chunkShortcuts = [];
        private readonly ParallelOptions _parallel;

        public Contractor(ModeGraph graph, ContractionOptions options)
        {
            _options = options;
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            _n = graph.VertexCount;
            _inRound = new bool[_n];
            _deletedNeighbours = new int[_n];
            _depth = new int[_n];
            _priority = new long[_n];
            _edgeDifference = new int[_n];
            _contracted = new bool[_n];
            _touchedStamp = new int[_n];

            var outDegree = new int[_n];
            var inDegree = new int[_n];
            for (var v = 0; v < _n; v++)
            {
                outDegree[v] = graph.FirstEdge[v + 1] - graph.FirstEdge[v];
            }
            foreach (var target in graph.EdgeTarget)
            {
                inDegree[target]++;
            }
            _graph = new DynamicGraph(_n, outDegree, inDegree);
            for (var u = 0; u < _n; u++)
            {
                for (var e = graph.FirstEdge[u]; e < graph.FirstEdge[u + 1]; e++)
                {
                    var w = graph.EdgeTarget[e];
                    if (w != u)
                    {
                        _graph.AddOrLower(u, w, PathKey.Make(graph.EdgeDurationMs[e], graph.EdgeLengthMm[e]));
                    }
                }
            }
        }

        public ContractedGraph Run()
        {
            var remaining = new int[_n];
            for (var v = 0; v < _n; v++)
            {
                remaining[v] = v;
            }
            var remainingCount = _n;
            ForEachParallel(remaining, _n, (worker, v) => _priority[v] = Priority(worker, v));

            var rank = new int[_n];
            var upFirst = new int[_n + 1];
            var downFirst = new int[_n + 1];
            var upTarget = new BlockList<int>();
            var upWeight = new BlockList<long>();
            var downTarget = new BlockList<int>();
            var downWeight = new BlockList<long>();
            var selectedFlag = new bool[_n];
            var first = new int[_n];
            var selected = new int[_n];
            var touched = new List<int>();
            var touchedGeneration = 0;
            var next = 0;
            while (remainingCount > 0)
            {
                // 1. The independent set: local priority minima, in vertex order (remaining stays sorted).
                ForEachParallel(remaining, remainingCount, (_, v) => first[v] = FirstInNeighbourhood(v));
                ForEachParallel(remaining, remainingCount, (_, v) => selectedFlag[v] = IsLocalMinimum(v, first));
                var selectedCount = 0;
                for (var i = 0; i < remainingCount; i++)
                {
                    var v = remaining[i];
                    if (selectedFlag[v])
                    {
                        selected[selectedCount++] = v;
                        _inRound[v] = true;
                    }
                }

                // 2. Their shortcuts, found in parallel on the frozen graph into per-chunk buffers.
                var chunkCount = (selectedCount + ChunkSize - 1) / ChunkSize;
                while (_chunkShortcuts.Count < chunkCount)
                {
                    _chunkShortcuts.Add([]);
                }
                ForEachChunk(chunkCount, (worker, chunk) =>
                {
                    var buffer = _chunkShortcuts[chunk];
                    buffer.Clear();
                    var end = Math.Min(selectedCount, (chunk + 1) * ChunkSize);
                    for (var i = chunk * ChunkSize; i < end; i++)
                    {
                        worker.Shortcuts(_graph, selected[i], _options.WitnessSettleLimit, _inRound, buffer);
                    }
                });

                // 3. Serially, in vertex order: record the set's edges (all upward), add the shortcuts, remove the set.
                for (var i = 0; i < selectedCount; i++)
                {
                    var v = selected[i];
                    _contracted[v] = true;
                    rank[v] = next;
                    upFirst[next] = upTarget.Count;
                    downFirst[next] = downTarget.Count;
                    foreach (var edge in _graph.Out(v))
                    {
                        upTarget.Add(edge.Target);
                        upWeight.Add(edge.Weight);
                    }
                    foreach (var edge in _graph.In(v))
                    {
                        downTarget.Add(edge.Target);
                        downWeight.Add(edge.Weight);
                    }
                    next++;
                }
                for (var chunk = 0; chunk < chunkCount; chunk++)
                {
                    foreach (var shortcut in _chunkShortcuts[chunk])
                    {
                        _graph.AddOrLower(shortcut.From, shortcut.To, shortcut.Weight);
                    }
                }
                touched.Clear();
                touchedGeneration++;
                for (var i = 0; i < selectedCount; i++)
                {
                    var v = selected[i];
                    Touch(v, _graph.Out(v), touched, touchedGeneration);
                    Touch(v, _graph.In(v), touched, touchedGeneration);
                    _graph.Remove(v);
                    _inRound[v] = false;
                    selectedFlag[v] = false;
                }

                // 4. Neighbours' priorities: simulated again in parallel, or only their cheap terms updated.
                if (_options.RecomputeNeighbours)
                {
                    ForEachParallel(touched, (worker, w) => _priority[w] = Priority(worker, w));
                }
                else
                {
                    foreach (var w in touched)
                    {
                        _priority[w] = Priority(null, w);
                    }
                }

                // 5. Drop the contracted vertices from the remaining list, keeping its order.
                var kept = 0;
                for (var i = 0; i < remainingCount; i++)
                {
                    var v = remaining[i];
                    if (!_contracted[v])
                    {
                        remaining[kept++] = v;
                    }
                }
                remainingCount = kept;
                _options.Progress?.Invoke(next, _n);
            }
            upFirst[_n] = upTarget.Count;
            downFirst[_n] = downTarget.Count;

            var up = upTarget.ToArrayReleasing();
            var upWeights = upWeight.ToArrayReleasing();
            var down = downTarget.ToArrayReleasing();
            var downWeights = downWeight.ToArrayReleasing();
            for (var i = 0; i < up.Length; i++)
            {
                up[i] = rank[up[i]];
            }
            for (var i = 0; i < down.Length; i++)
            {
                down[i] = rank[down[i]];
            }
            return new ContractedGraph(rank, upFirst, up, upWeights, downFirst, down, downWeights);
        }

        private void Touch(int v, ReadOnlySpan<ContractionEdge> edges, List<int> touched, int generation)
        {
            foreach (var edge in edges)
            {
                var w = edge.Target;
                if (_touchedStamp[w] != generation)
                {
                    _touchedStamp[w] = generation;
                    touched.Add(w);
                    _deletedNeighbours[w]++;
                }
                _depth[w] = Math.Max(_depth[w], _depth[v] + 1);
            }
        }

        /// <summary>
        /// Priority = 2 × edge difference + contracted neighbours + depth. Without a worker (cheap update), the edge difference
        /// from the last simulation is kept.
        /// </summary>
        private long Priority(WitnessWorker? worker, int v)
        {
            if (worker is not null)
            {
                var shortcuts = worker.Shortcuts(_graph, v, _options.SimulationSettleLimit, null, null);
                _edgeDifference[v] = shortcuts - _graph.Degree(v);
            }
            return (2L * _edgeDifference[v]) + _deletedNeighbours[v] + _depth[v];
        }

        /// <summary>The vertex that comes first among v and its neighbours.</summary>
        private int FirstInNeighbourhood(int v)
        {
            var best = v;
            foreach (var edge in _graph.Out(v))
            {
                if (Beats(edge.Target, best))
                {
                    best = edge.Target;
                }
            }
            foreach (var edge in _graph.In(v))
            {
                if (Beats(edge.Target, best))
                {
                    best = edge.Target;
                }
            }
            return best;
        }

        /// <summary>
        /// Whether v comes first within one hop (it is first of its own neighbourhood) or two hops (it is also first of each
        /// neighbour's neighbourhood, whose union is v's 2-hop neighbourhood).
        /// </summary>
        private bool IsLocalMinimum(int v, int[] first)
        {
            if (first[v] != v)
            {
                return false;
            }
            if (_options.IndependentSetHops == 1)
            {
                return true;
            }
            foreach (var edge in _graph.Out(v))
            {
                if (first[edge.Target] != v)
                {
                    return false;
                }
            }
            foreach (var edge in _graph.In(v))
            {
                if (first[edge.Target] != v)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether w comes before v: lower priority, ties broken by a hash so equal areas do not contract in stripes.</summary>
        private bool Beats(int w, int v)
        {
            var theirs = _priority[w];
            var mine = _priority[v];
            if (theirs != mine)
            {
                return theirs < mine;
            }
            var hw = Mix(w);
            var hv = Mix(v);
            return hw != hv ? hw < hv : w < v;
        }

        private static uint Mix(int v)
        {
            var x = (uint)v;
            x ^= x >> 16;
            x *= 0x7feb352d;
            x ^= x >> 15;
            x *= 0x846ca68b;
            x ^= x >> 16;
            return x;
        }

        private void ForEachParallel(IReadOnlyList<int> items, Action<WitnessWorker, int> body) =>
            ForEachChunk((items.Count + ChunkSize - 1) / ChunkSize, (worker, chunk) =>
            {
                var end = Math.Min(items.Count, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    body(worker, items[i]);
                }
            });

        private void ForEachParallel(int[] items, int count, Action<WitnessWorker, int> body) =>
            ForEachChunk((count + ChunkSize - 1) / ChunkSize, (worker, chunk) =>
            {
                var end = Math.Min(count, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    body(worker, items[i]);
                }
            });

        /// <summary>Runs body over chunks 0..count-1; each call gets a worker no other call is using meanwhile.</summary>
        private void ForEachChunk(int count, Action<WitnessWorker, int> body)
        {
            if (count <= 1 || _options.MaxDegreeOfParallelism == 1)
            {
                var worker = RentWorker();
                for (var chunk = 0; chunk < count; chunk++)
                {
                    body(worker, chunk);
                }
                _workers.Add(worker);
                return;
            }
            Parallel.For(0, count, _parallel, RentWorker, (chunk, _, worker) =>
            {
                body(worker, chunk);
                return worker;
            }, _workers.Add);
        }

        private WitnessWorker RentWorker() => _workers.TryTake(out var worker) ? worker : new WitnessWorker(_n);
    }
}
