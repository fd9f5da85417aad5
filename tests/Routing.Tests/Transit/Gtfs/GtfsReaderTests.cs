using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using NUnit.Framework;

namespace Geo.Routing.Tests.Transit.Gtfs;

[TestFixture]
public sealed class GtfsReaderTests
{
    private static TestGtfsBuilder Basic() => new TestGtfsBuilder()
        .Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30).Stop("C", 50.72, -1.30)
        .Route("R1")
        .Calendar("S1")
        .TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B", "C");

    [Test]
    public void Read_MissingStopTimes_ThrowsNamingFile()
    {
        var dir = Basic().Override("stop_times.txt", null).Write();
        var ex = Assert.Throws<InputFileException>(() => GtfsReader.Read([new GtfsSource(dir)], new IssueLog()));
        Assert.That(ex!.File, Does.EndWith("stop_times.txt"));
        Assert.That(ex.Message, Does.Contain("stop_times.txt"));
    }

    [Test]
    public void Read_MissingRequiredColumn_ThrowsNamingColumnAndLine()
    {
        var dir = Basic().Override("stop_times.txt", "trip_id,arrival_time,stop_id,stop_sequence\nT1,08:00:00,A,1\n").Write();
        var ex = Assert.Throws<InputFileException>(() => GtfsReader.Read([new GtfsSource(dir)], new IssueLog()));
        Assert.That(ex!.Field, Is.EqualTo("departure_time"));
        Assert.That(ex.Line, Is.EqualTo(1));
        Assert.That(ex.Message, Does.Contain("stop_times.txt:1").And.Contain("departure_time"));
    }

    [Test]
    public void Read_BadTime_LogsBadTimeWithFileLineAndDropsTrip()
    {
        var dir = Basic().Override("stop_times.txt",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,08:00:00,08:00:00,A,1\nT1,8:xx:00,8:xx:00,B,2\nT1,08:10:00,08:10:00,C,3\n").Write();
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(dir)], log);
        var issue = log.Issues.Single(i => i.IssueCode == IssueCode.BadTime);
        Assert.That(issue.File, Does.EndWith("stop_times.txt"));
        Assert.That(issue.Line, Is.EqualTo(3));
        Assert.That(issue.Field, Is.EqualTo("arrival_time"));
        Assert.That(feed.StopTimeCount(0), Is.Zero, "the trip with a bad time is dropped");
    }

    [Test]
    public void Read_StopWithoutCoordinates_LogsIssueWithLine()
    {
        var dir = Basic().StopRaw("D", "", "-1.3").Write();
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(dir)], log);
        var issue = log.Issues.Single(i => i.IssueCode == IssueCode.StopWithoutCoordinates);
        Assert.That(issue.Line, Is.EqualTo(5));
        Assert.That(issue.EntityId, Is.EqualTo("D"));
        Assert.That(feed.Stops.Single(s => s.Id.EndsWith(":D", StringComparison.Ordinal)).HasCoordinates, Is.False);
    }

    [Test]
    public void Read_NonIncreasingTimes_LogsIssueAndDropsTrip()
    {
        var dir = Basic().Override("stop_times.txt",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,08:00:00,08:00:00,A,1\nT1,08:10:00,08:10:00,B,2\nT1,08:05:00,08:05:00,C,3\n").Write();
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(dir)], log);
        var issue = log.Issues.Single(i => i.IssueCode == IssueCode.NonIncreasingTimes);
        Assert.That(issue.Line, Is.EqualTo(4));
        Assert.That(feed.StopTimeCount(0), Is.Zero);
    }

    [Test]
    public void Read_UnknownStop_LogsIssue()
    {
        var dir = Basic().Override("stop_times.txt",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,08:00:00,08:00:00,A,1\nT1,08:10:00,08:10:00,ZZ,2\n").Write();
        var log = new IssueLog();
        GtfsReader.Read([new GtfsSource(dir)], log);
        Assert.That(log.Issues.Single(i => i.IssueCode == IssueCode.UnknownStop).Line, Is.EqualTo(3));
    }

    [Test]
    public void Read_StopTimesOutOfOrderAndQuotedEmptyTimes_SortsAndInterpolates()
    {
        var dir = Basic().Override("stop_times.txt",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT1,08:20:00,08:20:00,C,3\nT1,\"\",\"\",B,2\nT1,08:00:00,08:00:00,A,1\n").Write();
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(dir)], log);
        Assert.That(feed.StopTimeCount(0), Is.EqualTo(3));
        Assert.That(feed.StopTimeArrivalSeconds[1], Is.EqualTo((8 * 3600) + 600).Within(2), "B is half way between A and C");
        Assert.That(log.Count(IssueCode.InterpolatedTimes), Is.EqualTo(1));
    }

    [Test]
    public void Read_TwoFeeds_PrefixesIdsSoTheyDoNotClash()
    {
        var a = Basic().Write("feed-a");
        var b = Basic().Write("feed-b");
        var feed = GtfsReader.Read([new GtfsSource(a), new GtfsSource(b)], new IssueLog());
        Assert.That(feed.Stops, Has.Count.EqualTo(6));
        Assert.That(feed.Stops.Select(s => s.Id), Is.Unique);
        Assert.That(feed.Stops[0].Id, Is.EqualTo("feed-a:A"));
        Assert.That(feed.Stops[3].Id, Is.EqualTo("feed-b:A"));
        Assert.That(feed.StopTimeStop[feed.TripStopTimeOffsets[1]], Is.EqualTo(3));
    }

    [Test]
    public void IssueLog_ManyIssues_CapsStoredButCountsAll()
    {
        var log = new IssueLog(maxStoredPerCode: 3);
        for (var i = 0; i < 10; i++)
        {
            log.Add("f", i, null, null, IssueCode.BadTime, IssueSeverity.Error, "x");
        }
        Assert.That(log.Issues, Has.Count.EqualTo(3));
        Assert.That(log.Count(IssueCode.BadTime), Is.EqualTo(10));
        Assert.That(log.Summarise().Single().Count, Is.EqualTo(10));
    }

    [TestCase("25:10:00", 90600)]
    [TestCase("8:05:00", 29100)]
    [TestCase("00:00:00", 0)]
    public void GtfsTime_ValidText_Parses(string text, int seconds)
    {
        Assert.That(GtfsTime.TryParse(text, out var s), Is.True);
        Assert.That(s, Is.EqualTo(seconds));
    }

    [TestCase("8:xx:00")]
    [TestCase("08:60:00")]
    [TestCase("0800")]
    [TestCase("")]
    public void GtfsTime_BadText_Fails(string text) => Assert.That(GtfsTime.TryParse(text, out _), Is.False);

    [Test]
    public void Read_IsleOfWightFeeds_LoadsAllRowsWithTimesPastMidnight()
    {
        var bus = TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip");
        var rail = TestData.SharedFile("isle-of-wight/gtfs/iow-rail-gtfs.zip");
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(bus), new GtfsSource(rail)], log);
        Assert.That(feed.Stops, Has.Count.EqualTo(1068 + 8));
        Assert.That(feed.Trips, Has.Count.EqualTo(1259 + 193));
        Assert.That(feed.Agencies, Has.Count.EqualTo(4));
        Assert.That(feed.StopTimeStop, Has.Length.EqualTo(53187 + 1493));
        Assert.That(feed.StopTimeArrivalSeconds.Max(), Is.EqualTo((25 * 3600) + 600));
        Assert.That(feed.Feeds[0].FirstDate, Is.EqualTo(new DateOnly(2020, 5, 18)));
        Assert.That(feed.Feeds[0].LastDate, Is.EqualTo(new DateOnly(2020, 7, 19)));
        Assert.That(log.Summarise().Where(s => s.Severity == IssueSeverity.Error), Is.Empty);
        // SOURCES.md: stray agencies OId__TF (bus feed) and AW (rail feed) have no routes
        Assert.That(log.Issues.Where(i => i.IssueCode == IssueCode.AgencyWithoutRoutes).Select(i => i.EntityId), Is.EquivalentTo(new[] { "OId__TF", "AW" }));
    }
}
