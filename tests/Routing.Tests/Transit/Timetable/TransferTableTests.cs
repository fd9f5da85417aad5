using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;
using NUnit.Framework;

namespace Geo.Routing.Tests.Transit.Timetable;

[TestFixture]
public sealed class TransferTableTests
{
    [Test]
    public void Build_KnownRules_FastestWalkThenTransfersTxt()
    {
        // walks 0->1 (90 and 60 s: 60 kept), 1->0 (60), 0->2 (30), 2->0 (30); rules: 0->1 type 2 of 120 s (raises it),
        // 1->0 type 3 (removed), 2->1 type 2 of 45 s (added), 0->0 type 2 of 20 s (minimum change at stop 0)
        var feed = Feed(3,
            new GtfsTransfer(0, 1, 2, 120),
            new GtfsTransfer(1, 0, 3, 0),
            new GtfsTransfer(2, 1, 2, 45),
            new GtfsTransfer(0, 0, 2, 20));
        var table = TransferTable.Build(feed,
        [
            new Footpath(0, 1, 90), new Footpath(0, 1, 60), new Footpath(1, 0, 60), new Footpath(0, 2, 30), new Footpath(2, 0, 30),
            new Footpath(1, 1, 5), new Footpath(0, 7, 5), new Footpath(2, 1, -1),
        ]);

        Assert.That(Rows(table), Is.EqualTo(new[] { (0, 1, 120), (0, 2, 30), (2, 0, 30), (2, 1, 45) }));
        Assert.That(table.MinChangeSeconds, Is.EqualTo(new[] { 20, 0, 0 }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Build_RandomFootpathsAndRules_SameAsDictionaryReference(int seed)
    {
        // many pairs of stop numbers whose from ^ to collide (the Dictionary<long, int> reference's weakness), with
        // duplicate walks, invalid rows and transfers.txt rules in every order
        var random = new Random(seed);
        const int Stops = 300;
        var footpaths = new List<Footpath>();
        for (var i = 0; i < 20_000; i++)
        {
            footpaths.Add(new Footpath(random.Next(Stops), random.Next(Stops), random.Next(-2, 600)));
        }
        var rules = new List<GtfsTransfer>();
        for (var i = 0; i < 3_000; i++)
        {
            var from = random.Next(Stops);
            var to = random.Next(10) == 0 ? from : random.Next(Stops);
            rules.Add(new GtfsTransfer(from, to, random.Next(4), random.Next(0, 900)));
        }
        var feed = Feed(Stops, [.. rules]);

        var table = TransferTable.Build(feed, footpaths);
        var (reference, minChange) = Reference(feed, footpaths);

        Assert.That(Rows(table), Is.EqualTo(reference));
        Assert.That(table.MinChangeSeconds, Is.EqualTo(minChange));
        Assert.That(reference, Has.Count.GreaterThan(10_000));
    }

    /// <summary>The previous implementation: fastest walk per pair in a dictionary, then transfers.txt in file order.</summary>
    private static (List<(int, int, int)> Rows, int[] MinChange) Reference(GtfsFeed feed, List<Footpath> footpaths)
    {
        var n = feed.Stops.Count;
        var best = new Dictionary<long, int>();
        foreach (var f in footpaths)
        {
            if (f.FromStop == f.ToStop || (uint)f.FromStop >= (uint)n || (uint)f.ToStop >= (uint)n || f.DurationSeconds < 0)
            {
                continue;
            }
            var key = ((long)f.FromStop << 32) | (uint)f.ToStop;
            if (!best.TryGetValue(key, out var d) || f.DurationSeconds < d)
            {
                best[key] = f.DurationSeconds;
            }
        }
        var minChange = new int[n];
        foreach (var t in feed.Transfers)
        {
            if (t.FromStop == t.ToStop)
            {
                if (t.TransferType == 2)
                {
                    minChange[t.FromStop] = Math.Max(minChange[t.FromStop], t.MinTransferSeconds);
                }
                continue;
            }
            var key = ((long)t.FromStop << 32) | (uint)t.ToStop;
            if (t.TransferType == 3)
            {
                best.Remove(key);
            }
            else if (t.TransferType == 2)
            {
                best[key] = best.TryGetValue(key, out var d) ? Math.Max(d, t.MinTransferSeconds) : t.MinTransferSeconds;
            }
        }
        var rows = best.Select(kv => ((int)(kv.Key >> 32), (int)(kv.Key & 0xFFFF_FFFF), kv.Value)).Order().ToList();
        return (rows, minChange);
    }

    private static List<(int, int, int)> Rows(TransferTable table)
    {
        var rows = new List<(int, int, int)>();
        for (var s = 0; s < table.StopCount; s++)
        {
            for (var e = table.FirstTransfer[s]; e < table.FirstTransfer[s + 1]; e++)
            {
                rows.Add((s, table.TransferTarget[e], table.TransferDurationSeconds[e]));
            }
        }
        return rows;
    }

    private static GtfsFeed Feed(int stops, params GtfsTransfer[] transfers) => new()
    {
        Feeds = [],
        Agencies = [],
        Stops = [.. Enumerable.Range(0, stops).Select(s => new GtfsStop("f:" + s, "Stop " + s, 50, -1, 0))],
        Routes = [],
        Trips = [],
        ServiceIds = [],
        Calendars = [],
        CalendarDates = [],
        Frequencies = [],
        Transfers = transfers,
        FareAttributes = [],
        FareRules = [],
        TripStopTimeOffsets = [0],
        StopTimeStop = [],
        StopTimeArrivalSeconds = [],
        StopTimeDepartureSeconds = [],
        StopTimeFlags = [],
    };
}
