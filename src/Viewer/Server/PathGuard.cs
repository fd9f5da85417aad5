namespace Geo.Viewer.Server;

/// <summary>Refuses request targets that could reach outside the results folder or the page's files.</summary>
public static class PathGuard
{
    private static readonly string[] Forbidden = ["..", "%2e", "%2f", "%5c", "\\", "%00", "//", ":"];

    /// <summary>True when the raw request path (before decoding) is safe: no dot segments, encoded dots/slashes/backslashes, NUL, drive letters.</summary>
    public static bool IsSafeRawPath(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        int q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string path = q >= 0 ? rawTarget[..q] : rawTarget;
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        foreach (string f in Forbidden)
        {
            if (path.Contains(f, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Resolves a relative file path inside <paramref name="root"/>; false for rooted paths, dot segments,
    /// backslashes or anything that resolves outside the folder.
    /// </summary>
    public static bool TryResolve(string root, string relative, out string fullPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        fullPath = string.Empty;
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Contains('\\', StringComparison.Ordinal)
            || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string segment in relative.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        string rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        string candidate = Path.GetFullPath(Path.Combine(rootFull, relative));
        if (!candidate.StartsWith(rootFull, StringComparison.Ordinal))
        {
            return false;
        }

        // A symbolic link inside the folder could point anywhere: refuse links on the way down.
        for (string? p = candidate; p is not null && p.Length >= rootFull.Length; p = Path.GetDirectoryName(p))
        {
            FileSystemInfo info = Directory.Exists(p) ? new DirectoryInfo(p) : new FileInfo(p);
            if (info.Exists && info.LinkTarget is not null)
            {
                return false;
            }
        }

        fullPath = candidate;
        return true;
    }

    /// <summary>
    /// True for paths never served even inside the results folder: any segment starting with '.' (dot files, and Geo's
    /// temporaries <c>.geo-tmp-*</c> of a run in progress) or ending in .tmp, .part or '~'.
    /// </summary>
    public static bool IsHiddenOrTemporary(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        foreach (string segment in relative.Split('/'))
        {
            if (segment.StartsWith('.') || segment.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
                || segment.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || segment.EndsWith('~'))
            {
                return true;
            }
        }

        return false;
    }
}
