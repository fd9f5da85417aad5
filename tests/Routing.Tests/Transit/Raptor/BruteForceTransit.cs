using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Tests.Transit.Raptor;

/// <summary>
/// Reference earliest-arrival search, deliberately simple: straight from the GTFS stop times (no patterns, no sorting,
/// no binary search, no marking). For ride count k = 1..K it tries every trip running on the date, boards it at its
/// first stop where the traveller is ready (after k-1 rides) and pickup is allowed, and relaxes every later stop where
/// drop-off is allowed; then applies the same one-walk transfers and minimum change times as RAPTOR.
/// </summary>
internal sealed class BruteForceTransit
{
    private const int Inf = int.MaxValue;
    private readonly GtfsFeed _feed;
    private readonly TransferTable _transfers;
    private readonly List<(int Trip, int Shift)> _runs = [];

    public BruteForceTransit(GtfsFeed feed, TransferTable transfers, DateOnly date)
    {
        _feed = feed;
        _transfers = transfers;
        var today = ServiceCalendar.ActiveServices(feed, date);
        var yesterday = ServiceCalendar.ActiveServices(feed, date.AddDays(-1));
        for (var t = 0; t < feed.Trips.Count; t++)
        {
            if (feed.StopTimeCount(t) < 2)
            {
                continue;
            }
            var svc = feed.Trips[t].Service;
            if (today[svc])
            {
                _runs.Add((t, 0));
            }
            if (yesterday[svc])
            {
                _runs.Add((t, -86400));
            }
        }
    }

    /// <summary>Earliest arrival at every stop leaving <paramref name="origin"/> at <paramref name="departure"/> with at most <paramref name="maxRides"/> vehicles.</summary>
    public int[] EarliestArrivals(int origin, int departure, int maxRides)
        => Search([(origin, 0)], departure, maxRides, vehicleOnly: false);

    /// <summary>Earliest arrival by vehicle at every stop, reaching the access stops after their walk (seconds) from <paramref name="departure"/>.</summary>
    public int[] EarliestVehicleArrivals(IEnumerable<(int Stop, int Seconds)> access, int departure, int maxRides)
        => Search(access, departure, maxRides, vehicleOnly: true);

    private int[] Search(IEnumerable<(int Stop, int Seconds)> access, int departure, int maxRides, bool vehicleOnly)
    {
        var n = _feed.Stops.Count;
        var best = new int[n];
        Array.Fill(best, Inf);
        var vehicleBest = new int[n];
        Array.Fill(vehicleBest, Inf);
        var ready = new int[n];
        Array.Fill(ready, Inf);
        foreach (var (stop, seconds) in access)
        {
            ready[stop] = Math.Min(ready[stop], departure + seconds);
            best[stop] = Math.Min(best[stop], departure + seconds);
        }
        for (var k = 1; k <= maxRides; k++)
        {
            var vehicle = new int[n];
            Array.Fill(vehicle, Inf);
            foreach (var (trip, shift) in _runs)
            {
                var boarded = false;
                for (var x = _feed.TripStopTimeOffsets[trip]; x < _feed.TripStopTimeOffsets[trip + 1]; x++)
                {
                    var s = _feed.StopTimeStop[x];
                    var flags = _feed.StopTimeFlags[x];
                    if (boarded && (flags & GtfsFeed.DropOffAllowed) != 0)
                    {
                        vehicle[s] = Math.Min(vehicle[s], _feed.StopTimeArrivalSeconds[x] + shift);
                    }
                    if (!boarded && (flags & GtfsFeed.PickupAllowed) != 0 && ready[s] != Inf && ready[s] <= _feed.StopTimeDepartureSeconds[x] + shift)
                    {
                        boarded = true;
                    }
                }
            }
            var nextReady = new int[n];
            Array.Fill(nextReady, Inf);
            for (var s = 0; s < n; s++)
            {
                if (vehicle[s] == Inf)
                {
                    continue;
                }
                best[s] = Math.Min(best[s], vehicle[s]);
                vehicleBest[s] = Math.Min(vehicleBest[s], vehicle[s]);
                nextReady[s] = Math.Min(nextReady[s], vehicle[s] + _transfers.MinChangeSeconds[s]);
                for (var e = _transfers.FirstTransfer[s]; e < _transfers.FirstTransfer[s + 1]; e++)
                {
                    var u = _transfers.TransferTarget[e];
                    var t = vehicle[s] + _transfers.TransferDurationSeconds[e];
                    best[u] = Math.Min(best[u], t);
                    nextReady[u] = Math.Min(nextReady[u], t);
                }
            }
            ready = nextReady;
        }
        return vehicleOnly ? vehicleBest : best;
    }
}
