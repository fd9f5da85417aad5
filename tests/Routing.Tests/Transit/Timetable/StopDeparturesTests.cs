using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;
using TimetableModel = Geo.Routing.Transit.Timetable.Timetable;

namespace Geo.Routing.Tests.Transit.Timetable;

[TestFixture]
public sealed class StopDeparturesTests
{
    [Test]
    public void MarkPatternsBack_IsleOfWightRandomWindows_MarksExactlyThePatternsLeavingInTheWindow()
    {
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip"))], log);
        var tt = TimetableBuilder.Build(feed, TimetableBuilderTests.Tuesday, log);
        var departures = tt.StopDepartures;
        var brute = BoardingsByStop(tt);
        var rng = new Random(7);
        var words = (tt.PatternCount + 63) >> 6;
        var checkedWindows = 0;
        for (var q = 0; q < 2000; q++)
        {
            var stop = rng.Next(tt.StopCount);
            // a sweep's ready times at a stop only fall: start at a later time, then step back as range RAPTOR does
            var ready = (6 * 3600) + rng.Next(14 * 3600);
            var cursor = departures.FirstAtOrAfter(stop, ready);
            for (var step = 0; step < 5; step++)
            {
                var earlier = ready - rng.Next(1, 1800);
                var bits = new ulong[words];
                var any = departures.MarkPatternsBack(stop, earlier, ready, ref cursor, bits);
                var expected = brute[stop].Where(x => x.Seconds >= earlier && x.Seconds < ready).Select(x => x.Pattern).ToHashSet();
                var marked = Enumerable.Range(0, tt.PatternCount).Where(p => (bits[p >> 6] & (1UL << p)) != 0).ToHashSet();
                Assert.That(marked, Is.EquivalentTo(expected), $"stop {stop}, [{earlier}, {ready})");
                Assert.That(any, Is.EqualTo(expected.Count > 0));
                Assert.That(cursor, Is.EqualTo(departures.FirstAtOrAfter(stop, earlier)), "the cursor stands at the new ready time");
                checkedWindows += expected.Count > 0 ? 1 : 0;
                ready = earlier;
            }
        }
        Assert.That(checkedWindows, Is.GreaterThan(500), "many windows hold departures");
    }

    [Test]
    public void MarkPatternsBack_WindowEdges_FromIncludedBeforeExcluded()
    {
        var b = new TestGtfsBuilder()
            .Stop("A", 50.70, -1.30).Stop("B", 50.71, -1.30)
            .Route("R1").Calendar("S1")
            .TripAt("T1", "R1", "S1", 8 * 3600, 300, "A", "B")
            .TripAt("T2", "R1", "S1", (8 * 3600) + 1800, 300, "A", "B");
        var tt = TimetableBuilderTests.Build(b, TimetableBuilderTests.Tuesday);
        var a = Enumerable.Range(0, tt.StopCount).Single(s => tt.Feed.Stops[s].Id == "t:A");
        var d = tt.StopDepartures;
        var bits = new ulong[1];
        var cursor = d.FirstAtOrAfter(a, 9 * 3600);
        Assert.That(d.MarkPatternsBack(a, (8 * 3600) + 1801, 9 * 3600, ref cursor, bits), Is.False, "08:30:00 is before the window");
        Assert.That(d.MarkPatternsBack(a, (8 * 3600) + 1800, (8 * 3600) + 1801, ref cursor, bits), Is.True, "08:30:00 is its start");
        Assert.That(bits[0], Is.EqualTo(1UL));
        bits[0] = 0;
        Assert.That(d.MarkPatternsBack(a, (8 * 3600) + 1, (8 * 3600) + 1800, ref cursor, bits), Is.False, "08:30:00 is not before its end");
        Assert.That(d.MarkPatternsBack(a, 7 * 3600, (8 * 3600) + 1, ref cursor, bits), Is.True, "08:00:00");
        Assert.That(cursor, Is.EqualTo(d.FirstAtOrAfter(a, 0)));
    }

    /// <summary>(departure, pattern) of every boarding at each stop, straight from the timetable's arrays.</summary>
    private static List<(int Seconds, int Pattern)>[] BoardingsByStop(TimetableModel tt)
    {
        var result = Enumerable.Range(0, tt.StopCount).Select(_ => new List<(int, int)>()).ToArray();
        for (var p = 0; p < tt.PatternCount; p++)
        {
            var n = tt.StopsInPattern(p);
            for (var pos = 0; pos < n; pos++)
            {
                if ((tt.PatternStopFlags[tt.PatternStopOffsets[p] + pos] & GtfsFeed.PickupAllowed) == 0)
                {
                    continue;
                }
                for (var t = 0; t < tt.TripsInPattern(p); t++)
                {
                    result[tt.PatternStops[tt.PatternStopOffsets[p] + pos]].Add((tt.Departures[tt.PatternTimeOffsets[p] + (t * n) + pos], p));
                }
            }
        }
        return result;
    }
}
