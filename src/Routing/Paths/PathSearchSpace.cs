using System.Runtime.CompilerServices;
using Geo.Routing.Matrices;
using Geo.Routing.Search;

namespace Geo.Routing.Paths;

/// <summary>
/// Reusable state of one path search over a contraction hierarchy: tentative keys and the parent of each reached vertex,
/// stamped with a generation number so a new search costs O(1). One per worker; not thread-safe.
/// </summary>
internal sealed class PathSearchSpace
{
    private readonly long[] _key;
    private readonly int[] _parent;
    private readonly int[] _stamp;
    private int _generation = 1;

    public PathSearchSpace(int vertexCount)
    {
        _key = new long[vertexCount];
        _parent = new int[vertexCount];
        _stamp = new int[vertexCount];
    }

    public MinHeap Heap { get; } = new();

    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
        Heap.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Key(int vertex) => _stamp[vertex] == _generation ? _key[vertex] : PathKey.Unreached;

    /// <summary>The vertex this one was reached from, -1 for a seed.</summary>
    public int Parent(int vertex) => _parent[vertex];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Improve(int vertex, long key, int parent)
    {
        if (_stamp[vertex] == _generation && key >= _key[vertex])
        {
            return false;
        }
        _stamp[vertex] = _generation;
        _key[vertex] = key;
        _parent[vertex] = parent;
        return true;
    }
}
