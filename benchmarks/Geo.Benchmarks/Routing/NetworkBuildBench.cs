using BenchmarkDotNet.Attributes;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>
/// OSM PBF to street network (all three modes, islands pruned, restrictions applied), and loading the saved network file:
/// the first stage of every run.
/// </summary>
[MemoryDiagnoser]
public class NetworkBuildBench
{
    private string _pbf = "";
    private string _saved = "";

    [GlobalSetup]
    public void Setup()
    {
        _pbf = BenchData.SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf");
        _saved = Path.Combine(Path.GetTempPath(), "geo-bench-iow.geonet");
        StreetNetwork.BuildFromPbf(_pbf).Save(_saved);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_saved);

    [Benchmark]
    public StreetNetwork BuildFromPbf() => StreetNetwork.BuildFromPbf(_pbf);

    [Benchmark]
    public StreetNetwork Load() => StreetNetwork.Load(_saved);
}
