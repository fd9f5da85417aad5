namespace Geo.Core;

/// <summary>An output cannot be written (path is a folder or a file where a folder is needed, read-only, disk full); exit 4.</summary>
public sealed class OutputException(string path, string problem, Exception? inner = null) : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;

    /// <summary>ENOSPC (Linux 28) or ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL (Windows 112 / 39).</summary>
    public static bool IsDiskFull(IOException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var code = ex.HResult & 0xFFFF;
        return code is 28 or 112 or 39;
    }
}
