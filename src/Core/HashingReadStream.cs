using System.Security.Cryptography;

namespace Geo.Core;

/// <summary>A read-only stream that feeds every byte read through it into a SHA-256, so a file is parsed and checked in one pass.</summary>
internal sealed class HashingReadStream(Stream inner) : ForwardReadStream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override long Length => inner.Length;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _sha.AppendData(buffer[..read]);
        ReadSoFar += read;
        return read;
    }

    /// <summary>Reads (and hashes) whatever the parser left, then returns the hash of everything read.</summary>
    public byte[] DrainAndHash()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0)
        {
        }
        return _sha.GetHashAndReset();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
