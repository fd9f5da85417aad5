using Geo.Core;

using Geo.Routing.Tests.Transit.Timetable;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Raptor;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;
using TimetableModel = Geo.Routing.Transit.Timetable.Timetable;

namespace Geo.Routing.Tests.Transit.Raptor;

[TestFixture]
public sealed class RangeRaptorTests
{
    private static readonly DateOnly Tuesday = TimetableBuilderTests.Tuesday;

    private static int StopIndex(TimetableModel tt, string id) => tt.Feed.Stops.ToList().FindIndex(s => s.Id == "t:" + id);

    private static TransferTable Transfers(TimetableModel tt, params Footpath[] footpaths) => TransferTable.Build(tt.Feed, footpaths);

    private static int Arrive(TimetableModel tt, TransferTable tr, string from, string to, int departure, int maxRides = 4)
    {
        var r = new RangeRaptor(tt, tr, maxRides);
        r.Run(departure, [new StopAccess(StopIndex(tt, from), 0)]);
        return r.EarliestArrival(StopIndex(tt, to));
    }

    [Test]
    public void RunDeparture_SingleRouteHeadway_MeanWaitIsHalfTheHeadway()
    {
        const int Headway = 600;
        var b = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.75, -1.30).Route("R1").Calendar("S1");
        for (var i = 0; i < 30; i++)
        {
            b.TripAt("T" + i, "R1", "S1", (6 * 3600) + (i * Headway), 300, "A", "B");
        }
        var tt = TimetableBuilderTests.Build(b, Tuesday);
        var tr = Transfers(tt);
        var raptor = new RangeRaptor(tt, tr, 4);
        raptor.Reset();
        var a = StopIndex(tt, "A");
        var bStop = StopIndex(tt, "B");
        long totalWait = 0;
        var n = 0;
        for (var t = (8 * 3600) - 1; t >= 7 * 3600; t--)
        {
            raptor.RunDeparture(t, [new StopAccess(a, 0)]);
            totalWait += raptor.EarliestArrival(bStop) - t - 300;
            n++;
        }
        Assert.That((double)totalWait / n, Is.EqualTo(Headway / 2.0).Within(1.0));
    }

    [Test]
    public void Run_ForcedInterchangeWithMinimumChangeTime_TakesNextConnection()
    {
        var b = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.75, -1.30).Stop("C", 50.80, -1.30)
            .Route("R1").Route("R2").Calendar("S1")
            .Trip("T1", "R1", "S1", ("A", "08:00:00"), ("B", "08:10:00"))
            .Trip("T2", "R2", "S1", ("B", "08:11:00"), ("C", "08:21:00"))
            .Trip("T3", "R2", "S1", ("B", "08:20:00"), ("C", "08:30:00"));
        var tt = TimetableBuilderTests.Build(b, Tuesday);
        Assert.That(Arrive(tt, Transfers(tt), "A", "C", 8 * 3600), Is.EqualTo((8 * 3600) + (21 * 60)));
        Assert.That(Arrive(tt, Transfers(tt), "A", "C", 8 * 3600, maxRides: 1), Is.EqualTo(TravelTime.Unreached));

        var withChange = TimetableBuilderTests.Build(b.Transfer("B", "B", 2, 120), Tuesday);
        Assert.That(Arrive(withChange, Transfers(withChange), "A", "C", 8 * 3600), Is.EqualTo((8 * 3600) + (30 * 60)));
    }

    [Test]
    public void Run_InterchangeByFootpath_AddsWalkTime()
    {
        var b = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.75, -1.30).Stop("B2", 50.7501, -1.30).Stop("C", 50.80, -1.30)
            .Route("R1").Route("R2").Calendar("S1")
            .Trip("T1", "R1", "S1", ("A", "08:00:00"), ("B", "08:10:00"))
            .Trip("T2", "R2", "S1", ("B2", "08:12:00"), ("C", "08:20:00"))
            .Trip("T3", "R2", "S1", ("B2", "08:15:00"), ("C", "08:25:00"))
            .Transfer("B", "B2", 2, 240);
        var tt = TimetableBuilderTests.Build(b, Tuesday);
        var tr = Transfers(tt, new Footpath(StopIndex(tt, "B"), StopIndex(tt, "B2"), 60));
        Assert.That(Arrive(tt, tr, "A", "C", 8 * 3600), Is.EqualTo((8 * 3600) + (25 * 60)), "transfers.txt 240 s beats the 60 s walk");
        var r = new RangeRaptor(tt, tr, 4);
        r.Run(8 * 3600, [new StopAccess(StopIndex(tt, "A"), 0)]);
        var legs = new List<JourneyLeg>();
        Assert.That(r.TryGetJourney(StopIndex(tt, "C"), legs), Is.True);
        Assert.That(legs.Select(l => l.Kind), Is.EqualTo(new[] { JourneyLegKind.Access, JourneyLegKind.Ride, JourneyLegKind.Transfer, JourneyLegKind.Ride }));
        Assert.That(legs[2].EndSeconds - legs[2].StartSeconds, Is.EqualTo(240));
        Assert.That(legs[3].StartSeconds, Is.EqualTo((8 * 3600) + (15 * 60)));
    }

    [Test]
    public void Run_TripAfterMidnight_ReachableNextServiceDay()
    {
        var b = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.75, -1.30).Route("R1").Calendar("S1", days: "0100000")
            .Trip("N1", "R1", "S1", ("A", "24:40:00"), ("B", "25:10:00"));
        var tue = TimetableBuilderTests.Build(b.Calendar("S2", days: "0010000").TripAt("X", "R1", "S2", 36000, 60, "A", "B"), Tuesday);
        Assert.That(Arrive(tue, Transfers(tue), "A", "B", 24 * 3600), Is.EqualTo((25 * 3600) + 600));
        var wed = TimetableBuilderTests.Build(b, Tuesday.AddDays(1));
        Assert.That(Arrive(wed, Transfers(wed), "A", "B", 0), Is.EqualTo(4200));
    }

    [Test]
    public void Run_FrequencyTrip_BoardsNextHeadwayDeparture()
    {
        var b = new TestGtfsBuilder().Stop("A", 50.70, -1.30).Stop("B", 50.75, -1.30).Route("R1").Calendar("S1")
            .TripAt("F", "R1", "S1", 0, 420, "A", "B").Frequency("F", "06:00:00", "07:00:00", 900, exact: 1);
        var tt = TimetableBuilderTests.Build(b, Tuesday);
        Assert.That(Arrive(tt, Transfers(tt), "A", "B", (6 * 3600) + 60), Is.EqualTo((6 * 3600) + 900 + 420));
        Assert.That(Arrive(tt, Transfers(tt), "A", "B", (6 * 3600) + (46 * 60)), Is.EqualTo(TravelTime.Unreached), "no departure at or after 07:00");
    }

    private static (GtfsFeed Feed, TimetableModel Tt, TransferTable Tr) IsleOfWight()
    {
        var log = new IssueLog();
        var feed = GtfsReader.Read([new GtfsSource(TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip")), new GtfsSource(TestData.SharedFile("isle-of-wight/gtfs/iow-rail-gtfs.zip"))], log);
        var tt = TimetableBuilder.Build(feed, Tuesday, log);
        var tr = TransferTable.Build(feed, TransferTable.StraightLineFootpaths(feed, 400, 1.33));
        return (feed, tt, tr);
    }

    [Test]
    [Category("Slow")]
    public void Run_IsleOfWightRandomQueries_EqualsBruteForce()
    {
        var (feed, tt, tr) = IsleOfWight();
        var oracle = new BruteForceTransit(feed, tr, Tuesday);
        var rng = new Random(20200602);
        const int MaxRides = 6;
        var raptor = new RangeRaptor(tt, tr, MaxRides);
        var served = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopPatternOffsets[s + 1] > tt.StopPatternOffsets[s]).ToArray();
        var reachedPairs = 0;
        var multiRide = 0;
        for (var q = 0; q < 500; q++)
        {
            var o = served[rng.Next(served.Length)];
            var dep = (5 * 3600) + rng.Next(18 * 3600);
            raptor.Run(dep, [new StopAccess(o, 0)]);
            var expected = oracle.EarliestArrivals(o, dep, MaxRides);
            // the destination of this query, plus every other stop as a free extra check
            var d = served[rng.Next(served.Length)];
            Assert.That(raptor.EarliestArrival(d), Is.EqualTo(expected[d]), $"query {q}: {feed.Stops[o].Id} -> {feed.Stops[d].Id} at {GtfsTime.Format(dep)}");
            for (var s = 0; s < tt.StopCount; s++)
            {
                if (raptor.EarliestArrival(s) != expected[s])
                {
                    Assert.Fail($"query {q}: {feed.Stops[o].Id} -> {feed.Stops[s].Id} at {GtfsTime.Format(dep)}: raptor {raptor.EarliestArrival(s)}, brute force {expected[s]}");
                }
            }
            if (expected[d] != int.MaxValue)
            {
                reachedPairs++;
                if (raptor.EarliestArrival(d, 1) > expected[d])
                {
                    multiRide++;
                }
            }
        }
        Assert.That(reachedPairs, Is.GreaterThan(250), "most random queries should reach their destination");
        Assert.That(multiRide, Is.GreaterThan(20), "the queries must exercise interchanges");
    }

    [Test]
    [Category("Slow")]
    public void RunDeparture_RangeOverAnHour_EqualsFreshRunEachMinute()
    {
        var (_, tt, tr) = IsleOfWight();
        var range = new RangeRaptor(tt, tr, 4);
        var fresh = new RangeRaptor(tt, tr, 4);
        // the matrix sweeps' setting: no footpaths after the last ride, same vehicle arrivals and journeys
        var lean = new RangeRaptor(tt, tr, 4, walkAfterLastRide: false);
        var legs = new List<JourneyLeg>();
        var leanLegs = new List<JourneyLeg>();
        var rng = new Random(7);
        var served = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopPatternOffsets[s + 1] > tt.StopPatternOffsets[s]).ToArray();
        for (var q = 0; q < 4; q++)
        {
            StopAccess[] access = [new StopAccess(served[rng.Next(served.Length)], 120), new StopAccess(served[rng.Next(served.Length)], 300)];
            range.Reset();
            lean.Reset();
            var previous = Enumerable.Repeat(TravelTime.Unreached, tt.StopCount).ToArray();
            for (var t = (8 * 3600) + (59 * 60); t >= 8 * 3600; t -= 60)
            {
                range.RunDeparture(t, access);
                lean.RunDeparture(t, access);
                fresh.Run(t, access);
                var improved = range.ImprovedVehicleStops.ToArray().ToHashSet();
                for (var s = 0; s < tt.StopCount; s++)
                {
                    Assert.That(improved.Contains(s), Is.EqualTo(range.BestVehicleArrival(s) < previous[s]), $"improved list, stop {s}");
                    previous[s] = range.BestVehicleArrival(s);
                    if (range.BestVehicleArrival(s) != fresh.BestVehicleArrival(s))
                    {
                        Assert.Fail($"origin set {q}, minute {GtfsTime.Format(t)}, stop {s}: range {range.BestVehicleArrival(s)} fresh {fresh.BestVehicleArrival(s)}");
                    }
                    CheckJourney(range, fresh, s, t, access, $"origin set {q}, minute {GtfsTime.Format(t)}, stop {s}");
                    range.TryGetJourney(s, legs);
                    lean.TryGetJourney(s, leanLegs);
                    if (lean.BestVehicleArrival(s) != range.BestVehicleArrival(s) || lean.EarliestArrival(s, 3) != range.EarliestArrival(s, 3) || !leanLegs.SequenceEqual(legs))
                    {
                        Assert.Fail($"origin set {q}, minute {GtfsTime.Format(t)}, stop {s}: without walks after the last ride {string.Join(" ", leanLegs)}, with {string.Join(" ", legs)}");
                    }
                }
            }
        }
    }

    [Test]
    [Category("Slow")]
    public void RollBackTo_RecordedRangeOverAnHour_RestoresEachMinutesLabelsAndJourneys()
    {
        // the breakdown reads each median journey from the sweep's state rolled back to its minute: every label and
        // journey after a roll-back must be the one the sweep held at the end of that step
        var (_, tt, tr) = IsleOfWight();
        var range = new RangeRaptor(tt, tr, 3);
        var rng = new Random(11);
        var served = Enumerable.Range(0, tt.StopCount).Where(s => tt.StopPatternOffsets[s + 1] > tt.StopPatternOffsets[s]).ToArray();
        StopAccess[] access = [new StopAccess(served[rng.Next(served.Length)], 60), new StopAccess(served[rng.Next(served.Length)], 420)];
        var snapshots = new List<string[]>();
        range.Reset(record: true);
        for (var t = (8 * 3600) + (59 * 60); t >= 8 * 3600; t -= 60)
        {
            range.RunDeparture(t, access, t + 5400);
            snapshots.Add(Snapshot(range, tt.StopCount));
        }
        Assert.That(range.RecordedSteps, Is.EqualTo(60));
        var journeys = snapshots[^1].Count(x => x.Contains("Ride", StringComparison.Ordinal));
        Assert.That(journeys, Is.GreaterThan(100), "the sweep reaches many stops by transit");
        Assert.That(snapshots[0], Is.Not.EqualTo(snapshots[^1]), "the state changes over the hour");
        // earliest minute first, as the breakdown visits them; skipping steps is allowed
        for (var step = 59; step >= 0; step -= step % 7 == 3 ? 2 : 1)
        {
            range.RollBackTo(step);
            Assert.That(range.RecordedSteps, Is.EqualTo(step + 1));
            var now = Snapshot(range, tt.StopCount);
            for (var s = 0; s < tt.StopCount; s++)
            {
                if (now[s] != snapshots[step][s])
                {
                    Assert.Fail($"step {step}, stop {s}: rolled back {now[s]}, recorded {snapshots[step][s]}");
                }
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => range.RollBackTo(1));
    }

    /// <summary>Every label the breakdown reads, per stop: ready and vehicle labels with back pointers by round, best vehicle arrival, the journey's legs.</summary>
    private static string[] Snapshot(RangeRaptor r, int stops)
    {
        var legs = new List<JourneyLeg>();
        var result = new string[stops];
        for (var s = 0; s < stops; s++)
        {
            var rounds = string.Join(",", Enumerable.Range(0, r.MaxRides + 1).Select(k => r.JourneyLabels(s, k)));
            r.TryGetJourney(s, legs);
            result[s] = $"{rounds} | {r.BestVehicleArrival(s)} | {string.Join(" ", legs)}";
        }
        return result;
    }

    /// <summary>
    /// The journey read from the range state (the breakdown's source) is a real one: legs in time order, leaving the
    /// origin no earlier than <paramref name="departure"/>, each access leg one of the given walks, arriving at the stop's
    /// best vehicle arrival, with as few rides as the fresh run's journey (equal arrivals: fewest rides, departing later
    /// is allowed).
    /// </summary>
    private static void CheckJourney(RangeRaptor range, RangeRaptor fresh, int stop, int departure, StopAccess[] access, string where)
    {
        var legs = new List<JourneyLeg>();
        var freshLegs = new List<JourneyLeg>();
        Assert.That(range.TryGetJourney(stop, legs), Is.EqualTo(fresh.TryGetJourney(stop, freshLegs)), where);
        if (legs.Count == 0)
        {
            return;
        }
        Assert.That(legs[0].Kind, Is.EqualTo(JourneyLegKind.Access), where);
        Assert.That(legs[0].StartSeconds, Is.GreaterThanOrEqualTo(departure), where);
        Assert.That(access.Any(a => a.Stop == legs[0].ToStop && a.DurationSeconds == legs[0].EndSeconds - legs[0].StartSeconds), Is.True, where + ": access leg is a given walk");
        for (var i = 1; i < legs.Count; i++)
        {
            Assert.That(legs[i].StartSeconds, Is.GreaterThanOrEqualTo(legs[i - 1].EndSeconds), where + ": legs in time order");
            Assert.That(legs[i].FromStop, Is.EqualTo(legs[i - 1].ToStop), where + ": legs connect");
        }
        Assert.That(legs[^1].EndSeconds, Is.EqualTo(range.BestVehicleArrival(stop)), where + ": arrives at the best vehicle arrival");
        Assert.That(legs.Count(l => l.Kind == JourneyLegKind.Ride), Is.EqualTo(freshLegs.Count(l => l.Kind == JourneyLegKind.Ride)), where + ": fewest rides");
    }
}
