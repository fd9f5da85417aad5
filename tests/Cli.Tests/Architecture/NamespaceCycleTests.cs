using System.Reflection;
using NUnit.Framework;

namespace Geo.Cli.Tests.Architecture;

/// <summary>No namespace of Geo depends on itself through others, and the project graph keeps the web server light.</summary>
[TestFixture]
public sealed class NamespaceCycleTests
{
    private static readonly Assembly[] GeoAssemblies =
    [
        typeof(Geo.Core.TravelTime).Assembly,
        typeof(Geo.Routing.Streets.StreetNetwork).Assembly,
        typeof(Geo.Catchment.Scenarios.Scenario).Assembly,
        typeof(Geo.Viewer.Results.ResultsFolder).Assembly,
        typeof(Geo.Samples.SampleGenerator).Assembly,
        typeof(Geo.Pipeline.RunPipeline).Assembly,
        typeof(Geo.RoutingServer.GeoRoutingServer).Assembly,
        typeof(Geo.Postgis.PostgisExporter).Assembly,
        typeof(Geo.Cluster.Jobs.MatrixJobSpec).Assembly,
        typeof(Geo.Cli.Commands.RunCommand).Assembly,
    ];

    /// <summary>Cycles that landed with work still in progress, each to be broken by its owner (then delete the entry).</summary>
    private static readonly string[][] KnownCycles = [];

    [Test]
    public void KnownCycles_StillExist_ElseDeleteTheirEntry()
    {
        var cycles = NamespaceGraph.Cycles(NamespaceGraph.Build(GeoAssemblies));
        foreach (var known in KnownCycles)
        {
            Assert.That(cycles.Any(c => c.SequenceEqual(known)), Is.True, "cycle broken, delete its KnownCycles entry: " + string.Join(" <-> ", known));
        }
    }

    [Test]
    public void GeoAssemblies_NamespaceGraph_HasNoCycles()
    {
        var edges = NamespaceGraph.Build(GeoAssemblies);
        var cycles = NamespaceGraph.Cycles(edges)
            .Where(c => !KnownCycles.Any(k => k.SequenceEqual(c)))
            .ToList();
        var report = cycles.Select(c => string.Join(" <-> ", c) + ":\n" + string.Join("\n",
            from a in c
            from b in c
            where edges.TryGetValue(a, out var t) && t.ContainsKey(b)
            select "    " + a + " -> " + b + " (" + edges[a][b] + ")"));
        Assert.That(cycles, Is.Empty, "namespace cycles:\n" + string.Join("\n", report));
    }

    [Test]
    public void Cycles_TwoNamespacesUsingEachOther_AreFound()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["A"] = new(StringComparer.Ordinal) { ["B"] = "" },
            ["B"] = new(StringComparer.Ordinal) { ["C"] = "" },
            ["C"] = new(StringComparer.Ordinal) { ["A"] = "" },
            ["D"] = new(StringComparer.Ordinal) { ["A"] = "" },
        };
        Assert.That(NamespaceGraph.Cycles(edges), Is.EqualTo(new[] { new[] { "A", "B", "C" } }));
    }

    [Test]
    public void NamespaceGraph_ReferenceThroughMethodBody_IsAnEdge()
    {
        // RunPipeline.Run calls ScenarioReader.Read only inside its body: the graph must see it.
        var edges = NamespaceGraph.Build(GeoAssemblies);
        Assert.That(edges["Geo.Pipeline"].Keys, Does.Contain("Geo.Catchment.Scenarios"));
        Assert.That(edges["Geo.Pipeline"].Keys, Does.Contain("Geo.Routing.Streets"));
    }

    [Test]
    public void Viewer_DependsOn_NeitherCatchmentNorSolversNorCharts()
    {
        var closure = ReferenceClosure(typeof(Geo.Viewer.Results.ResultsFolder).Assembly);
        Assert.That(closure, Does.Contain("Geo.Core").And.Contain("Geo.Routing"), "the closure walk itself works");
        Assert.That(closure, Has.None.EqualTo("Geo.Catchment"));
        Assert.That(closure, Has.None.StartsWith("Google.OrTools"));
        Assert.That(closure, Has.None.StartsWith("ScottPlot"));
    }

    /// <summary>Names of every assembly reachable through assembly references (framework assemblies included).</summary>
    private static SortedSet<string> ReferenceClosure(Assembly root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal) { root.GetName().Name! };
        var queue = new Queue<Assembly>([root]);
        while (queue.Count > 0)
        {
            foreach (var name in queue.Dequeue().GetReferencedAssemblies())
            {
                if (name.Name is { } n && seen.Add(n) && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft", StringComparison.Ordinal))
                {
                    queue.Enqueue(Assembly.Load(name));
                }
            }
        }
        return seen;
    }

    [Test]
    public void Core_References_NoOtherGeoAssembly()
    {
        var references = typeof(Geo.Core.TravelTime).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.That(references, Has.None.StartsWith("Geo."));
    }
}
