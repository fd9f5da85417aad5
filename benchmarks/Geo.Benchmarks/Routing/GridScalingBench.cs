using BenchmarkDotNet.Attributes;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>Scaling on synthetic road-like grids: CH build time and memory, and a 1,000 x 1,000 many-to-many query.</summary>
[MemoryDiagnoser]
public class GridScalingBench
{
    private ModeGraph _graph = null!;
    private ContractedGraph _ch = null!;
    private MatrixRequest _request = null!;

    [Params(10_000, 100_000, 1_000_000, 2_000_000)]
    public int Vertices { get; set; }

    [GlobalSetup]
    public void Setup()
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
