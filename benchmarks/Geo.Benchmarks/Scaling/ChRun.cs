using System.Diagnostics;
using System.Globalization;
using Geo.Benchmarks.Routing;
using Geo.Core;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Scaling;

/// <summary>
/// Scripted (not BenchmarkDotNet) CH figures for one graph: build time, hierarchy edges, and the best of 5 runs of a
/// 1,000 x 1,000 many-to-many query. Used for before/after tables and graphs too large for BenchmarkDotNet's repetitions.
/// <c>dotnet run -c Release -- ch iow car [threads]</c>, <c>ch grid 1000000 [threads]</c> or <c>ch net region.geonet [threads] [mode]</c>.
/// </summary>
internal static class ChRun
{
    public static int Run(string[] args)
    {
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        ModeGraph graph;
        MatrixRequest request;
        var clock = Stopwatch.StartNew();
        if (args[0] == "iow")
        {
            var mode = Enum.Parse<TravelMode>(args[1], ignoreCase: true);
            var network = BenchData.IsleOfWight;
            graph = network.GetModeGraph(mode);
            request = new MatrixRequest
            {
                Sources = BenchData.RandomIslandSeeds(network, mode, graph, 1000, 1, outbound: true),
                Targets = BenchData.RandomIslandSeeds(network, mode, graph, 1000, 2, outbound: false),
            };
        }
        else if (args[0] == "verify")
        {
            // CH (from the cache beside a built .geonet) against plain Dijkstra on sources x targets random vertex pairs of the
            // graph of one mode (car unless given): ch verify region.geonet [sources] [targets] [mode]. Exit 1 on any difference
            // in duration or length.
            var sources = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
            var targets = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
            var mode = args.Length > 4 ? Enum.Parse<TravelMode>(args[4], ignoreCase: true) : TravelMode.Car;
            var network = StreetNetwork.Load(args[1], [mode]);
            graph = network.GetModeGraph(mode);
            var hierarchy = RoadMatrixComputer.Hierarchy(network, mode, TimeBand.OffPeak, null, graph,
                new RoadMatrixOptions { NetworkPath = args[1] }, out var fromCache);
            request = new MatrixRequest { Sources = BenchData.RandomVertexSeeds(graph, sources, 11), Targets = BenchData.RandomVertexSeeds(graph, targets, 12) };
            Console.WriteLine($"loaded in {clock.Elapsed.TotalSeconds:F1} s (hierarchy {(fromCache ? "from cache" : "contracted")})");
            clock.Restart();
            var byCh = new ManyToManyCh(hierarchy).Compute(request);
            var chSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var byDijkstra = DijkstraMatrix.Compute(graph, request);
            var differ = 0;
            var reached = 0;
            for (var i = 0; i < byCh.DurationMs.Length; i++)
            {
                differ += byCh.DurationMs[i] != byDijkstra.DurationMs[i] || byCh.LengthMm[i] != byDijkstra.LengthMm[i] ? 1 : 0;
                reached += byDijkstra.DurationMs[i] != TravelTime.Unreached ? 1 : 0;
            }
            Console.WriteLine($"CH vs Dijkstra: {byCh.DurationMs.Length:N0} pairs ({reached:N0} reachable), {differ:N0} differ; CH {chSeconds:F1} s, Dijkstra {clock.Elapsed.TotalSeconds:F1} s");
            return differ == 0 ? 0 : 1;
        }
        else if (args[0] == "net")
        {
            // A built .geonet (e.g. from geo sample --national + geo build-network --contract car): the hierarchy is loaded
            // from the cache file beside it when build-network made one, else contracted here.
            var mode = args.Length > 3 ? Enum.Parse<TravelMode>(args[3], ignoreCase: true) : TravelMode.Car;
            var network = StreetNetwork.Load(args[1], [mode]);   // only the queried mode's graph: England's three need ~8 GB
            graph = network.GetModeGraph(mode);
            Console.WriteLine($"load: {clock.Elapsed.TotalSeconds:F2} s");
            clock.Restart();
            var cached = RoadMatrixComputer.Hierarchy(network, mode, TimeBand.OffPeak, null, graph,
                new RoadMatrixOptions { NetworkPath = args[1] }, out var fromCache);
            Console.WriteLine($"hierarchy {(fromCache ? "loaded from cache" : "contracted")}: {clock.Elapsed.TotalSeconds:F2} s, {cached.EdgeCount:N0} edges");
            request = new MatrixRequest { Sources = BenchData.RandomVertexSeeds(graph, 1000, 1), Targets = BenchData.RandomVertexSeeds(graph, 1000, 2) };
            Query(cached, request);
            return 0;
        }
        else
        {
            graph = BenchData.RoadGrid(int.Parse(args[1], CultureInfo.InvariantCulture), 7);
            request = new MatrixRequest { Sources = BenchData.RandomVertexSeeds(graph, 1000, 1), Targets = BenchData.RandomVertexSeeds(graph, 1000, 2) };
        }
        Console.WriteLine($"graph: {graph.VertexCount:N0} vertices, {graph.EdgeCount:N0} edges, ready in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var ch = ContractionBuilder.Build(graph, new ContractionOptions { MaxDegreeOfParallelism = threads });
        var build = clock.Elapsed;
        Console.WriteLine($"contract: {build.TotalSeconds:F2} s on {threads} thread(s), {ch.EdgeCount:N0} hierarchy edges");
        Query(ch, request);
        return 0;
    }

    private static void Query(ContractedGraph ch, MatrixRequest request)
    {
        var clock = Stopwatch.StartNew();
        var best = double.MaxValue;
        var query = new ManyToManyCh(ch);
        for (var i = 0; i < 6; i++)
        {
            clock.Restart();
            query.Compute(request);
            if (i > 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
        }
        Console.WriteLine($"query 1000x1000: best of 5 {best:F1} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
    }
}
