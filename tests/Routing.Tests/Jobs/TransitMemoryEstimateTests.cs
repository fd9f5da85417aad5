using Geo.Routing.Jobs;
using Geo.Routing.Output;
using Geo.Routing.Transit.Gtfs;
using NUnit.Framework;

namespace Geo.Routing.Tests.Jobs;

/// <summary>A transit matrix whose timetable cannot fit is refused before any work, with the estimate and how to split it.</summary>
[TestFixture]
public sealed class TransitMemoryEstimateTests
{
    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "geo-gtfs-estimate-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    /// <summary>A feed folder whose tables have the given sizes (sparse files: only their length is read).</summary>
    private string Feed(long stopTimesBytes, long stopsBytes)
    {
        var feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        foreach (var (name, bytes) in (ReadOnlySpan<(string, long)>)[("stop_times.txt", stopTimesBytes), ("stops.txt", stopsBytes), ("trips.txt", 1000)])
        {
            using var f = new FileStream(Path.Combine(feed, name), FileMode.Create);
            f.SetLength(bytes);
        }
        return feed;
    }

    private static MatrixJob Job(string gtfs, int origins) => new()
    {
        Mode = MatrixMode.Transit,
        NetworkPath = "none.geonet",
        Origins = Enumerable.Range(0, origins).Select(i => new MatrixPoint("o" + i, default)).ToArray(),
        Destinations = Enumerable.Range(0, 200).Select(i => new MatrixPoint("d" + i, default)).ToArray(),
        Transit = new TransitOptions { Gtfs = [gtfs], Date = new DateOnly(2024, 3, 5) },
    };

    [Test]
    public void EstimateBytes_FromTableSizes()
    {
        var feed = Feed(stopTimesBytes: 40_000, stopsBytes: 4_000);
        Assert.That(GtfsMemory.EstimateBytes(feed), Is.EqualTo((1_000L * GtfsMemory.BytesPerStopTime) + (100L * GtfsMemory.BytesPerStop) + 4_000));
        Assert.That(GtfsMemory.EstimateBytes(Path.Combine(_folder, "absent.zip")), Is.Zero, "a missing feed is the reader's error to report");
    }

    [Test]
    public void Estimate_NationalTimetableTooLarge_RefusedNamingTheTimetableAndARegionalFeed()
    {
        var sixteenGb = 16L << 30;
        var job = Job(Feed(stopTimesBytes: 12L << 30, stopsBytes: 20L << 20), origins: 35_672);
        Assert.That(MatrixMemory.TimetableBytes(job), Is.GreaterThan(sixteenGb));
        var estimate = MatrixMemory.Estimate(job, wholeTable: false, sixteenGb);
        Assert.That(estimate.Fits, Is.False);
        Assert.That(estimate.Message, Does.Contain("35,672 x 200").And.Contain("timetable about").And.Contain("regional GTFS feed"));
        var ex = Assert.Throws<MatrixTooLargeException>(() => MatrixPipeline.Run(job, new MatrixCollector()));
        Assert.That(ex!.Message, Does.Contain("regional GTFS feed"), "refused before the (missing) network is opened");
    }

    [Test]
    public void Estimate_NationalTimetableThatFits_Accepted()
    {
        // the scale-1 generated feed: 1,134 MiB of stop_times.txt, 321,048 stops
        var job = Job(Feed(stopTimesBytes: 1_134L << 20, stopsBytes: 321_048L * 40), origins: 35_672);
        var estimate = MatrixMemory.Estimate(job, wholeTable: false, 16L << 30);
        Assert.That(estimate.Fits, Is.True, estimate.Message);
    }
}
