using NUnit.Framework;

namespace Geo.Routing.Tests.TestSupport;

/// <summary>Finds the repository root (the folder holding Geo.sln) and the shared real-data folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding Geo.sln, found by walking up from the test output folder.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>A path under &lt;repo root&gt;/../shared/data, e.g. SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf").</summary>
    public static string SharedData(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", "data", .. parts]));
    }

    /// <summary>Returns the path of a shared data file, or ignores the test when it is absent.</summary>
    public static string RequireSharedData(params string[] parts)
    {
        var path = SharedData(parts);
        if (!File.Exists(path))
        {
            Assert.Ignore("Real data not found: " + path);
        }
        return path;
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Geo.sln")))
            {
                return folder.FullName;
            }
            folder = folder.Parent;
        }
        throw new InvalidOperationException("Geo.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
