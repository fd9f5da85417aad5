using BenchmarkDotNet.Attributes;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>
/// Scaling on synthetic road-like grids: CH build time and allocations, and a 1,000 x 1,000 many-to-many query.
/// Sizes come from the environment variable GEO_BENCH_GRID_SIZES (comma-separated vertex counts), default
/// 10000,100000,1000000,2000000, so the largest can be run separately with a shorter job.
/// </summary>
[MemoryDiagnoser]
public class GridScalingBench
{
    private ModeGraph _graph = null!;
    private ContractedGraph _ch = null!;
    private MatrixRequest _request = null!;

    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("GEO_BENCH_GRID_SIZES") ?? "10000,100000,1000000,2000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int Vertices { get; set; }

    [GlobalSetup(Target = nameof(BuildHierarchy))]
    public void SetupBuild() => _graph = BenchData.RoadGrid(Vertices, 7);

    [GlobalSetup(Target = nameof(Query1000x1000))]
    public void SetupQuery()
    {
        _graph = BenchData.RoadGrid(Vertices, 7);
        _ch = ContractionBuilder.Build(_graph);
        _request = new MatrixRequest
        {
            Sources = BenchData.RandomVertexSeeds(_graph, 1000, 1),
            Targets = BenchData.RandomVertexSeeds(_graph, 1000, 2),
        };
    }

    [Benchmark]
    public ContractedGraph BuildHierarchy() => ContractionBuilder.Build(_graph);

    [Benchmark]
    public TravelTimeMatrix Query1000x1000() => new ManyToManyCh(_ch).Compute(_request);
}
