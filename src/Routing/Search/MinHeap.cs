using System.Runtime.CompilerServices;

namespace Geo.Routing.Search;

/// <summary>
/// A binary min-heap of (key, vertex) with lazy deletion: a search pushes a vertex again when its key improves and skips
/// entries whose key is worse than the vertex's current one when popped. Ties are broken by vertex, so order is deterministic.
/// </summary>
internal sealed class MinHeap
{
    private long[] _keys;
    private int[] _vertices;

    public MinHeap(int capacity = 256)
    {
        _keys = new long[Math.Max(capacity, 4)];
        _vertices = new int[_keys.Length];
    }

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(long key, int vertex)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _vertices, _keys.Length);
        }
        var i = Count++;
        var keys = _keys;
        var vertices = _vertices;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(key, vertex, keys[parent], vertices[parent]))
            {
                break;
            }
            keys[i] = keys[parent];
            vertices[i] = vertices[parent];
            i = parent;
        }
        keys[i] = key;
        vertices[i] = vertex;
    }

    public long PeekKey => _keys[0];

    public int Pop(out long key)
    {
        var keys = _keys;
        var vertices = _vertices;
        key = keys[0];
        var top = vertices[0];
        var count = --Count;
        if (count > 0)
        {
            var lastKey = keys[count];
            var lastVertex = vertices[count];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= count)
                {
                    break;
                }
                if (child + 1 < count && Less(keys[child + 1], vertices[child + 1], keys[child], vertices[child]))
                {
                    child++;
                }
                if (!Less(keys[child], vertices[child], lastKey, lastVertex))
                {
                    break;
                }
                keys[i] = keys[child];
                vertices[i] = vertices[child];
                i = child;
            }
            keys[i] = lastKey;
            vertices[i] = lastVertex;
        }
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(long keyA, int vertexA, long keyB, int vertexB) => keyA < keyB || (keyA == keyB && vertexA < vertexB);
}
