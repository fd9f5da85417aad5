namespace Geo.Viewer.Tests.TestSupport;

internal static class RepoPaths
{
    /// <summary>Repository root: the first folder above the test binaries holding Geo.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    /// <summary>Path under ../shared/data next to the repository root.</summary>
    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
}
