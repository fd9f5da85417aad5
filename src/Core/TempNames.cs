using System.Diagnostics;
using System.Globalization;

namespace Geo.Core;

/// <summary>
/// Names of Geo's temporary files and folders: <c>.geo-tmp-&lt;pid&gt;-&lt;random&gt;-&lt;name&gt;</c>, beside what they become.
/// The pid lets a later run recognise and delete the orphans of a killed run (<see cref="SweepOrphans"/>); the leading
/// dot keeps them out of the viewer and of folder listings.
/// </summary>
public static class TempNames
{
    public const string Prefix = ".geo-tmp-";

    /// <summary>A fresh temporary path in <paramref name="folder"/> for <paramref name="name"/>, owned by this process.</summary>
    public static string For(string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var random = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
        return Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}-{random}-{name}"));
    }

    /// <summary>True for a Geo temporary name (file or folder name only).</summary>
    public static bool IsTemp(string fileName) => fileName.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The owner pid encoded in a temporary name, or null when it is not one.</summary>
    public static int? OwnerOf(string fileName)
    {
        if (!IsTemp(fileName))
        {
            return null;
        }
        var rest = fileName.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Deletes the temporary files and folders in <paramref name="folder"/> whose owner process is gone; returns how many.</summary>
    public static int SweepOrphans(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, Prefix + "*"))
        {
            var owner = OwnerOf(Path.GetFileName(entry));
            if (owner is null || owner == Environment.ProcessId || IsAlive(owner.Value))
            {
                continue;
            }
            try
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another sweeper got there first, or it is not ours to delete: leave it.
            }
        }
        return removed;
    }

    /// <summary>True while process <paramref name="pid"/> runs.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
