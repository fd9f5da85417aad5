using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Geo.Benchmarks.Routing;
using Geo.Routing.Geometry;
using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Fares;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Benchmarks.Transit;

/// <summary>
/// Walk + transit matrices (access -> range RAPTOR over every departure minute -> egress -> percentiles), all cores:
/// <list type="bullet">
/// <item>IsleOfWight: 89 LSOA centroids x 10 sites (St Mary's + 9 GP practices), 2020-06-02 07:00-10:00 (180 minutes),
/// percentiles 25/50/75, max 4 rides, 20 min walk, median-journey breakdown and fares on.</item>
/// <item>PortoAlegre: r5r's benchmark, 1,227 x 1,227 hexgrid centroids, 2019-05-13 14:00 + 120 minutes, percentiles 5/25/50/75/95,
/// max walk 1,000 m (12.5 min at 4.8 km/h), max trip 120 min, max 3 rides (r5r's default), no breakdown (as r5r's travel_time_matrix).</item>
/// </list>
/// One-shot (cold start, one iteration) because a single PortoAlegre run is seconds long; the setup (street network, GTFS,
/// timetable, stop linking) is timed separately in <see cref="TransitSetupBench"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TransitMatrixBench
{
    private TransitNetwork _network = null!;
    private TransitMatrixRequest _request = null!;

    [Params("IsleOfWight89x10", "PortoAlegre1227x1227")]
    public string Case { get; set; } = "IsleOfWight89x10";

    [GlobalSetup]
    public void Setup() => (_network, _request) = TransitBenchData.Create(Case);

    [Benchmark]
    public TransitMatrixResult Compute() => TransitMatrixComputer.Compute(_network, _request);
}

/// <summary>Inputs shared by the transit benchmarks.</summary>
internal static class TransitBenchData
{
    public static (TransitNetwork Network, TransitMatrixRequest Request) Create(string name)
    {
        if (name == "IsleOfWight89x10")
        {
            var streets = StreetNetwork.BuildFromPbf(BenchData.SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf"));
            var feed = GtfsReader.Read(
            [
                new GtfsSource(BenchData.SharedData("isle-of-wight", "gtfs", "iow-bus-gtfs.zip")),
                new GtfsSource(BenchData.SharedData("isle-of-wight", "gtfs", "iow-rail-gtfs.zip")),
            ], new IssueLog());
            var network = TransitNetwork.Build(streets, TimetableBuilder.Build(feed, new DateOnly(2020, 6, 2), new IssueLog()));
            var lsoas = BenchData.CsvPoints(BenchData.SharedData("isle-of-wight", "lsoa", "lsoa21_pwc_iow.csv"));
            var sites = new List<GeoPoint> { new(-1.3017072677612305, 50.710243225097656) }; // St Mary's Hospital, Newport (R1F01)
            sites.AddRange(BenchData.CsvPoints(BenchData.SharedData("isle-of-wight", "sites", "nhs_choices_2014_gp_practices_iow.csv")));
            return (network, new TransitMatrixRequest
            {
                Origins = lsoas,
                Destinations = sites,
                WindowStartSeconds = 7 * 3600,
                WindowMinutes = 180,
                Percentiles = [25, 50, 75],
                MaxRides = 4,
                MaxWalkMinutes = 20,
                Fares = FareModel.Default,
            });
        }
        if (name == "PortoAlegre1227x1227")
        {
            var streets = StreetNetwork.BuildFromPbf(BenchData.SharedData("poa", "poa_osm.pbf"));
            var feed = GtfsReader.Read(
            [
                new GtfsSource(BenchData.SharedData("poa", "poa_eptc.zip")),
                new GtfsSource(BenchData.SharedData("poa", "poa_trensurb.zip")),
            ], new IssueLog());
            var network = TransitNetwork.Build(streets, TimetableBuilder.Build(feed, new DateOnly(2019, 5, 13), new IssueLog()));
            var grid = BenchData.CsvPoints(BenchData.SharedData("poa", "poa_hexgrid.csv"));
            return (network, new TransitMatrixRequest
            {
                Origins = grid,
                Destinations = grid,
                WindowStartSeconds = 14 * 3600,
                WindowMinutes = 120,
                Percentiles = [5, 25, 50, 75, 95],
                MaxRides = 3,
                MaxWalkMinutes = 12.5,
                MaxTripMinutes = 120,
                JourneyDetails = false,
            });
        }
        throw new ArgumentException("unknown case " + name, nameof(name));
    }
}
