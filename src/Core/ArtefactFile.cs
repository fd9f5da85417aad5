using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Geo.Core;

/// <summary>
/// The envelope shared by every binary artefact Geo writes (street network, contraction hierarchies): a fixed 96-byte header
/// then the payload. Header: 8-byte magic naming the kind, int32 envelope version, int32 payload format version, the
/// 32-byte SHA-256 of the input the artefact was built from, int64 payload length, the 32-byte SHA-256 of the payload and
/// an 8-byte check of the header itself. <see cref="OpenVerified"/> checks all of it before a single payload byte is
/// parsed; <see cref="ReadVerified"/> checks the header first and the payload's hash as it parses, before it returns anything.
/// Either way a damaged, truncated, stale or foreign file is refused (and a cache rebuilt), never used.
/// The payload layout is the owner's business; this type never looks inside it.
/// </summary>
public static class ArtefactFile
{
    public const int EnvelopeVersion = 1;
    public const int HashBytes = 32;
    public const int HeaderBytes = 8 + 4 + 4 + HashBytes + 8 + HashBytes + 8;
    private const int PayloadHashOffset = 8 + 4 + 4 + HashBytes + 8;
    private const int HeaderCheckOffset = PayloadHashOffset + HashBytes;

    /// <summary>Writes an artefact through a temporary file: header placeholder, payload, then the header with its hashes.</summary>
    public static void Write(string path, ArtefactKind kind, ReadOnlySpan<byte> inputHash, Action<Stream> writePayload)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(writePayload);
        if (inputHash.Length != HashBytes)
        {
            throw new ArgumentException($"the input hash must be {HashBytes} bytes", nameof(inputHash));
        }
        var input = inputHash.ToArray();
        AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[HeaderBytes]);
            using (var hashing = new HashingWriteStream(stream))
            {
                writePayload(hashing);
                hashing.Flush();
                var header = BuildHeader(kind, input, hashing.Written, hashing.Hash());
                stream.Flush();
                stream.Seek(0, SeekOrigin.Begin);
                stream.Write(header);
                stream.Seek(0, SeekOrigin.End);
            }
        });
    }

    /// <summary>
    /// Opens the payload of a verified artefact (a read-only stream of exactly the payload) or throws <see cref="ArtefactException"/>
    /// saying why it cannot be used. <paramref name="expectedInputHash"/> null accepts any input (the caller checks).
    /// </summary>
    public static Stream OpenVerified(string path, ArtefactKind kind, ReadOnlySpan<byte> expectedInputHash, out byte[] inputHash)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var stream = OpenFile(path);
        try
        {
            inputHash = Verify(stream, kind, expectedInputHash, out var payloadLength);
            stream.Seek(HeaderBytes, SeekOrigin.Begin);
            return new BoundedReadStream(stream, payloadLength);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArtefactException("not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArtefactException("cannot be read: " + ex.Message);
        }
    }

    /// <summary>
    /// Parses the payload of an artefact in one pass, hashing it as it is read (half the reading of <see cref="OpenVerified"/>,
    /// which hashes the whole file before parsing it). The header is checked before <paramref name="parse"/> sees a byte, and
    /// the result is returned only once the whole payload's SHA-256 matches: a damaged file throws <see cref="ArtefactException"/>
    /// ("is damaged") even when parsing failed on the damage first, so no unverified value leaves this method. An intact
    /// payload's parsing errors are rethrown as they were.
    /// </summary>
    public static T ReadVerified<T>(string path, ArtefactKind kind, ReadOnlySpan<byte> expectedInputHash, Func<Stream, T> parse, out byte[] inputHash)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(parse);
        using var stream = OpenFile(path);
        var header = ReadHeader(stream, kind, expectedInputHash, out var payloadLength);
        inputHash = header.AsSpan(16, HashBytes).ToArray();
        using var hashing = new HashingReadStream(new BoundedReadStream(stream, payloadLength));
        T result;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            result = parse(hashing);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Damage first: the payload is checked before any parsing error is reported (a read error recurs below).
            failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            result = default!;
        }
        if (!hashing.DrainAndHash().AsSpan().SequenceEqual(header.AsSpan(PayloadHashOffset, HashBytes)))
        {
            throw new ArtefactException("is damaged (content checksum mismatch)");
        }
        failure?.Throw();
        return result;
    }

    /// <summary>The input hash stored in the header, or null when the file is missing or its header is not valid for <paramref name="kind"/>.</summary>
    public static byte[]? ReadInputHash(string path, ArtefactKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, HeaderBytes);
            var header = new byte[HeaderBytes];
            stream.ReadExactly(header);
            return CheckHeader(header, kind, stream.Length, out _) is null ? header.AsSpan(16, HashBytes).ToArray() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of a text key (e.g. a description and array hashes) as an input hash.</summary>
    public static byte[] HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Reads and checks the header (kind, versions, header check, length, input hash); leaves the stream at the payload.</summary>
    private static byte[] ReadHeader(FileStream stream, ArtefactKind kind, ReadOnlySpan<byte> expectedInputHash, out long payloadLength)
    {
        var header = new byte[HeaderBytes];
        if (stream.Length < HeaderBytes)
        {
            throw new ArtefactException("is truncated (shorter than its header)");
        }
        stream.ReadExactly(header);
        var problem = CheckHeader(header, kind, stream.Length, out payloadLength);
        if (problem is not null)
        {
            throw new ArtefactException(problem);
        }
        if (!expectedInputHash.IsEmpty && !header.AsSpan(16, HashBytes).SequenceEqual(expectedInputHash))
        {
            throw new ArtefactException("was built from other input", isStale: true);
        }
        return header;
    }

    private static byte[] Verify(FileStream stream, ArtefactKind kind, ReadOnlySpan<byte> expectedInputHash, out long payloadLength)
    {
        var header = ReadHeader(stream, kind, expectedInputHash, out payloadLength);
        var input = header.AsSpan(16, HashBytes);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        if (!sha.GetHashAndReset().AsSpan().SequenceEqual(header.AsSpan(PayloadHashOffset, HashBytes)))
        {
            throw new ArtefactException("is damaged (content checksum mismatch)");
        }
        return input.ToArray();
    }

    /// <summary>Null when the header is valid for <paramref name="kind"/> and a file of <paramref name="fileLength"/> bytes; else the problem.</summary>
    private static string? CheckHeader(byte[] header, ArtefactKind kind, long fileLength, out long payloadLength)
    {
        payloadLength = 0;
        if (!header.AsSpan(0, 8).SequenceEqual(kind.MagicBytes))
        {
            return $"is not a {kind.Description} file";
        }
        var envelope = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        var format = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        if (envelope != EnvelopeVersion || format != kind.FormatVersion)
        {
            return $"has format version {envelope}.{format}; this build reads {EnvelopeVersion}.{kind.FormatVersion}";
        }
        if (BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(HeaderCheckOffset)) != HeaderCheck(header.AsSpan(0, HeaderCheckOffset)))
        {
            return "has a damaged header";
        }
        payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16 + HashBytes));
        if (payloadLength < 0 || payloadLength != fileLength - HeaderBytes)
        {
            return "is truncated or has trailing data";
        }
        return null;
    }

    private static byte[] BuildHeader(ArtefactKind kind, byte[] inputHash, long payloadLength, byte[] payloadHash)
    {
        var header = new byte[HeaderBytes];
        kind.MagicBytes.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), EnvelopeVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), kind.FormatVersion);
        inputHash.CopyTo(header, 16);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16 + HashBytes), payloadLength);
        payloadHash.CopyTo(header, PayloadHashOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(HeaderCheckOffset), HeaderCheck(header.AsSpan(0, HeaderCheckOffset)));
        return header;
    }

    /// <summary>First 8 bytes of the SHA-256 of the header fields: a flipped bit in the length or version is caught before it is used.</summary>
    private static ulong HeaderCheck(ReadOnlySpan<byte> fields) => BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(fields));

    /// <summary>Hashes what passes through to the file.</summary>
    private sealed class HashingWriteStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Written { get; private set; }

        public byte[] Hash() => _sha.GetHashAndReset();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _sha.AppendData(buffer);
            inner.Write(buffer);
            Written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _sha.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
