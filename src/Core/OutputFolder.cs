namespace Geo.Core;

/// <summary>Creates output folders, turning "a file is in the way" into a plain <see cref="OutputException"/> (exit 4).</summary>
public static class OutputFolder
{
    public static void Create(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder))
        {
            throw new OutputException(folder, "is a file, not a folder; give a folder path or remove the file");
        }
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException ex) when (!OutputException.IsDiskFull(ex))
        {
            throw new OutputException(folder, "cannot create the folder (is part of the path a file?): " + ex.Message, ex);
        }
    }

    /// <summary>
    /// Fails early (exit 4) when <paramref name="folder"/> could not be created because a file is in the way, without
    /// creating anything: a run that fails later leaves no empty folder behind.
    /// </summary>
    public static void CheckCreatable(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        for (var current = Path.GetFullPath(folder); current is not null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                throw new OutputException(folder, $"cannot create the folder: {current} is a file");
            }
            if (Directory.Exists(current))
            {
                return;
            }
        }
    }
}
