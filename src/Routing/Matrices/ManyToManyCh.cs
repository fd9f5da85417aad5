using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Search;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// Many-to-many travel times on a <see cref="ContractedGraph"/>, as OSRM's table service does it:
/// one backward upward search per target fills a single bucket array (CSR by CH vertex, each vertex's buckets in target
/// order); then a forward upward search per source (parallel over batches of sources, one reusable search space per
/// worker) scans the buckets of every vertex it settles and writes its own row. Exact, and identical for any thread count.
/// </summary>
public sealed class ManyToManyCh
{
    private const int BatchSize = 16;
    private readonly ContractedGraph _graph;
    // Search spaces outlive a Compute call, so a long-lived instance (a server) does not reallocate them per request.
    private readonly ConcurrentBag<SearchSpace> _spaces = [];

    public ManyToManyCh(ContractedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    public TravelTimeMatrix Compute(MatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(_graph.VertexCount);
        var targets = new PreparedTargets(BuildBuckets(request), request.Targets.Count, PathKey.Bound(request.MaxDurationMs));
        var durations = new int[request.Sources.Count * targets.Count];
        var lengths = new int[durations.Length];
        ForwardSearches(request.Sources, 0, request.Sources.Count, targets, durations, lengths, request.ParallelOptions(), request.Progress);
        return new TravelTimeMatrix(request.Sources.Count, targets.Count, durations, lengths);
    }

    /// <summary>
    /// The backward half of a matrix, built once for a set of targets (<see cref="MatrixRequest.Sources"/> is not used,
    /// leave it empty); rows for any range of sources then come from <see cref="ComputeRows"/>.
    /// </summary>
    public PreparedTargets Prepare(MatrixRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(_graph.VertexCount);
        return new PreparedTargets(BuildBuckets(request), request.Targets.Count, PathKey.Bound(request.MaxDurationMs));
    }

    /// <summary>
    /// Rows of sources [start, end) into <paramref name="durationMs"/> and <paramref name="lengthMm"/> (row-major from
    /// <paramref name="start"/>, <see cref="TravelTime.Unreached"/> where there is no route). The same rows as
    /// <see cref="Compute"/> gives, for any range and thread count.
    /// </summary>
    public void ComputeRows(PreparedTargets targets, IReadOnlyList<SnapSeed[]> sources, int start, int end, int[] durationMs, int[] lengthMm, int threads = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(durationMs);
        ArgumentNullException.ThrowIfNull(lengthMm);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, sources.Count);
        if (durationMs.Length < (long)(end - start) * targets.Count || lengthMm.Length < durationMs.Length)
        {
            throw new ArgumentException("The arrays must hold (end - start) rows.", nameof(durationMs));
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancellation };
        ForwardSearches(sources, start, end, targets, durationMs, lengthMm, options, null);
    }

    /// <summary>The bucket table of a set of targets (see <see cref="Prepare"/>).</summary>
    public sealed class PreparedTargets
    {
        internal PreparedTargets(BucketTable table, int count, long bound)
        {
            Table = table;
            Count = count;
            Bound = bound;
        }

        internal BucketTable Table { get; }
        internal long Bound { get; }
        public int Count { get; }

        /// <summary>Bytes held by the bucket table.</summary>
        public long Bytes => (4L * Table.First.Length) + (16L * Table.Buckets.Length) + (4L * Table.DenseRow.Length) + (8L * Table.Dense.Length);
    }

    internal readonly struct Bucket(int target, long weight)
    {
        public readonly int Target = target;
        public readonly long Weight = weight;
    }

    /// <summary>
    /// Buckets in CSR by CH vertex. Vertices reached by many targets (the top of the hierarchy) also get a dense row of
    /// one key per target (<see cref="DenseMissing"/> where a target does not reach the vertex), scanned with SIMD.
    /// </summary>
    internal sealed class BucketTable(int[] first, Bucket[] buckets, int[] denseRow, long[] dense)
    {
        public readonly int[] First = first;
        public readonly Bucket[] Buckets = buckets;
        public readonly int[] DenseRow = denseRow;
        public readonly long[] Dense = dense;
    }

    /// <summary>Key of a missing dense entry: large, yet adding any real path key (under 2^62) cannot overflow.</summary>
    private const long DenseMissing = long.MaxValue / 2;
    private const long MaxDenseKeys = 8L << 20;

    private BucketTable BuildBuckets(MatrixRequest request)
    {
        var targets = request.Targets;
        var graph = _graph;
        var bound = PathKey.Bound(request.MaxDurationMs);
        // Per-target search results (vertex, key), gathered in parallel and then laid out in target order.
        var vertices = new int[targets.Count][];
        var keys = new long[targets.Count][];
        Parallel.For(0, targets.Count, request.ParallelOptions(), RentSpace, (t, _, space) =>
        {
            UpwardSearch(space, targets[t], graph.DownFirst, graph.DownTarget, graph.DownWeight, graph.UpFirst, graph.UpTarget, graph.UpWeight, graph.Rank, bound);
            var settled = space.Settled;
            var v = new int[settled.Length];
            var k = new long[settled.Length];
            for (var i = 0; i < settled.Length; i++)
            {
                v[i] = settled[i];
                k[i] = space.Key(settled[i]);
            }
            vertices[t] = v;
            keys[t] = k;
            return space;
        }, _spaces.Add);

        var first = new int[graph.VertexCount + 1];
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var v in vertices[t])
            {
                first[v + 1]++;
            }
        }
        for (var v = 0; v < graph.VertexCount; v++)
        {
            first[v + 1] += first[v];
        }
        var fill = first.AsSpan(0, graph.VertexCount).ToArray();
        var buckets = new Bucket[first[graph.VertexCount]];
        for (var t = 0; t < targets.Count; t++)
        {
            var v = vertices[t];
            var k = keys[t];
            for (var i = 0; i < v.Length; i++)
            {
                buckets[fill[v[i]]++] = new Bucket(t, k[i]);
            }
        }

        var targetCount = targets.Count;
        var denseRow = new int[graph.VertexCount];
        Array.Fill(denseRow, -1);
        var rows = 0;
        if (targetCount >= 2 * Vector<long>.Count)
        {
            for (var v = graph.VertexCount - 1; v >= 0 && (long)(rows + 1) * targetCount <= MaxDenseKeys; v--)
            {
                if ((first[v + 1] - first[v]) * 3L >= targetCount)
                {
                    denseRow[v] = rows++;
                }
            }
        }
        var dense = new long[rows * targetCount];
        Array.Fill(dense, DenseMissing);
        for (var v = 0; v < graph.VertexCount; v++)
        {
            if (denseRow[v] >= 0)
            {
                var row = dense.AsSpan(denseRow[v] * targetCount, targetCount);
                for (var b = first[v]; b < first[v + 1]; b++)
                {
                    row[buckets[b].Target] = buckets[b].Weight;
                }
            }
        }
        return new BucketTable(first, buckets, denseRow, dense);
    }

    private void ForwardSearches(IReadOnlyList<SnapSeed[]> sources, int start, int end, PreparedTargets targets, int[] durations, int[] lengths,
        ParallelOptions options, Action<int>? progress)
    {
        var table = targets.Table;
        var targetCount = targets.Count;
        var graph = _graph;
        var bound = targets.Bound;
        var batches = (end - start + BatchSize - 1) / BatchSize;
        Parallel.For(0, batches, options,
            () => new Worker(RentSpace(), targetCount),
            (batch, _, worker) =>
            {
                var first = start + (batch * BatchSize);
                var last = Math.Min(end, first + BatchSize);
                for (var s = first; s < last; s++)
                {
                    ForwardSearch(worker, sources[s], table, bound);
                    var row = (s - start) * targetCount;
                    var best = worker.Best;
                    for (var t = 0; t < targetCount; t++)
                    {
                        var key = best[t];
                        var reached = key <= bound && key < DenseMissing;
                        durations[row + t] = reached ? PathKey.DurationMs(key) : TravelTime.Unreached;
                        lengths[row + t] = reached ? PathKey.LengthMm(key) : TravelTime.Unreached;
                    }
                }
                progress?.Invoke(last - first);
                return worker;
            },
            worker => _spaces.Add(worker.Space));
    }

    private SearchSpace RentSpace() => _spaces.TryTake(out var space) ? space : new SearchSpace(_graph.VertexCount);

    private sealed class Worker(SearchSpace space, int targetCount)
    {
        public readonly SearchSpace Space = space;
        public readonly long[] Best = new long[targetCount];
    }

    private void ForwardSearch(Worker worker, SnapSeed[] seeds, BucketTable table, long bound)
    {
        var graph = _graph;
        var space = worker.Space;
        var best = worker.Best;
        Array.Fill(best, PathKey.Unreached);
        UpwardSearch(space, seeds, graph.UpFirst, graph.UpTarget, graph.UpWeight, graph.DownFirst, graph.DownTarget, graph.DownWeight, graph.Rank, bound);
        var first = table.First;
        var buckets = table.Buckets;
        var denseRow = table.DenseRow;
        var targetCount = best.Length;
        foreach (var v in space.Settled)
        {
            var key = space.Key(v);
            if (denseRow[v] >= 0 && key < DenseMissing)
            {
                MinAdd(best, table.Dense.AsSpan(denseRow[v] * targetCount, targetCount), key);
                continue;
            }
            var end = first[v + 1];
            for (var b = first[v]; b < end; b++)
            {
                var candidate = key + buckets[b].Weight;
                ref var slot = ref best[buckets[b].Target];
                if (candidate < slot)
                {
                    slot = candidate;
                }
            }
        }
    }

    /// <summary>best[i] = min(best[i], row[i] + key), a vector at a time.</summary>
    private static void MinAdd(Span<long> best, ReadOnlySpan<long> row, long key)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var add = new Vector<long>(key);
            var bestVectors = MemoryMarshal.Cast<long, Vector<long>>(best);
            var rowVectors = MemoryMarshal.Cast<long, Vector<long>>(row);
            for (var j = 0; j < bestVectors.Length; j++)
            {
                bestVectors[j] = Vector.Min(bestVectors[j], rowVectors[j] + add);
            }
            i = bestVectors.Length * Vector<long>.Count;
        }
        for (; i < best.Length; i++)
        {
            var candidate = row[i] + key;
            if (candidate < best[i])
            {
                best[i] = candidate;
            }
        }
    }

    /// <summary>
    /// Dijkstra over one direction of the hierarchy, from seeds given in graph vertex numbers, with stall-on-demand: a vertex
    /// that a higher vertex already reaches more cheaply (through an edge of the other direction) is not exact, so it is
    /// neither expanded nor reported as settled. The exact vertices of every shortest up-path are never stalled.
    /// </summary>
    private static void UpwardSearch(SearchSpace space, SnapSeed[] seeds, int[] first, int[] target, long[] weight,
        int[] stallFirst, int[] stallTarget, long[] stallWeight, int[] rank, long bound)
    {
        space.Reset();
        var heap = space.Heap;
        foreach (var seed in seeds)
        {
            var key = PathKey.Make(seed.DurationMs, seed.LengthMm);
            var vertex = rank[seed.Vertex];
            if (key <= bound && space.Improve(vertex, key))
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
            var stalled = false;
            var stallEnd = stallFirst[vertex + 1];
            for (var e = stallFirst[vertex]; e < stallEnd; e++)
            {
                var above = space.Key(stallTarget[e]);
                if (above != PathKey.Unreached && above + stallWeight[e] < key)
                {
                    stalled = true;
                    break;
                }
            }
            if (stalled)
            {
                continue;
            }
            space.AddSettled(vertex);
            var end = first[vertex + 1];
            for (var e = first[vertex]; e < end; e++)
            {
                var next = key + weight[e];
                var w = target[e];
                if (next <= bound && space.Improve(w, next))
                {
                    heap.Push(next, w);
                }
            }
        }
    }
}
