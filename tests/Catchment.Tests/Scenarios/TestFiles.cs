using NUnit.Framework;

namespace Geo.Catchment.Tests.Scenarios;

/// <summary>Temporary folders for test inputs and outputs, and the shared real data (never copied into the repo).</summary>
internal static class TestFiles
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above the test directory");
    }

    /// <summary>Path to shared data; ignores the test when absent.</summary>
    public static string SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Ignore("shared data not found: " + path);
        }
        return path;
    }

    public static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "geo-appraisal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }
}
