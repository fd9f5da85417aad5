using BenchmarkDotNet.Attributes;
using Geo.Routing.Contraction;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>Contraction hierarchy build on the Isle of Wight graphs (single-threaded by design: deterministic order).</summary>
[MemoryDiagnoser]
public class ContractionBench
{
    private ModeGraph _graph = null!;

    [Params(TravelMode.Car, TravelMode.Walk, TravelMode.Cycle)]
    public TravelMode Mode { get; set; }

    [GlobalSetup]
    public void Setup() => _graph = BenchData.IsleOfWight.GetModeGraph(Mode);

    [Benchmark]
    public ContractedGraph Build() => ContractionBuilder.Build(_graph);
}
