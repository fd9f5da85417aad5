using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Multimodal;

/// <summary>
/// One worker's state for <see cref="TransitMatrixRows"/>, reused from origin to origin (nothing is allocated per origin):
/// access search -> departure sweep -> percentile reducer -> median-journey breakdown, r5's stages in order.
/// </summary>
internal sealed class TransitMatrixWorker
{
    private const int Unreached = TravelTime.Unreached;
    private readonly TransitMatrixContext _c;
    private readonly AccessSearch _access;
    private readonly DepartureSweep _sweep;
    private readonly PercentileReducer _reducer;
    private readonly JourneyBreakdown? _breakdown;
    private readonly int[] _medianSample;
    private readonly int[] _departure;
    private readonly int[] _total;
    private readonly int _d;
    private readonly int _samples;

    public TransitMatrixWorker(TransitMatrixContext c)
    {
        _c = c;
        var req = c.Request;
        _d = req.Destinations.Count;
        _samples = req.WindowMinutes;
        _access = new AccessSearch(c.Network, c.Egress, _d, c.MaxWalkMs);
        _sweep = new DepartureSweep(c.Network, c.Egress, _d, _samples, req.MaxRides, c.MaxTripSeconds, recordSteps: req.JourneyDetails && !req.BreakdownBySingleRuns);
        _reducer = new PercentileReducer(_samples, c.MaxTripSeconds);
        _breakdown = req.JourneyDetails ? new JourneyBreakdown(c.Network, c.Egress, c.Rides, _d, req.MaxRides, c.MaxTripSeconds, req.Fares) : null;
        _medianSample = new int[_d];
        _departure = new int[_d];
        _total = new int[_d];
    }

    /// <summary>A pair with no travel time: its status, and NaN at every percentile.</summary>
    private void NoTimes(TransitMatrixResult r, int pair, PairStatus status)
    {
        r.Status[pair] = status;
        for (var p = 0; p < _c.Request.Percentiles.Count; p++)
        {
            r.Minutes[(p * r.PairCount) + pair] = float.NaN;
        }
    }

    /// <summary>Computes one origin into row <paramref name="row"/> of <paramref name="r"/> (pairs row * destinations + d).</summary>
    public void ComputeOrigin(int origin, int row, TransitMatrixResult r)
    {
        var req = _c.Request;
        var pairBase = row * _d;
        var percentiles = req.Percentiles;
        var pcount = percentiles.Count;
        var snap = _c.OriginSnaps[origin];
        if (!snap.IsOk)
        {
            for (var d = 0; d < _d; d++)
            {
                NoTimes(r, pairBase + d, PairStatus.OriginUnsnapped);
            }
            return;
        }
        _access.Run(snap);
        _sweep.Run(_access, req.ArriveBySeconds, req.WindowStartSeconds);

        var times = _sweep.Times;
        for (var d = 0; d < _d; d++)
        {
            var pair = pairBase + d;
            _medianSample[d] = -1;
            _departure[d] = -1;
            if (!_c.DestinationSnaps[d].IsOk)
            {
                NoTimes(r, pair, PairStatus.DestinationUnsnapped);
                continue;
            }
            var samples = times.AsSpan(d * _samples, _samples);
            if (samples.IndexOfAnyExcept(Unreached) < 0)
            {
                // never reached in the window (a vectorised check, cheaper than the percentile selection)
                NoTimes(r, pair, PairStatus.Unreachable);
                continue;
            }
            _reducer.Partition(samples);
            for (var p = 0; p < pcount; p++)
            {
                var v = _reducer.At(percentiles[p]);
                r.Minutes[(p * r.PairCount) + pair] = v == Unreached ? float.NaN : v / 60f;
            }
            // ok when the median journey is possible within the trip limit
            var median = _reducer.At(50);
            r.Status[pair] = median == Unreached ? PairStatus.Unreachable : PairStatus.Ok;
            if (_breakdown is not null && median != Unreached)
            {
                var m = samples.IndexOf(median);
                _medianSample[d] = m;
                _total[d] = median;
                _departure[d] = req.ArriveBySeconds is { } a ? a - ((_samples - 1 - m) * 60) - median : req.WindowStartSeconds + (m * 60);
            }
        }
        if (req.ArriveBySeconds is null && !req.BreakdownBySingleRuns)
        {
            _breakdown?.FillFromSweep(_sweep.Raptor, _access.Direct, _medianSample, _samples, _total, pairBase, r);
        }
        else
        {
            _breakdown?.FillBySingleRuns(_access.Stops, _access.Direct, _departure, _total, pairBase, r);
        }
    }
}
