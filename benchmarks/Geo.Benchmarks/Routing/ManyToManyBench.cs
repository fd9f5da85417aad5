using BenchmarkDotNet.Attributes;
using Geo.Routing.Contraction;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>
/// Isle of Wight matrices: 89 LSOA population-weighted centroids x 24 GP sites, and 1,000 x 1,000 random island points,
/// by CH many-to-many against one plain Dijkstra per origin (the baseline), both parallel over origins on all cores.
/// </summary>
[MemoryDiagnoser]
public class ManyToManyBench
{
    private ModeGraph _graph = null!;
    private ContractedGraph _ch = null!;
    private MatrixRequest _request = null!;

    [Params(TravelMode.Car, TravelMode.Walk)]
    public TravelMode Mode { get; set; }

    [Params("89xGP", "1000x1000")]
    public string Size { get; set; } = "89xGP";

    [GlobalSetup]
    public void Setup()
    {
        var network = BenchData.IsleOfWight;
        _graph = network.GetModeGraph(Mode);
        _ch = ContractionBuilder.Build(_graph);
        if (Size == "89xGP")
        {
            var lsoas = BenchData.CsvPoints(BenchData.SharedData("isle-of-wight", "lsoa", "lsoa21_pwc_iow.csv"));
            var gps = BenchData.CsvPoints(BenchData.SharedData("isle-of-wight", "sites", "nhs_choices_2014_gp_iow.csv"));
            _request = new MatrixRequest
            {
                Sources = BenchData.Snap(network, Mode, _graph, lsoas, outbound: true),
                Targets = BenchData.Snap(network, Mode, _graph, gps, outbound: false),
            };
        }
        else
        {
            _request = new MatrixRequest
            {
                Sources = BenchData.RandomIslandSeeds(network, Mode, _graph, 1000, 1, outbound: true),
                Targets = BenchData.RandomIslandSeeds(network, Mode, _graph, 1000, 2, outbound: false),
            };
        }
    }

    [Benchmark(Baseline = true)]
    public TravelTimeMatrix DijkstraPerOrigin() => DijkstraMatrix.Compute(_graph, _request);

    [Benchmark]
    public TravelTimeMatrix ManyToManyCh() => new ManyToManyCh(_ch).Compute(_request);
}
