using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;
using TimetableModel = Geo.Routing.Transit.Timetable.Timetable;

namespace Geo.Routing.Tests.Transit.Timetable;

/// <summary>
/// A feed read for one service date (<see cref="GtfsReader.Read(IReadOnlyList{GtfsSource}, IssueLog, DateOnly?)"/>)
/// keeps only that day's and the previous day's trips, and gives exactly the timetable the whole feed gives for that date.
/// </summary>
[TestFixture]
public sealed class OneDayFeedTests
{
    private static readonly DateOnly Tuesday = TimetableBuilderTests.Tuesday;

    private static void AssertSameTimetable(TimetableModel a, TimetableModel b)
    {
        Assert.That(a.PatternStopOffsets, Is.EqualTo(b.PatternStopOffsets));
        Assert.That(a.PatternStops, Is.EqualTo(b.PatternStops));
        Assert.That(a.PatternStopFlags, Is.EqualTo(b.PatternStopFlags));
        Assert.That(a.PatternRoute, Is.EqualTo(b.PatternRoute));
        Assert.That(a.PatternTripOffsets, Is.EqualTo(b.PatternTripOffsets));
        Assert.That(a.PatternTimeOffsets, Is.EqualTo(b.PatternTimeOffsets));
        Assert.That(a.Arrivals, Is.EqualTo(b.Arrivals));
        Assert.That(a.Departures, Is.EqualTo(b.Departures));
        Assert.That(a.TripGtfsIndex, Is.EqualTo(b.TripGtfsIndex));
        Assert.That(a.TripDayOffsetSeconds, Is.EqualTo(b.TripDayOffsetSeconds));
        Assert.That(a.StopPatternOffsets, Is.EqualTo(b.StopPatternOffsets));
        Assert.That(a.StopPatterns, Is.EqualTo(b.StopPatterns));
    }

    [Test]
    public void Read_ForADate_KeepsThatDayAndPreviousDayTripsOnly()
    {
        var dir = new TestGtfsBuilder()
            .Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30).Route("R1")
            .Calendar("TUE", days: "0100000").Calendar("MON", days: "1000000").Calendar("SUN", days: "0000001")
            .TripAt("T_TUE", "R1", "TUE", 8 * 3600, 300, "A", "B")
            .Trip("T_MON_LATE", "R1", "MON", ("A", "24:50:00"), ("B", "25:10:00"))
            .TripAt("T_SUN", "R1", "SUN", 8 * 3600, 300, "A", "B")
            .Write();
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(dir, "t")], log, Tuesday);
        Assert.That(feed.ServiceDate, Is.EqualTo(Tuesday));
        Assert.That(feed.Trips.Select(t => (t.Id, feed.StopTimeCount(feed.Trips.ToList().IndexOf(t)))),
            Is.EqualTo(new[] { ("t:T_TUE", 2), ("t:T_MON_LATE", 2), ("t:T_SUN", 0) }), "Sunday's trip is not held on a Tuesday");
        Assert.That(log.Issues.Where(i => i.IssueCode == IssueCode.TripWithTooFewStops), Is.Empty, "a trip of another day is not an issue");
        var whole = GtfsReader.Read([new GtfsSource(dir, "t")], new IssueLog());
        AssertSameTimetable(TimetableBuilder.Build(feed, Tuesday, new IssueLog()), TimetableBuilder.Build(whole, Tuesday, new IssueLog()));
    }

    [Test]
    public void Build_OneDayFeedForAnotherDate_Throws()
    {
        var dir = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30).Route("R1").Calendar("S1")
            .TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B").Write();
        var feed = GtfsReader.Read([new GtfsSource(dir, "t")], new IssueLog(), Tuesday);
        var ex = Assert.Throws<ArgumentException>(() => TimetableBuilder.Build(feed, Tuesday.AddDays(1), new IssueLog()));
        Assert.That(ex!.Message, Does.Contain("2020-06-02"));
    }

    [Test]
    public void Read_InterleavedUnsortedStopTimes_SortedByTripThenSequenceThenLine()
    {
        var dir = new TestGtfsBuilder()
            .Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30).Stop("C", 50.72, -1.30).Route("R1").Calendar("S1")
            .Trip("T1", "R1", "S1", ("A", "08:00:00"), ("B", "08:05:00"))
            .Trip("T2", "R1", "S1", ("A", "09:00:00"), ("B", "09:05:00"))
            .Override("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
                + "T2,09:10:00,09:10:00,C,30\nT1,08:05:00,08:05:00,B,2\nT2,09:00:00,09:00:00,A,10\n"
                + "T1,08:00:00,08:00:00,A,1\nT2,09:05:00,09:05:00,B,20\nT1,08:10:00,08:10:00,C,3\n")
            .Write();
        var feed = GtfsReader.Read([new GtfsSource(dir, "t")], new IssueLog(), Tuesday);
        Assert.That(feed.TripStopTimeOffsets, Is.EqualTo(new[] { 0, 3, 6 }));
        Assert.That(feed.StopTimeStop, Is.EqualTo(new[] { 0, 1, 2, 0, 1, 2 }));
        Assert.That(feed.StopTimeArrivalSeconds, Is.EqualTo(new[] { 28800, 29100, 29400, 32400, 32700, 33000 }));
    }

    [Test]
    public void Read_IsleOfWightForTuesday_SameTimetableAsTheWholeFeed()
    {
        GtfsSource[] sources = [new(TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip")), new(TestData.SharedFile("isle-of-wight/gtfs/iow-rail-gtfs.zip"))];
        var whole = GtfsReader.Read(sources, new IssueLog());
        var oneDay = GtfsReader.Read(sources, new IssueLog(), Tuesday);
        Assert.That(oneDay.StopTimeStop, Has.Length.LessThan(whole.StopTimeStop.Length), "other days' trips are not held");
        AssertSameTimetable(TimetableBuilder.Build(oneDay, Tuesday, new IssueLog()), TimetableBuilder.Build(whole, Tuesday, new IssueLog()));
    }
}
