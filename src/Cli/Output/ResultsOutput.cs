using Geo.Core;

namespace Geo.Cli.Output;

/// <summary>
/// Writes a results folder (<c>geo run</c>, <c>geo appraise</c>) whole or not at all through <see cref="AtomicFolder"/>, after
/// refusing folders whose replacement would destroy something else: the current folder or one holding it, a folder holding an
/// input, or a non-empty folder that is not a Geo results folder (no summary.json).
/// </summary>
internal static class ResultsOutput
{
    /// <summary>The file that marks a folder as a Geo results folder (written by every appraisal).</summary>
    public const string Marker = "summary.json";

    /// <summary>
    /// Runs <paramref name="write"/> on a temporary folder and swaps it in as <paramref name="outFolder"/> when it returns.
    /// <paramref name="carried"/> subfolders (caches) are kept from the previous version; <paramref name="inputs"/> must not be
    /// inside the folder unless under a carried subfolder.
    /// </summary>
    public static T Write<T>(string outFolder, IReadOnlyList<string> carried, IEnumerable<string?> inputs, Func<string, T> write)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outFolder));
        Guard(outFolder, full, carried, inputs);
        using var folder = AtomicFolder.Begin(full, [.. carried]);
        var result = write(folder.Path);
        folder.Commit();
        return result;
    }

    /// <summary>A path written under the temporary folder, as it is after the swap.</summary>
    public static string Final(string path, string tempFolder, string outFolder)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.TrimEndingDirectorySeparator(Path.GetFullPath(tempFolder));
        return full.StartsWith(temp, StringComparison.Ordinal)
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(outFolder)) + full[temp.Length..]
            : path;
    }

    private static void Guard(string given, string full, IReadOnlyList<string> carried, IEnumerable<string?> inputs)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory.GetCurrentDirectory()));
        if (IsSameOrInside(cwd, full))
        {
            throw new OutputException(given, "is the current folder or holds it; geo replaces the whole results folder, so give a subfolder such as results/");
        }
        foreach (var input in inputs)
        {
            if (input is null)
            {
                continue;
            }
            var inputFull = Path.GetFullPath(input);
            if (IsSameOrInside(inputFull, full) && !carried.Any(c => IsSameOrInside(inputFull, Path.Combine(full, c))))
            {
                throw new OutputException(given, $"holds the input {input}; geo replaces the whole results folder, so give another --out folder");
            }
        }
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, Marker)))
        {
            throw new OutputException(given,
                $"is not empty and holds no {Marker}, so it is not a Geo results folder; geo replaces the whole results folder, so give a new or empty folder");
        }
    }

    private static bool IsSameOrInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal) || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
