using System.Runtime.InteropServices;

namespace Geo.Core;

/// <summary>
/// A results folder written whole or not at all: everything goes into a temporary sibling (<see cref="TempNames"/>), and
/// <see cref="Commit"/> swaps it in (on Linux one atomic renameat2 RENAME_EXCHANGE; elsewhere rename old aside, rename new in),
/// then deletes the old one. A kill, a full disk or an error leaves the previous folder untouched and only a temporary that the
/// next run removes; files the new run does not write do not survive. Subfolders named as carried (caches such as
/// <c>network/</c>) are hard-linked (or copied) from the previous folder first, so caches survive without being shared.
/// </summary>
public sealed partial class AtomicFolder : IDisposable
{
    private bool _done;
    private string? _createdParent;

    private AtomicFolder(string target, string temp)
    {
        Target = target;
        Path = temp;
    }

    /// <summary>The final folder.</summary>
    public string Target { get; }

    /// <summary>The temporary folder to write into.</summary>
    public string Path { get; }

    /// <summary>Starts a new version of <paramref name="target"/>, sweeping orphans of killed runs in its parent first.</summary>
    public static AtomicFolder Begin(string target, params string[] carried)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(carried);
        var full = System.IO.Path.GetFullPath(target);
        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(full));
        var parent = System.IO.Path.GetDirectoryName(System.IO.Path.TrimEndingDirectorySeparator(full));
        if (string.IsNullOrEmpty(name) || parent is null)
        {
            throw new OutputException(target, "cannot be replaced as a whole (it is a root folder); give a results folder such as results/");
        }
        full = System.IO.Path.Combine(parent, name);
        if (File.Exists(full))
        {
            throw new OutputException(target, "is a file, not a folder; give a folder path or remove the file");
        }
        var createdParent = FirstMissing(parent);
        OutputFolder.Create(parent);
        RestoreAsideVersion(parent, name, full);
        TempNames.SweepOrphans(parent);
        var temp = TempNames.For(parent, name);
        Directory.CreateDirectory(temp);
        var folder = new AtomicFolder(full, temp) { _createdParent = createdParent };
        try
        {
            foreach (var sub in carried)
            {
                LinkTree(System.IO.Path.Combine(full, sub), System.IO.Path.Combine(temp, sub));
            }
        }
        catch
        {
            folder.Dispose();
            throw;
        }
        return folder;
    }

    /// <summary>Swaps the temporary folder in as <see cref="Target"/> and deletes the previous version.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (!Directory.Exists(Target))
        {
            Directory.Move(Path, Target);
        }
        else if (!TryExchange(Path, Target))
        {
            // Not atomic: between the two moves the target is briefly absent, and the old version waits under a temporary name.
            var aside = TempNames.For(System.IO.Path.GetDirectoryName(Target)!, System.IO.Path.GetFileName(Target) + ".old");
            Directory.Move(Target, aside);
            Directory.Move(Path, Target);
            DeleteQuietly(aside);
            _done = true;
            return;
        }
        _done = true;
        DeleteQuietly(Path); // after the exchange it holds the previous version
    }

    /// <summary>
    /// Without <see cref="Commit"/>: deletes the temporary folder (the previous version stays as it was) and the parent folders
    /// <see cref="Begin"/> created, so a failed run leaves nothing behind.
    /// </summary>
    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            DeleteQuietly(Path);
            if (_createdParent is not null && Directory.Exists(_createdParent)
                && !Directory.EnumerateFiles(_createdParent, "*", SearchOption.AllDirectories).Any())
            {
                DeleteQuietly(_createdParent);
            }
        }
    }

    /// <summary>The outermost ancestor of <paramref name="folder"/> (or itself) that does not exist yet; null when it exists.</summary>
    private static string? FirstMissing(string folder)
    {
        string? missing = null;
        for (var current = folder; current is not null && !Directory.Exists(current) && !File.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing = current;
        }
        return missing;
    }

    /// <summary>
    /// Where renames are not atomic, a kill between "old aside" and "new in" leaves no target and the previous version under
    /// a temporary ".old" name: put it back before orphans are swept.
    /// </summary>
    private static void RestoreAsideVersion(string parent, string name, string full)
    {
        if (Directory.Exists(full))
        {
            return;
        }
        foreach (var aside in Directory.EnumerateDirectories(parent, TempNames.Prefix + "*-" + name + ".old"))
        {
            if (TempNames.OwnerOf(System.IO.Path.GetFileName(aside)) is { } pid && pid != Environment.ProcessId && !TempNames.IsAlive(pid))
            {
                Directory.Move(aside, full);
                return;
            }
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's sweep (its name carries our pid, which will be dead by then).
        }
    }

    /// <summary>Recreates the files under <paramref name="from"/> in <paramref name="to"/> as hard links (copies where links fail).</summary>
    private static void LinkTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var fileName = System.IO.Path.GetFileName(file);
            if (TempNames.IsTemp(fileName))
            {
                continue;
            }
            var target = System.IO.Path.Combine(to, fileName);
            if (!TryHardLink(file, target))
            {
                File.Copy(file, target);
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(from))
        {
            LinkTree(sub, System.IO.Path.Combine(to, System.IO.Path.GetFileName(sub)));
        }
    }

    private static bool TryHardLink(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }
        try
        {
            return Native.Link(existing, link) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return Native.RenameAt2(Native.AtFdCwd, a, Native.AtFdCwd, b, Native.RenameExchange) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static partial class Native
    {
        public const int AtFdCwd = -100;
        public const uint RenameExchange = 2;

        [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

        [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Link(string existing, string link);
    }
}
