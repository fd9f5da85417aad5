namespace Geo.Routing.Contraction;

/// <summary>
/// One direction of the <see cref="DynamicGraph"/>: every vertex's edge list as a slice of one shared array (start,
/// count, capacity per vertex) instead of an array object per vertex, which on a national network cost more in object
/// headers and references than the edges themselves. A full slice moves to the end of the array with twice the capacity;
/// the holes left behind are squeezed out in place when the array is full, and the array grows only when the live
/// slices need it. The order of a vertex's edges is as with per-vertex lists (append at the end, remove by moving the
/// last edge into the hole), so the contraction is unchanged.
/// </summary>
internal sealed class EdgeSlices
{
    private const int MinCapacity = 2;
    private readonly int[] _start;
    private readonly int[] _count;
    private readonly int[] _capacity;
    private ContractionEdge[] _edges;
    private int _end;
    private long _liveCapacity;

    public EdgeSlices(int[] degree)
    {
        var n = degree.Length;
        _start = new int[n];
        _count = new int[n];
        _capacity = new int[n];
        long total = 0;
        for (var v = 0; v < n; v++)
        {
            _capacity[v] = Math.Max(MinCapacity, degree[v]);
            _start[v] = checked((int)total);
            total += _capacity[v];
        }
        _liveCapacity = total;
        _end = checked((int)total);
        _edges = new ContractionEdge[checked((int)Math.Min(Array.MaxLength, total + (total / 4) + 16))];
    }

    public ReadOnlySpan<ContractionEdge> Of(int v) => _edges.AsSpan(_start[v], _count[v]);

    public Span<ContractionEdge> Mutable(int v) => _edges.AsSpan(_start[v], _count[v]);

    public int Count(int v) => _count[v];

    public void Append(int v, ContractionEdge edge)
    {
        if (_count[v] == _capacity[v])
        {
            Grow(v);
        }
        _edges[_start[v] + _count[v]++] = edge;
    }

    /// <summary>Removes the edge to <paramref name="target"/>, moving the last edge into its place.</summary>
    public void Remove(int v, int target)
    {
        var start = _start[v];
        var count = _count[v];
        for (var i = start; i < start + count; i++)
        {
            if (_edges[i].Target == target)
            {
                _edges[i] = _edges[start + count - 1];
                _count[v] = count - 1;
                return;
            }
        }
    }

    /// <summary>Drops all of v's edges and its slice.</summary>
    public void Clear(int v)
    {
        _liveCapacity -= _capacity[v];
        _start[v] = 0;
        _count[v] = 0;
        _capacity[v] = 0;
    }

    private void Grow(int v)
    {
        var old = _capacity[v];
        var capacity = Math.Max(MinCapacity, old * 2);
        if (old > 0 && _start[v] + old == _end && _end + (capacity - old) <= _edges.Length)
        {
            _end += capacity - old; // the last slice grows in place
        }
        else
        {
            if ((long)_end + capacity > _edges.Length)
            {
                Compact(capacity);
            }
            _edges.AsSpan(_start[v], _count[v]).CopyTo(_edges.AsSpan(_end));
            _start[v] = _end;
            _end += capacity;
        }
        _liveCapacity += capacity - old;
        _capacity[v] = capacity;
    }

    /// <summary>Squeezes out the holes (growing the array first when the live slices would fill more than 3/4 of it).</summary>
    private void Compact(int needed)
    {
        var required = _liveCapacity + needed;
        if (required > _edges.Length - (_edges.Length / 4))
        {
            var length = Math.Min(Array.MaxLength, Math.Max(required + (required / 2), _edges.Length + (_edges.Length / 2)));
            if (length < required)
            {
                throw new InvalidOperationException("The contraction's edge lists exceed the largest array .NET allows.");
            }
            Array.Resize(ref _edges, (int)length);
        }
        var live = 0;
        for (var v = 0; v < _capacity.Length; v++)
        {
            live += _capacity[v] > 0 ? 1 : 0;
        }
        var starts = new int[live];
        var vertices = new int[live];
        live = 0;
        for (var v = 0; v < _capacity.Length; v++)
        {
            if (_capacity[v] > 0)
            {
                starts[live] = _start[v];
                vertices[live++] = v;
            }
        }
        Array.Sort(starts, vertices);
        var write = 0;
        foreach (var v in vertices)
        {
            // write <= start: slices only move left, in start order, so none is overwritten before it has moved.
            _edges.AsSpan(_start[v], _count[v]).CopyTo(_edges.AsSpan(write));
            _start[v] = write;
            write += _capacity[v];
        }
        _end = write;
    }
}
