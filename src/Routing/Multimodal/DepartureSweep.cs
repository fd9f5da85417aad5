using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Transit.Raptor;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's range-RAPTOR stage for one origin (per-worker state, reused): departure minutes from the latest to the earliest,
/// RAPTOR state carried over, and after each minute the destinations' arrivals lowered through the stops whose vehicle
/// arrival improved (egress). Fills <see cref="Times"/>[destination * samples + minute], travel seconds, or
/// <see cref="TravelTime.Unreached"/> above the trip limit. Depart-at: one sample per departure minute. Arrive-by: one
/// sample per deadline minute, the time needed to arrive by it from the latest whole-minute departure.
/// </summary>
internal sealed class DepartureSweep
{
    private const int Unreached = TravelTime.Unreached;
    private readonly EgressTable _egress;
    private readonly RangeRaptor _range;
    private readonly int[] _destArrival;
    private readonly int[] _pending;
    /// <summary>Positions of the egress walks that would lower their destination's arrival (<see cref="ImprovingEdges"/>), one stop's at a time.</summary>
    private readonly int[] _destinationsFound;
    private readonly int _samples;
    private readonly int _maxTripSeconds;
    private readonly bool _recordSteps;

    /// <param name="recordSteps">Depart-at sweeps keep the RAPTOR undo log, so <see cref="Raptor"/> can be rolled back to any minute's state (the breakdown).</param>
    public DepartureSweep(TransitNetwork network, EgressTable egress, int destinationCount, int samples, int maxRides, int maxTripSeconds, bool recordSteps = false)
    {
        _recordSteps = recordSteps;
        _egress = egress;
        _range = new RangeRaptor(network.Timetable, network.Transfers, maxRides, walkAfterLastRide: false);
        _destArrival = new int[destinationCount];
        _pending = new int[destinationCount];
        _destinationsFound = ImprovingEdges.BufferFor(egress.StopDestOffsets);
        _samples = samples;
        _maxTripSeconds = maxTripSeconds;
        Times = new int[checked(destinationCount * samples)];
    }

    /// <summary>Seconds per destination and sample, [destination * samples + sample].</summary>
    public int[] Times { get; }

    public int Samples => _samples;

    /// <summary>The sweep's RAPTOR state; after a recorded depart-at sweep, minute m is step <see cref="Samples"/> - 1 - m.</summary>
    public RangeRaptor Raptor => _range;

    /// <summary>
    /// Sweeps the window from the access search's stops and walk-only times: arrive-by when <paramref name="arriveBySeconds"/>
    /// is set, else depart-at from <paramref name="windowStartSeconds"/>.
    /// </summary>
    public void Run(AccessSearch access, int? arriveBySeconds, int windowStartSeconds)
    {
        if (arriveBySeconds is { } arriveBy)
        {
            ArriveBy(access.Stops, access.Direct, arriveBy);
        }
        else
        {
            DepartAt(access.Stops, access.Direct, windowStartSeconds);
        }
    }

    /// <summary>
    /// Depart-at: one departure per minute from <paramref name="windowStart"/>; the walk-only time when faster. During
    /// the sweep a destination's sample holds its new arrival only at the minutes that lowered it (else
    /// <see cref="NoChange"/>); one pass per destination then turns arrivals into travel times (no per-minute pass over
    /// every destination).
    /// </summary>
    public void DepartAt(List<StopAccess> access, int[] direct, int windowStart)
    {
        _range.Reset(_recordSteps);
        Array.Fill(_destArrival, Unreached);
        var times = Times;
        Array.Fill(times, NoChange);
        for (var m = _samples - 1; m >= 0; m--)
        {
            Step(windowStart + (m * 60), access, m);
        }
        var samples = _samples;
        var maxTrip = _maxTripSeconds;
        for (var d = 0; d < _destArrival.Length; d++)
        {
            var row = times.AsSpan(d * samples, samples);
            var a = Unreached;
            var walk = direct[d];
            for (var m = samples - 1; m >= 0; m--)
            {
                if (row[m] != NoChange)
                {
                    a = row[m];
                }
                var best = walk;
                var t = windowStart + (m * 60);
                if (a != Unreached && a - t < best)
                {
                    best = a - t;
                }
                row[m] = best <= maxTrip ? best : Unreached;
            }
        }
    }

    /// <summary>Marks a depart-at sample whose minute did not lower the destination's arrival (arrivals are never negative).</summary>
    private const int NoChange = -1;

    /// <summary>Arrive-by: deadlines are the window's minutes ending at <paramref name="arriveBy"/>; a departure sweep finds each one's latest departure.</summary>
    public void ArriveBy(List<StopAccess> access, int[] direct, int arriveBy)
    {
        _range.Reset();
        Array.Fill(_destArrival, Unreached);
        var destinations = _destArrival.Length;
        var maxTrip = _maxTripSeconds;
        var firstDeadline = arriveBy - ((_samples - 1) * 60);
        // per destination: the highest deadline index not yet satisfied (deadlines are met from the latest down)
        var pending = _pending;
        Array.Fill(pending, _samples - 1);
        Array.Fill(Times, Unreached);
        var earliestDeparture = Math.Max(0, firstDeadline - maxTrip);
        for (var t = arriveBy; t >= earliestDeparture; t -= 60)
        {
            Step(t, access, -1);
            for (var d = 0; d < destinations; d++)
            {
                var a = _destArrival[d];
                while (pending[d] >= 0 && a != Unreached && a <= firstDeadline + (pending[d] * 60))
                {
                    var need = firstDeadline + (pending[d] * 60) - t;
                    Times[(d * _samples) + pending[d]] = need <= maxTrip ? need : Unreached;
                    pending[d]--;
                }
            }
        }
        for (var d = 0; d < destinations; d++)
        {
            if (direct[d] == Unreached)
            {
                continue;
            }
            for (var m = 0; m < _samples; m++)
            {
                var i = (d * _samples) + m;
                if (direct[d] < Times[i])
                {
                    Times[i] = direct[d];
                }
            }
        }
    }

    /// <summary>
    /// Runs RAPTOR for one departure (range step) and lowers the destination arrivals via improved stops; with
    /// <paramref name="sample"/> >= 0 each lowered arrival is also written to that sample of <see cref="Times"/>.
    /// </summary>
    // a call, not inlined into the minute loops: inlined it was no faster (same-time runs 0.92-1.09 of this), and the
    // stop 14 figures in benchmarks/README.md were measured with it a call
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Step(int departure, List<StopAccess> access, int sample)
    {
        _range.RunDeparture(departure, CollectionsMarshal.AsSpan(access), departure + _maxTripSeconds);
        var offsets = _egress.StopDestOffsets;
        var dest = _egress.StopDest;
        var secs = _egress.StopDestSeconds;
        var found = _destinationsFound;
        foreach (var s in _range.ImprovedVehicleStops)
        {
            var t = _range.BestVehicleArrival(s);
            var begin = offsets[s];
            var count = ImprovingEdges.Find(dest.AsSpan(begin, offsets[s + 1] - begin), secs.AsSpan(begin, offsets[s + 1] - begin), t, _destArrival, found);
            for (var j = 0; j < count; j++)
            {
                var i = begin + found[j];
                var a = t + secs[i];
                var d = dest[i];
                if (a < _destArrival[d])
                {
                    _destArrival[d] = a;
                    if (sample >= 0)
                    {
                        Times[(d * _samples) + sample] = a;
                    }
                }
            }
        }
    }
}
