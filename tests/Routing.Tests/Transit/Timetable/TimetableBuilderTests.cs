using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;
using TimetableModel = Geo.Routing.Transit.Timetable.Timetable;

namespace Geo.Routing.Tests.Transit.Timetable;

[TestFixture]
public sealed class TimetableBuilderTests
{
    internal static readonly DateOnly Tuesday = new(2020, 6, 2);

    internal static TimetableModel Build(TestGtfsBuilder b, DateOnly date, IssueLog? log = null)
    {
        log ??= new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(b.Write(), "t")], log);
        return TimetableBuilder.Build(feed, date, log);
    }

    private static TestGtfsBuilder Line() => new TestGtfsBuilder()
        .Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30).Stop("C", 50.72, -1.30)
        .Route("R1");

    private static List<string> TripIds(TimetableModel tt) => tt.TripGtfsIndex.Select(t => tt.Feed.Trips[t].Id).ToList();

    [Test]
    public void Build_DateOutsideCalendar_ThrowsWithCoveredRange()
    {
        var b = Line().Calendar("S1", start: "20200518", end: "20200719").TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B");
        var ex = Assert.Throws<ComputationException>(() => Build(b, new DateOnly(2021, 1, 5)));
        Assert.That(ex!.Message, Does.Contain("2021-01-05").And.Contain("2020-05-18 to 2020-07-19"));
    }

    [Test]
    public void Build_CalendarDatesRemoval_TripAbsent()
    {
        var b = Line().Calendar("S1").CalendarDate("S1", "20200602", 2).Calendar("S2")
            .TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B").TripAt("T2", "R1", "S2", 9 * 3600, 300, "A", "B");
        Assert.That(TripIds(Build(b, Tuesday)), Is.EqualTo(new[] { "t:T2" }));
        Assert.That(TripIds(Build(b, Tuesday.AddDays(1))), Is.EquivalentTo(new[] { "t:T1", "t:T2" }));
    }

    [Test]
    public void Build_CalendarDatesAddition_TripPresentOnlyThatDay()
    {
        var b = Line().Calendar("S1", days: "0000000").CalendarDate("S1", "20200602", 1).Calendar("S2")
            .TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B").TripAt("T2", "R1", "S2", 9 * 3600, 300, "A", "B");
        Assert.That(TripIds(Build(b, Tuesday)), Is.EquivalentTo(new[] { "t:T1", "t:T2" }));
        Assert.That(TripIds(Build(b, Tuesday.AddDays(1))), Is.EqualTo(new[] { "t:T2" }));
    }

    [Test]
    public void Build_WeekdayOnlyService_NotOnSunday()
    {
        var b = Line().Calendar("WK", days: "1111100").Calendar("ALL").TripAt("T1", "R1", "WK", 8 * 3600, 300, "A", "B").TripAt("T2", "R1", "ALL", 9 * 3600, 300, "A", "B");
        Assert.That(TripIds(Build(b, new DateOnly(2020, 6, 7))), Is.EqualTo(new[] { "t:T2" }));
    }

    [Test]
    public void Build_TripPastMidnight_AppearsNextDayShifted()
    {
        var b = Line().Calendar("S1", days: "0100000") // Tuesdays only
            .Calendar("S2")
            .Trip("T1", "R1", "S1", ("A", "24:50:00"), ("B", "25:10:00"))
            .TripAt("T2", "R1", "S2", 9 * 3600, 300, "A", "B");
        var tue = Build(b, Tuesday);
        var wed = Build(b, Tuesday.AddDays(1));
        Assert.That(TripIds(tue), Does.Contain("t:T1"));
        var idx = TripIds(wed).IndexOf("t:T1");
        Assert.That(idx, Is.GreaterThanOrEqualTo(0), "Tuesday's 25:10 trip runs in Wednesday's early hours");
        Assert.That(wed.TripDayOffsetSeconds[idx], Is.EqualTo(-86400));
        var p = Enumerable.Range(0, wed.PatternCount).Single(q => idx >= wed.PatternTripOffsets[q] && idx < wed.PatternTripOffsets[q + 1]);
        var n = wed.StopsInPattern(p);
        var at = wed.PatternTimeOffsets[p] + ((idx - wed.PatternTripOffsets[p]) * n);
        Assert.That(wed.Arrivals[at + 1], Is.EqualTo(4200), "25:10 on Tuesday is 01:10 on Wednesday");
    }

    [Test]
    public void Build_Frequencies_ExpandedToTripsOverTheirWindow()
    {
        var b = Line().Calendar("S1").TripAt("F1", "R1", "S1", 0, 300, "A", "B", "C").Frequency("F1", "06:00:00", "07:00:00", 600);
        var tt = Build(b, Tuesday);
        Assert.That(tt.TripInstanceCount, Is.EqualTo(6));
        var deps = Enumerable.Range(0, 6).Select(t => tt.Departures[tt.PatternTimeOffsets[0] + (t * 3)]).ToArray();
        Assert.That(deps, Is.EqualTo(new[] { 21600, 22200, 22800, 23400, 24000, 24600 }));
        Assert.That(tt.Arrivals[tt.PatternTimeOffsets[0] + 2], Is.EqualTo(21600 + 600));
    }

    [Test]
    public void Build_OvertakingTrips_SplitIntoFifoPatterns()
    {
        var b = Line().Calendar("S1")
            .Trip("SLOW", "R1", "S1", ("A", "08:00:00"), ("B", "08:30:00"), ("C", "09:00:00"))
            .Trip("FAST", "R1", "S1", ("A", "08:05:00"), ("B", "08:10:00"), ("C", "08:15:00"));
        var tt = Build(b, Tuesday);
        Assert.That(tt.PatternCount, Is.EqualTo(2));
        for (var p = 0; p < tt.PatternCount; p++)
        {
            var n = tt.StopsInPattern(p);
            for (var t = 1; t < tt.TripsInPattern(p); t++)
            {
                for (var i = 0; i < n; i++)
                {
                    Assert.That(tt.Departures[tt.PatternTimeOffsets[p] + (t * n) + i], Is.GreaterThanOrEqualTo(tt.Departures[tt.PatternTimeOffsets[p] + ((t - 1) * n) + i]));
                }
            }
        }
    }

    [Test]
    public void Build_IsleOfWight20200602_HasExpectedTripCounts()
    {
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip")), new GtfsSource(TestData.SharedFile("isle-of-wight/gtfs/iow-rail-gtfs.zip"))], log);
        var tt = TimetableBuilder.Build(feed, Tuesday, log);
        var today = tt.TripDayOffsetSeconds.Count(d => d == 0);
        // SOURCES.md: about 412-416 bus trips and 66 rail trips on such a day
        Assert.That(today, Is.InRange(412 + 66 - 10, 416 + 66 + 10));
        Assert.That(tt.StopPatterns, Is.Not.Empty);
    }
}
