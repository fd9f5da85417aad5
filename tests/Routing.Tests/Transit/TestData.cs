using NUnit.Framework;

namespace Geo.Routing.Tests.Transit;

/// <summary>Locates shared data next to the repository (never copied into it).</summary>
internal static class TestData
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above the test directory.");
    }

    /// <summary>Path under ../shared/data, or Assert.Ignore when absent.</summary>
    public static string SharedFile(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Ignore($"shared data not found: {path}");
        }
        return path;
    }
}
