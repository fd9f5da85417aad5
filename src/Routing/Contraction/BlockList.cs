namespace Geo.Routing.Contraction;

/// <summary>
/// An append-only list in fixed-size blocks: growing never copies (a List doubles and copies, holding up to three times
/// its contents at the peak), and <see cref="ToArrayReleasing"/> frees each block as soon as it is copied. Holds the
/// hierarchy's edges while a national network is contracted.
/// </summary>
internal sealed class BlockList<T>
    where T : unmanaged
{
    private const int BlockShift = 20;
    private const int BlockSize = 1 << BlockShift;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public void Add(T value)
    {
        var offset = Count & (BlockSize - 1);
        if (offset == 0)
        {
            _blocks.Add(new T[BlockSize]);
        }
        _blocks[^1][offset] = value;
        Count++;
    }

    /// <summary>The contents as one array; the list is empty afterwards.</summary>
    public T[] ToArrayReleasing()
    {
        var result = new T[Count];
        for (var b = 0; b < _blocks.Count; b++)
        {
            var start = b << BlockShift;
            _blocks[b].AsSpan(0, Math.Min(BlockSize, Count - start)).CopyTo(result.AsSpan(start));
            _blocks[b] = [];
        }
        _blocks.Clear();
        Count = 0;
        return result;
    }
}
