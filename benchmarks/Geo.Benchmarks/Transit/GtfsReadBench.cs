using BenchmarkDotNet.Attributes;
using Geo.Benchmarks.Routing;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Benchmarks.Transit;

/// <summary>GTFS load (both Isle of Wight feeds, zipped) and the timetable build for 2020-06-02.</summary>
[MemoryDiagnoser]
public class GtfsReadBench
{
    private GtfsSource[] _sources = [];
    private GtfsFeed _feed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sources =
        [
            new GtfsSource(BenchData.SharedData("isle-of-wight", "gtfs", "iow-bus-gtfs.zip")),
            new GtfsSource(BenchData.SharedData("isle-of-wight", "gtfs", "iow-rail-gtfs.zip")),
        ];
        _feed = GtfsReader.Read(_sources, new IssueLog());
    }

    [Benchmark(Baseline = true)]
    public GtfsFeed ReadIsleOfWightFeeds() => GtfsReader.Read(_sources, new IssueLog());

    [Benchmark]
    public Timetable BuildTimetable20200602() => TimetableBuilder.Build(_feed, new DateOnly(2020, 6, 2), new IssueLog());
}
