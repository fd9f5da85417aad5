using Geo.Routing.Contraction;
using Geo.Routing.Tests.Matrices;
using NUnit.Framework;

namespace Geo.Routing.Tests.Contraction;

[TestFixture]
public sealed class ContractedGraphCacheTests
{
    [Test]
    public void CachePath_BesideNetwork()
    {
        Assert.That(ContractedGraphCache.CachePath("/data/region.geonet", "car", "off_peak"), Is.EqualTo("/data/region.geonet.car.off_peak.ch"));
        Assert.That(ContractedGraphCache.CachePath("r.geonet", "car", "am_peak", "speeds-ab12"), Is.EqualTo("r.geonet.car.am_peak.speeds-ab12.ch"));
    }

    [Test]
    public void InputHash_DependsOnDurationsAndDescription()
    {
        var a = TestGraphs.Grid(10, 10, 1);
        var b = TestGraphs.Grid(10, 10, 2);
        Assert.That(ContractedGraphCache.InputHash(TestGraphs.Grid(10, 10, 1), "x"), Is.EqualTo(ContractedGraphCache.InputHash(a, "x")));
        Assert.That(ContractedGraphCache.InputHash(a, "x"), Is.Not.EqualTo(ContractedGraphCache.InputHash(a, "y")));
        Assert.That(ContractedGraphCache.InputHash(a, "x"), Is.Not.EqualTo(ContractedGraphCache.InputHash(b, "x")));
    }

    [Test]
    public void GetOrBuild_FileCache_WrittenThenLoadedThenRebuiltWhenHashDiffers()
    {
        var path = Path.Combine(Path.GetTempPath(), "geo-chc-" + Guid.NewGuid().ToString("N") + ".ch");
        try
        {
            var built = ContractedGraphCache.GetOrBuild(TestGraphs.Grid(12, 12, 1), "h1", path, null, out var fromCache);
            Assert.That(fromCache, Is.False);
            Assert.That(ContractedGraph.IsCachedFor(path, "h1"), Is.True);

            // A new graph instance with the same content: not in memory, so it comes from the file.
            var loaded = ContractedGraphCache.GetOrBuild(TestGraphs.Grid(12, 12, 1), "h1", path, null, out fromCache);
            Assert.That(fromCache, Is.True);
            Assert.That(loaded.UpWeight, Is.EqualTo(built.UpWeight));

            ContractedGraphCache.GetOrBuild(TestGraphs.Grid(12, 12, 1), "h2", path, null, out fromCache);
            Assert.That(fromCache, Is.False);
            Assert.That(ContractedGraph.IsCachedFor(path, "h2"), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void GetOrBuild_SameGraphInstance_ReturnsSameHierarchyFromMemory()
    {
        var graph = TestGraphs.Grid(8, 8, 1);
        var first = ContractedGraphCache.GetOrBuild(graph, "m", null, null, out _);
        var second = ContractedGraphCache.GetOrBuild(graph, "m", null, null, out var fromCache);
        Assert.That(second, Is.SameAs(first));
        Assert.That(fromCache, Is.True);
    }
}
