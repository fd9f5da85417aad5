using System.Runtime.CompilerServices;
using Geo.Core;

namespace Geo.Routing.Search;

/// <summary>
/// Reusable state of one shortest-path search (one per worker thread): tentative keys stamped with a generation number,
/// so starting a new search costs O(1) instead of clearing O(vertices), plus the heap and the list of settled vertices.
/// </summary>
public sealed class SearchSpace
{
    private readonly long[] _key;
    private readonly int[] _stamp;
    private int _generation;
    private int[] _settled;

    public SearchSpace(int vertexCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        _key = new long[vertexCount];
        _stamp = new int[vertexCount];
        _settled = new int[64];
        Heap = new MinHeap();
        _generation = 1;
    }

    public int VertexCount => _key.Length;

    internal MinHeap Heap { get; }

    /// <summary>Vertices settled by the last search, in settling order.</summary>
    public ReadOnlySpan<int> Settled => _settled.AsSpan(0, SettledCount);

    public int SettledCount { get; private set; }

    internal void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
        Heap.Clear();
        SettledCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long Key(int vertex) => _stamp[vertex] == _generation ? _key[vertex] : PathKey.Unreached;

    /// <summary>Lowers the vertex's key if <paramref name="key"/> is better; returns true when it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Improve(int vertex, long key)
    {
        if (_stamp[vertex] != _generation)
        {
            _stamp[vertex] = _generation;
            _key[vertex] = key;
            return true;
        }
        if (key < _key[vertex])
        {
            _key[vertex] = key;
            return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddSettled(int vertex)
    {
        if (SettledCount == _settled.Length)
        {
            Array.Resize(ref _settled, _settled.Length * 2);
        }
        _settled[SettledCount++] = vertex;
    }

    /// <summary>Fastest time in ms from the seeds to <paramref name="vertex"/> found by the last search, or <see cref="TravelTime.Unreached"/>.</summary>
    public int DurationMs(int vertex)
    {
        var key = Key(vertex);
        return key == PathKey.Unreached ? TravelTime.Unreached : PathKey.DurationMs(key);
    }

    /// <summary>Length in mm of that fastest path, or <see cref="TravelTime.Unreached"/>.</summary>
    public int LengthMm(int vertex)
    {
        var key = Key(vertex);
        return key == PathKey.Unreached ? TravelTime.Unreached : PathKey.LengthMm(key);
    }
}
