using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Raptor;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's path stage, for the median journey of each pair of one origin (per-worker state, reused): the destinations are
/// ordered by their median departure and the RAPTOR state at each departure gives the journey to each (best egress stop,
/// legs back to the access walk): access, wait, in-vehicle and transfer walk minutes, boardings, fare.
/// </summary>
internal sealed class JourneyBreakdown
{
    private const int Unreached = TravelTime.Unreached;
    private readonly TransitNetwork _network;
    private readonly EgressTable _egress;
    private readonly FareModel? _fares;
    private readonly int _maxTripSeconds;
    private readonly RangeRaptor _single;
    private readonly long[] _keys;
    /// <summary>The RAPTOR state journeys are read from: <see cref="_single"/>, or the sweep's during <see cref="FillFromSweep"/>.</summary>
    private RangeRaptor _state;
    private readonly List<JourneyLeg> _legs = [];
    private readonly FareRide[] _rides;
    private readonly RideTables? _rideTables;
    /// <summary>
    /// Per egress stop, the journey parts read from the current state (valid where <see cref="_memoGroup"/> matches):
    /// destinations whose best egress stop is the same at the same departure share the journey up to the egress walk
    /// (about a quarter of them in Porto Alegre).
    /// </summary>
    private readonly JourneyParts[] _memo;
    private readonly int[] _memoGroupOf;
    private int _memoGroup;

    /// <summary>A journey up to its last alighting: walk, ride and transfer seconds, boardings and fare (NaN without a fare model); Boardings -1 when it could not be read.</summary>
    private readonly record struct JourneyParts(int Access, int InVehicle, int TransferWalk, int Boardings, float Fare);

    public JourneyBreakdown(TransitNetwork network, EgressTable egress, RideTables? rideTables, int destinationCount, int maxRides, int maxTripSeconds, FareModel? fares)
    {
        _rideTables = rideTables;
        _network = network;
        _egress = egress;
        _fares = fares;
        _maxTripSeconds = maxTripSeconds;
        _single = new RangeRaptor(network.Timetable, network.Transfers, maxRides, walkAfterLastRide: false);
        _state = _single;
        _keys = new long[destinationCount];
        _rides = new FareRide[maxRides];
        _memo = new JourneyParts[network.Timetable.StopCount];
        _memoGroupOf = new int[network.Timetable.StopCount];
    }

    /// <summary>
    /// Depart-at: fills the breakdown of pairs <paramref name="pairBase"/> + d for the destinations whose median sample
    /// <paramref name="medianMinute"/>[d] is >= 0 (total seconds <paramref name="total"/>[d]), reading each journey from
    /// the departure sweep's own range-RAPTOR state at its minute: <paramref name="sweep"/> recorded its steps (minute
    /// <paramref name="samples"/> - 1 first), so the minutes are visited earliest first, each rolled back to from the
    /// final state by undoing the later steps' label writes (r5's path reconstruction, with no RAPTOR work at all).
    /// The state at a minute is the one the sweep took that minute's travel times from, so each journey arrives at the
    /// median. <see cref="FillBySingleRuns"/> is the reference it is tested against.
    /// </summary>
    public void FillFromSweep(RangeRaptor sweep, int[] direct, int[] medianMinute, int samples, int[] total, int pairBase, TransitMatrixResult r)
    {
        var keys = SortedKeys(medianMinute);
        _state = sweep;
        try
        {
            for (var start = 0; start < keys.Length;)
            {
                var minute = (int)(keys[start] >> 32);
                var end = start + 1;
                while (end < keys.Length && (int)(keys[end] >> 32) == minute)
                {
                    end++;
                }
                if (AnyNeedsRaptor(keys[start..end], direct, total))
                {
                    sweep.RollBackTo(samples - 1 - minute);
                }
                Emit(keys[start..end], direct, total, pairBase, r);
                start = end;
            }
        }
        finally
        {
            _state = _single;
        }
    }

    /// <summary>
    /// Fills the breakdown of pairs <paramref name="pairBase"/> + d for the destinations with a median journey, departing
    /// at <paramref name="departure"/>[d] seconds (-1: none) with total seconds <paramref name="total"/>[d]: one fresh
    /// RAPTOR run per distinct departure (arrive-by, whose departures are not the sweep's minutes, and the reference
    /// <see cref="FillFromRange"/> is tested against).
    /// </summary>
    public void FillBySingleRuns(List<StopAccess> access, int[] direct, int[] departure, int[] total, int pairBase, TransitMatrixResult r)
    {
        var keys = SortedKeys(departure);
        for (var group = 0; group < keys.Length;)
        {
            var start = (int)(keys[group] >> 32);
            var end = group;
            var latestArrival = start;
            for (; end < keys.Length && (int)(keys[end] >> 32) == start; end++)
            {
                latestArrival = Math.Max(latestArrival, start + total[(int)(keys[end] & 0xFFFF_FFFF)]);
            }
            if (AnyNeedsRaptor(keys[group..end], direct, total))
            {
                // pruned at the latest arrival any of them needs (exact: a journey arriving by then only passes through
                // labels no later than that)
                _single.Run(start, CollectionsMarshal.AsSpan(access), Math.Min(start + _maxTripSeconds, latestArrival));
            }
            Emit(keys[group..end], direct, total, pairBase, r);
            group = end;
        }
    }

    /// <summary>(value &lt;&lt; 32 | destination) for the destinations with a value >= 0, sorted; 64-bit, so no limit on the destination count.</summary>
    private Span<long> SortedKeys(int[] values)
    {
        var n = 0;
        for (var d = 0; d < values.Length; d++)
        {
            if (values[d] >= 0)
            {
                _keys[n++] = ((long)values[d] << 32) | (uint)d;
            }
        }
        var keys = _keys.AsSpan(0, n);
        keys.Sort();
        return keys;
    }

    /// <summary>Whether any of the group's median journeys uses a vehicle (walking all the way needs no RAPTOR state).</summary>
    private static bool AnyNeedsRaptor(Span<long> group, int[] direct, int[] total)
    {
        foreach (var key in group)
        {
            var d = (int)(key & 0xFFFF_FFFF);
            if (direct[d] != total[d])
            {
                return true;
            }
        }
        return false;
    }

    private void Emit(Span<long> group, int[] direct, int[] total, int pairBase, TransitMatrixResult r)
    {
        _memoGroup++; // a new state: no journey read yet
        foreach (var key in group)
        {
            var d = (int)(key & 0xFFFF_FFFF);
            var pair = pairBase + d;
            if (direct[d] == total[d])
            {
                // walking all the way: the walk is the access, no ride, no fare
                Write(r, pair, new JourneyParts(total[d], 0, 0, 0, _fares is null ? float.NaN : 0), egress: 0, total[d]);
                continue;
            }
            Journey(d, total[d], pair, r);
        }
    }

    private void Journey(int d, int total, int pair, TransitMatrixResult r)
    {
        // best egress stop (ties: first in the destination's stop list, which is sorted by stop index)
        var e = _egress;
        var bestStop = -1;
        var bestArrival = Unreached;
        var egress = 0;
        for (var k = e.DestStopOffsets[d]; k < e.DestStopOffsets[d + 1]; k++)
        {
            var s = e.DestStops[k];
            var t = _state.BestVehicleArrival(s);
            if (t != Unreached && t + e.DestStopSeconds[k] < bestArrival)
            {
                bestArrival = t + e.DestStopSeconds[k];
                bestStop = s;
                egress = e.DestStopSeconds[k];
            }
        }
        if (bestStop < 0)
        {
            return;
        }
        if (_memoGroupOf[bestStop] != _memoGroup)
        {
            _memoGroupOf[bestStop] = _memoGroup;
            _memo[bestStop] = ReadJourney(bestStop);
        }
        var parts = _memo[bestStop];
        if (parts.Boardings >= 0)
        {
            Write(r, pair, parts, egress, total);
        }
    }

    /// <summary>The breakdown of one pair: its journey's parts, the egress walk and, for the rest of the total, the wait.</summary>
    private static void Write(TransitMatrixResult r, int pair, JourneyParts parts, int egress, int total)
    {
        var wait = total - parts.Access - parts.InVehicle - parts.TransferWalk - egress;
        r.AccessWalkMinutes[pair] = parts.Access / 60f;
        r.InVehicleMinutes[pair] = parts.InVehicle / 60f;
        r.TransferWalkMinutes[pair] = parts.TransferWalk / 60f;
        r.EgressWalkMinutes[pair] = egress / 60f;
        r.WaitMinutes[pair] = Math.Max(0, wait) / 60f;
        r.Boardings[pair] = (sbyte)parts.Boardings;
        r.Fares[pair] = parts.Fare;
    }

    /// <summary>The parts of the journey alighting last at <paramref name="stop"/> in the current state.</summary>
    private JourneyParts ReadJourney(int stop)
    {
        if (!_state.TryGetJourney(stop, _legs))
        {
            return new JourneyParts(0, 0, 0, -1, float.NaN);
        }
        int access = 0, inVehicle = 0, transferWalk = 0, boardings = 0;
        var rides = _rides;
        foreach (var leg in _legs)
        {
            switch (leg.Kind)
            {
                case JourneyLegKind.Access:
                    access = leg.EndSeconds - leg.StartSeconds;
                    break;
                case JourneyLegKind.Ride:
                    inVehicle += leg.EndSeconds - leg.StartSeconds;
                    if (_rideTables is not null && boardings < rides.Length)
                    {
                        rides[boardings] = Ride(leg);
                    }
                    boardings++;
                    break;
                case JourneyLegKind.Transfer:
                    if (leg.FromStop != leg.ToStop)
                    {
                        transferWalk += leg.EndSeconds - leg.StartSeconds;
                    }
                    break;
            }
        }
        var fare = _fares is { } fares ? (float)fares.JourneyFare(rides.AsSpan(0, Math.Min(boardings, rides.Length))) : float.NaN;
        return new JourneyParts(access, inVehicle, transferWalk, boardings, fare);
    }

    private FareRide Ride(JourneyLeg leg)
    {
        var tt = _network.Timetable;
        var feed = tt.Feed;
        var gtfsTrip = tt.TripGtfsIndex[leg.Trip];
        var route = feed.Routes[feed.Trips[gtfsTrip].Route];
        var tables = _rideTables!;
        var agencyId = route.Agency >= 0 ? tables.AgencyIds[route.Agency] : "";
        // straight-line km along the trip's stops from boarding to alighting (segment lengths precomputed, summed in order)
        var segmentKm = tables.SegmentKm;
        var km = 0.0;
        var on = false;
        for (var x = feed.TripStopTimeOffsets[gtfsTrip]; x < feed.TripStopTimeOffsets[gtfsTrip + 1]; x++)
        {
            var s = feed.StopTimeStop[x];
            if (on)
            {
                km += segmentKm[x];
                if (s == leg.ToStop)
                {
                    break;
                }
            }
            else if (s == leg.FromStop)
            {
                on = true;
            }
        }
        return new FareRide(agencyId, route.RouteType, leg.StartSeconds, km);
    }
}
