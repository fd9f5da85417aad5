namespace Geo.Core;

/// <summary>Reads at most <c>length</c> bytes of an inner stream from its current position; disposes the inner stream.</summary>
internal sealed class BoundedReadStream(Stream inner, long length) : ForwardReadStream
{
    public override long Length => length;

    public override int Read(Span<byte> buffer)
    {
        var left = length - ReadSoFar;
        if (left <= 0)
        {
            return 0;
        }
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        ReadSoFar += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
