namespace Geo.Core;

/// <summary>
/// A file written in steps (e.g. a streamed matrix): the bytes go to a temporary file in the same folder and
/// <see cref="Commit"/> renames it into place; disposing without Commit deletes it, so a failure leaves nothing behind.
/// </summary>
public sealed class PendingFile : IDisposable
{
    private readonly string _temp;
    private FileStream? _stream;

    public PendingFile(string path)
    {
        FinalPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(FinalPath)!;
        Directory.CreateDirectory(folder);
        _temp = Path.Combine(folder, "." + Path.GetFileName(FinalPath) + "." + Environment.ProcessId + ".tmp");
        _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public string FinalPath { get; }

    public Stream Stream => _stream ?? throw new ObjectDisposedException(FinalPath);

    public void Commit()
    {
        var stream = _stream ?? throw new ObjectDisposedException(FinalPath);
        stream.Dispose();
        _stream = null;
        File.Move(_temp, FinalPath, overwrite: true);
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (File.Exists(_temp))
        {
            File.Delete(_temp);
        }
    }
}
