using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Raptor;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's path stage, for the median journey of each pair of one origin (per-worker state, reused): the destinations are
/// ordered by their median departure and one single RAPTOR run per distinct departure reconstructs the journey to each
/// (best egress stop, legs back to the access walk): access, wait, in-vehicle and transfer walk minutes, boardings, fare.
/// Departure and destination are packed into one 64-bit sort key (no limit on the destination count).
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
    private readonly List<JourneyLeg> _legs = [];
    private readonly FareRide[] _rides;
    private readonly RideTables? _rideTables;

    public JourneyBreakdown(TransitNetwork network, EgressTable egress, RideTables? rideTables, int destinationCount, int maxRides, int maxTripSeconds, FareModel? fares)
    {
        _rideTables = rideTables;
        _network = network;
        _egress = egress;
        _fares = fares;
        _maxTripSeconds = maxTripSeconds;
        _single = new RangeRaptor(network.Timetable, network.Transfers, maxRides);
        _keys = new long[destinationCount];
        _rides = new FareRide[maxRides];
    }

    /// <summary>
    /// Fills the breakdown of pairs <paramref name="pairBase"/> + d for the destinations whose median sample is
    /// <paramref name="medianSample"/>[d] >= 0, departing at <paramref name="departure"/>[d] with total seconds <paramref name="total"/>[d].
    /// </summary>
    public void Fill(List<StopAccess> access, int[] direct, int[] medianSample, int[] departure, int[] total, int pairBase, TransitMatrixResult r)
    {
        var n = 0;
        for (var d = 0; d < medianSample.Length; d++)
        {
            if (medianSample[d] >= 0)
            {
                _keys[n++] = ((long)departure[d] << 32) | (uint)d;
            }
        }
        var keys = _keys.AsSpan(0, n);
        keys.Sort();
        for (var group = 0; group < n;)
        {
            // destinations sharing a departure: one RAPTOR run, pruned at the latest arrival any of them needs (exact: a
            // journey arriving by then only passes through labels no later than that)
            var start = (int)(keys[group] >> 32);
            var end = group;
            var latestArrival = start;
            var needsRun = false;
            for (; end < n && (int)(keys[end] >> 32) == start; end++)
            {
                var d = (int)(keys[end] & 0xFFFF_FFFF);
                if (direct[d] != total[d])
                {
                    needsRun = true;
                    latestArrival = Math.Max(latestArrival, start + total[d]);
                }
            }
            if (needsRun)
            {
                _single.Run(start, CollectionsMarshal.AsSpan(access), Math.Min(start + _maxTripSeconds, latestArrival));
            }
            for (var i = group; i < end; i++)
            {
                var d = (int)(keys[i] & 0xFFFF_FFFF);
                var pair = pairBase + d;
                if (direct[d] == total[d])
                {
                    r.AccessWalkMinutes[pair] = total[d] / 60f;
                    r.WaitMinutes[pair] = 0;
                    r.InVehicleMinutes[pair] = 0;
                    r.TransferWalkMinutes[pair] = 0;
                    r.EgressWalkMinutes[pair] = 0;
                    r.Boardings[pair] = 0;
                    r.Fares[pair] = _fares is null ? float.NaN : 0;
                    continue;
                }
                Journey(d, total[d], pair, r);
            }
            group = end;
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
            var t = _single.BestVehicleArrival(s);
            if (t != Unreached && t + e.DestStopSeconds[k] < bestArrival)
            {
                bestArrival = t + e.DestStopSeconds[k];
                bestStop = s;
                egress = e.DestStopSeconds[k];
            }
        }
        if (bestStop < 0 || !_single.TryGetJourney(bestStop, _legs))
        {
            return;
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
        var wait = total - access - inVehicle - transferWalk - egress;
        r.AccessWalkMinutes[pair] = access / 60f;
        r.InVehicleMinutes[pair] = inVehicle / 60f;
        r.TransferWalkMinutes[pair] = transferWalk / 60f;
        r.EgressWalkMinutes[pair] = egress / 60f;
        r.WaitMinutes[pair] = Math.Max(0, wait) / 60f;
        r.Boardings[pair] = (sbyte)boardings;
        if (_fares is { } fares)
        {
            r.Fares[pair] = (float)fares.JourneyFare(rides.AsSpan(0, Math.Min(boardings, rides.Length)));
        }
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
