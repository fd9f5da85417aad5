namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// An append-only column in fixed chunks of 2^20 values: growing never copies or doubles what is held, so a table of
/// tens of millions of rows costs its size and no more, and <see cref="Release"/> frees it as soon as it is used up.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    private const int Shift = 20;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _chunks[index >> Shift][index & Mask];
        set => _chunks[index >> Shift][index & Mask] = value;
    }

    public void Add(T value)
    {
        if ((Count & Mask) == 0 && Count >> Shift == _chunks.Count)
        {
            _chunks.Add(new T[1 << Shift]);
        }
        _chunks[Count >> Shift][Count & Mask] = value;
        Count++;
    }

    /// <summary>Drops every value (the memory goes back to the GC).</summary>
    public void Release()
    {
        _chunks.Clear();
        _chunks.TrimExcess();
        Count = 0;
    }
}
