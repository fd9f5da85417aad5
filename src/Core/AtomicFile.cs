namespace Geo.Core;

/// <summary>
/// Writes an output through a temporary file in the same folder and renames it into place,
/// so a failure never leaves a half-written result behind. The temporary name (<see cref="TempNames"/>) carries the pid, and
/// orphans of killed processes in the same folder are swept first.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        OutputFolder.Create(folder);
        TempNames.SweepOrphans(folder);
        var temp = TempNames.For(folder, Path.GetFileName(full));
        if (Directory.Exists(full))
        {
            throw new OutputException(full, "is a folder; give a file name");
        }
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            write(writer);
        });
    }

    public static void WriteAllText(string path, string text) => WriteText(path, w => w.Write(text));
}
