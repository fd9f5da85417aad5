namespace Geo.Routing.Output;

/// <summary>A growable UTF-8 byte buffer that CSV rows are formatted into (no string per cell); written out whole.</summary>
internal sealed class Utf8RowBuffer(int capacity)
{
    private byte[] _bytes = new byte[Math.Max(capacity, 256)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops the bytes after the first <paramref name="length"/>.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        Length = length;
    }

    public void WriteTo(Stream stream)
    {
        stream.Write(_bytes, 0, Length);
        Length = 0;
    }

    public void Append(byte value)
    {
        Reserve(1);
        _bytes[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>A number as <see cref="MatrixNumberFormat"/> writes it; nothing for NaN (an empty field).</summary>
    public void AppendNumber(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        Reserve(32);
        Length += MatrixNumberFormat.Write(value, decimals, _bytes.AsSpan(Length));
    }

    private void Reserve(int bytes)
    {
        if (Length + bytes > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + bytes));
        }
    }
}
