using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Multimodal;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Transit;
using Geo.Routing.Tests.Transit.Raptor;
using NUnit.Framework;

namespace Geo.Routing.Tests.Multimodal;

/// <summary>
/// The whole matrix pipeline against a slow reference on the Isle of Wight: walks by plain unbounded Dijkstra (egress by one
/// search per stop), per-minute earliest arrivals by <see cref="BruteForceTransit"/> from scratch for every minute (no range
/// reuse), then nearest-rank percentiles. Depart-at and arrive-by must match to the minute value exactly.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class TransitMatrixOracleTests
{
    private const int Unreached = int.MaxValue;
    private const double MaxWalkMinutes = 15;
    private const int MaxRides = 4;
    private const int MaxTripMinutes = 120;

    private static int Ceil(long ms) => (int)((ms + 999) / 1000);

    [TestCase(false)]
    [TestCase(true)]
    public void Compute_IsleOfWightSample_EqualsPerMinuteBruteForce(bool arriveBy)
    {
        var net = IsleOfWightNetwork.Get();
        var lsoas = IsleOfWightTransitMatrixTests.ReadPoints(TestData.SharedFile("isle-of-wight/lsoa/lsoa21_pwc_iow.csv"), "lon", "lat");
        var gps = IsleOfWightTransitMatrixTests.ReadPoints(TestData.SharedFile("isle-of-wight/sites/nhs_choices_2014_gp_iow.csv"), "Longitude", "Latitude");
        GeoPoint[] origins = [lsoas[0], lsoas[17], lsoas[40], lsoas[77]];
        var destinations = gps.Where((_, i) => i % 2 == 0).Take(10).ToArray();
        const int Window = 45;
        var request = new TransitMatrixRequest
        {
            Origins = origins,
            Destinations = destinations,
            WindowStartSeconds = 8 * 3600,
            WindowMinutes = Window,
            ArriveBySeconds = arriveBy ? 9 * 3600 : null,
            Percentiles = [10, 50, 90],
            MaxRides = MaxRides,
            MaxWalkMinutes = MaxWalkMinutes,
            MaxTripMinutes = MaxTripMinutes,
            JourneyDetails = false,
        };
        var result = TransitMatrixComputer.Compute(net, request);

        var maxWalkMs = (long)(MaxWalkMinutes * 60_000);
        var graph = net.WalkGraph;
        var space = new SearchSpace(graph.VertexCount);
        var oracle = new BruteForceTransit(net.Timetable.Feed, net.Transfers, net.Timetable.Date);
        var stops = net.Timetable.StopCount;

        // egress: one unbounded forward search per linked stop near a destination, stop -> destination
        var destSnaps = destinations.Select(d => net.Snap(d, request.MaxSnapMetres)).ToArray();
        var egress = destinations.Select(_ => new List<(int Stop, int Seconds)>()).ToArray();
        for (var s = 0; s < stops; s++)
        {
            var st = net.Timetable.Feed.Stops[s];
            var snap = net.StopSnaps[s];
            if (!snap.IsOk || !destinations.Any(d => GeoPoint.DistanceMetres(d, new GeoPoint(st.Lon, st.Lat)) < 2500))
            {
                continue;
            }
            Dijkstra.Run(graph, snap.Outbound, int.MaxValue / 4, space);
            for (var d = 0; d < destinations.Length; d++)
            {
                var ms = WalkTo(space, destSnaps[d], net.OffStreetMs(snap) + (long)net.OffStreetMs(destSnaps[d]));
                if (ms <= maxWalkMs)
                {
                    egress[d].Add((s, Ceil(ms)));
                }
            }
        }

        var transitOnly = 0;
        for (var o = 0; o < origins.Length; o++)
        {
            var osnap = net.Snap(origins[o], request.MaxSnapMetres);
            Assert.That(osnap.IsOk, Is.True);
            Dijkstra.Run(graph, osnap.Outbound, int.MaxValue / 4, space);
            var access = new List<(int, int)>();
            for (var s = 0; s < stops; s++)
            {
                if (net.StopSnaps[s].IsOk)
                {
                    var ms = WalkTo(space, net.StopSnaps[s], net.OffStreetMs(osnap) + (long)net.OffStreetMs(net.StopSnaps[s]));
                    if (ms <= maxWalkMs)
                    {
                        access.Add((s, Ceil(ms)));
                    }
                }
            }
            var direct = destSnaps.Select(ds =>
            {
                var ms = WalkTo(space, ds, net.OffStreetMs(osnap) + (long)net.OffStreetMs(ds));
                return ms <= maxWalkMs ? Ceil(ms) : Unreached;
            }).ToArray();

            // arrival at each destination for departures on every minute that matters
            var firstDeparture = arriveBy ? (9 * 3600) - ((Window - 1) * 60) - (MaxTripMinutes * 60) : 8 * 3600;
            var lastDeparture = arriveBy ? 9 * 3600 : (8 * 3600) + ((Window - 1) * 60);
            var arrivals = new Dictionary<int, int[]>();
            for (var t = firstDeparture; t <= lastDeparture; t += 60)
            {
                var vehicle = oracle.EarliestVehicleArrivals(access, t, MaxRides);
                arrivals[t] = egress.Select(list => list.Where(e => vehicle[e.Stop] != Unreached).Select(e => vehicle[e.Stop] + e.Seconds).DefaultIfEmpty(Unreached).Min()).ToArray();
            }
            for (var d = 0; d < destinations.Length; d++)
            {
                var times = new int[Window];
                for (var m = 0; m < Window; m++)
                {
                    int time;
                    if (!arriveBy)
                    {
                        var t = (8 * 3600) + (m * 60);
                        var a = arrivals[t][d];
                        time = Math.Min(direct[d], a == Unreached ? Unreached : a - t);
                    }
                    else
                    {
                        var deadline = (9 * 3600) - ((Window - 1 - m) * 60);
                        var latest = Unreached;
                        for (var t = deadline; t >= firstDeparture; t -= 60)
                        {
                            if (arrivals[t][d] <= deadline)
                            {
                                latest = t;
                                break;
                            }
                        }
                        time = Math.Min(direct[d], latest == Unreached ? Unreached : deadline - latest);
                    }
                    times[m] = time <= MaxTripMinutes * 60 ? time : Unreached;
                }
                Array.Sort(times);
                if (direct[d] == Unreached && times[Window / 2] != Unreached)
                {
                    transitOnly++;
                }
                for (var p = 0; p < request.Percentiles.Count; p++)
                {
                    var rank = Math.Clamp((int)Math.Ceiling(request.Percentiles[p] / 100.0 * Window) - 1, 0, Window - 1);
                    var expected = times[rank] == Unreached ? float.NaN : times[rank] / 60f;
                    Assert.That(result.MinutesAt(p, o, d), Is.EqualTo(expected), $"origin {o}, destination {d}, p{request.Percentiles[p]}");
                }
            }
        }
        Assert.That(transitOnly, Is.GreaterThan(10), "the sample must exercise transit, not only walking");
    }

    /// <summary>Walk (ms) from the last search's source to a snapped point via its inbound seeds, plus the off-street parts.</summary>
    private static long WalkTo(SearchSpace space, SnapResult to, long offStreetMs)
    {
        if (!to.IsOk)
        {
            return long.MaxValue;
        }
        var best = long.MaxValue;
        foreach (var seed in to.Inbound)
        {
            var v = space.DurationMs(seed.Vertex);
            if (v != TravelTime.Unreached)
            {
                best = Math.Min(best, (long)v + seed.DurationMs + offStreetMs);
            }
        }
        return best;
    }
}
