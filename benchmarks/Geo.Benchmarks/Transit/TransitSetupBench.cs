using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Geo.Routing.Multimodal;

namespace Geo.Benchmarks.Transit;

/// <summary>Everything before routing: street network from PBF, GTFS read, timetable, stop linking and street transfers.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TransitSetupBench
{
    [Params("IsleOfWight89x10", "PortoAlegre1227x1227")]
    public string Case { get; set; } = "IsleOfWight89x10";

    [Benchmark]
    public TransitNetwork BuildLinkedNetwork() => TransitBenchData.Create(Case).Network;
}
