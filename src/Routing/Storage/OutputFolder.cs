namespace Geo.Routing.Storage;

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
}
