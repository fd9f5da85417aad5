using Geo.Core;
using Geo.Routing.Tests.TestSupport;
using NUnit.Framework;

namespace Geo.Routing.Tests.Streets;

[TestFixture]
public sealed class AtomicFolderTests
{
    [Test]
    public void Commit_ReplacesWholeFolder_OldOnlyFilesGone_CarriedCacheKept()
    {
        using var root = new TempFolder();
        var target = root.File("results");
        Directory.CreateDirectory(Path.Combine(target, "network"));
        File.WriteAllText(Path.Combine(target, "old-only.csv"), "old");
        File.WriteAllText(Path.Combine(target, "network", "streets.geonet"), "cache");
        using (var folder = AtomicFolder.Begin(target, "network"))
        {
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "network", "streets.geonet")), Is.EqualTo("cache"));
            File.WriteAllText(Path.Combine(folder.Path, "new.csv"), "new");
            Assert.That(File.Exists(Path.Combine(target, "old-only.csv")), Is.True, "the old folder is untouched until the commit");
            folder.Commit();
        }
        Assert.That(Directory.GetFileSystemEntries(target).Select(Path.GetFileName), Is.EquivalentTo(new[] { "new.csv", "network" }));
        Assert.That(File.ReadAllText(Path.Combine(target, "network", "streets.geonet")), Is.EqualTo("cache"));
        Assert.That(Directory.GetFileSystemEntries(root.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "results" }), "no temporary left");
    }

    [Test]
    public void Dispose_WithoutCommit_LeavesOldAndRemovesTempAndCreatedParents()
    {
        using var root = new TempFolder();
        var target = root.File("results");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "a.csv"), "old");
        using (var folder = AtomicFolder.Begin(target))
        {
            File.WriteAllText(Path.Combine(folder.Path, "a.csv"), "new");
        }
        Assert.That(File.ReadAllText(Path.Combine(target, "a.csv")), Is.EqualTo("old"));
        var deep = root.File("x/y/results");
        using (AtomicFolder.Begin(deep))
        {
            Assert.That(Directory.Exists(root.File("x/y")), Is.True);
        }
        Assert.That(Directory.Exists(root.File("x")), Is.False, "parents created for a failed run are removed");
        Assert.That(Directory.GetFileSystemEntries(root.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "results" }));
    }

    [Test]
    public void Begin_SweepsOrphansOfDeadProcessesOnly()
    {
        using var root = new TempFolder();
        var dead = Path.Combine(root.Path, TempNames.Prefix + "999999999-0badf00d-results");
        var alive = Path.Combine(root.Path, TempNames.Prefix + Environment.ProcessId + "-0badf00d-results");
        var deadFile = Path.Combine(root.Path, TempNames.Prefix + "999999998-0badf00d-x.csv");
        Directory.CreateDirectory(dead);
        Directory.CreateDirectory(alive);
        File.WriteAllText(deadFile, "partial");
        using (var folder = AtomicFolder.Begin(root.File("results")))
        {
            folder.Commit();
        }
        Assert.That(Directory.Exists(dead), Is.False);
        Assert.That(File.Exists(deadFile), Is.False);
        Assert.That(Directory.Exists(alive), Is.True, "a live process's temporary is not touched");
    }

    [Test]
    public void Begin_TargetIsAFile_OutputException()
    {
        using var root = new TempFolder();
        File.WriteAllText(root.File("results"), "a file");
        Assert.Throws<OutputException>(() => AtomicFolder.Begin(root.File("results")).Dispose());
        Assert.Throws<OutputException>(() => AtomicFolder.Begin(root.File("results/sub")).Dispose());
    }

    [Test]
    public void AtomicFile_TargetIsAFolder_OutputException()
    {
        using var root = new TempFolder();
        Directory.CreateDirectory(root.File("out.csv"));
        Assert.Throws<OutputException>(() => AtomicFile.WriteAllText(root.File("out.csv"), "x"));
        Assert.That(Directory.GetFileSystemEntries(root.Path), Has.Length.EqualTo(1), "no temporary left");
    }
}
