using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets.Snapping;
using Geo.Routing.Transit.Fares;
using Geo.Routing.Transit.Raptor;

namespace Geo.Routing.Multimodal;

/// <summary>
/// Walk + public transport travel-time matrix in r5's stages, per origin: street access (bounded walk Dijkstra to stops and
/// to destinations for the direct walk) -> range RAPTOR over the departure minutes (latest first, state reused) ->
/// egress (precomputed stop -> destination walks, applied only to stops whose arrival improved) -> percentiles over minutes,
/// then the breakdown of the median journey from a fresh RAPTOR run at that minute. Parallel over origins with per-worker
/// state; every origin's output depends only on its inputs, so results are identical for any thread count.
/// </summary>
public static class TransitMatrixComputer
{
    private const int Unreached = int.MaxValue;

    /// <summary>Computes the matrix. Progress reports the number of origins finished.</summary>
    public static TransitMatrixResult Compute(TransitNetwork network, TransitMatrixRequest request, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var ctx = new Context(network, request);
        var o = request.Origins.Count;
        var pairs = o * request.Destinations.Count;
        var result = new TransitMatrixResult
        {
            OriginCount = o,
            DestinationCount = request.Destinations.Count,
            Percentiles = [.. request.Percentiles],
            Minutes = new float[pairs * request.Percentiles.Count],
            Status = new PairStatus[pairs],
            AccessWalkMinutes = Filled(pairs),
            WaitMinutes = Filled(pairs),
            InVehicleMinutes = Filled(pairs),
            TransferWalkMinutes = Filled(pairs),
            EgressWalkMinutes = Filled(pairs),
            Boardings = FilledBytes(pairs),
            Fares = Filled(pairs),
            Currency = request.Fares?.Currency ?? "",
            OriginSnaps = ctx.OriginSnaps,
            DestinationSnaps = ctx.DestinationSnaps,
        };
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount };
        Parallel.For(0, o, options, () => new Worker(ctx), (origin, _, worker) =>
        {
            worker.ComputeOrigin(origin, result);
            var n = Interlocked.Increment(ref done);
            progress?.Report(n);
            return worker;
        }, _ => { });
        return result;
    }

    private static float[] Filled(int n)
    {
        var a = new float[n];
        Array.Fill(a, float.NaN);
        return a;
    }

    private static sbyte[] FilledBytes(int n)
    {
        var a = new sbyte[n];
        Array.Fill(a, (sbyte)-1);
        return a;
    }

    /// <summary>Everything shared by the workers (read-only after construction).</summary>
    private sealed class Context
    {
        public Context(TransitNetwork net, TransitMatrixRequest req)
        {
            Network = net;
            Request = req;
            MaxWalkMs = (int)Math.Min(int.MaxValue / 2, Math.Round(req.MaxWalkMinutes * 60_000));
            MaxTripSeconds = req.MaxTripMinutes * 60;
            OriginSnaps = SnapAll(req.Origins);
            DestinationSnaps = SnapAll(req.Destinations);
            var d = req.Destinations.Count;

            // vertex -> destinations (for the direct walk)
            var counts = new int[net.WalkGraph.VertexCount + 1];
            for (var i = 0; i < d; i++)
            {
                foreach (var seed in DestinationSnaps[i].Inbound)
                {
                    counts[seed.Vertex + 1]++;
                }
            }
            for (var v = 0; v < net.WalkGraph.VertexCount; v++)
            {
                counts[v + 1] += counts[v];
            }
            VertexDestOffsets = counts;
            VertexDest = new int[counts[^1]];
            VertexDestMs = new int[counts[^1]];
            var fill = (int[])counts.Clone();
            for (var i = 0; i < d; i++)
            {
                var off = net.OffStreetMs(DestinationSnaps[i]);
                foreach (var seed in DestinationSnaps[i].Inbound)
                {
                    var k = fill[seed.Vertex]++;
                    VertexDest[k] = i;
                    VertexDestMs[k] = seed.DurationMs + off;
                }
            }

            // egress walks: stops -> destination (backward search on the reversed walk graph), then the stop -> destination CSR
            var perDest = new (int Stop, int Seconds)[d][];
            Parallel.For(0, d, () => (new SearchSpace(net.WalkGraph.VertexCount), new int[net.Timetable.StopCount]), (i, _, st) =>
            {
                var list = new List<(int, int)>();
                net.StopsWithinWalk(DestinationSnaps[i], MaxWalkMs, st.Item1, st.Item2, (s, ms) => list.Add((s, (ms + 999) / 1000)), towards: true);
                perDest[i] = [.. list];
                return st;
            }, _ => { });
            DestStopOffsets = new int[d + 1];
            for (var i = 0; i < d; i++)
            {
                DestStopOffsets[i + 1] = DestStopOffsets[i] + perDest[i].Length;
            }
            DestStops = new int[DestStopOffsets[d]];
            DestStopSeconds = new int[DestStopOffsets[d]];
            var stopCounts = new int[net.Timetable.StopCount + 1];
            for (var i = 0; i < d; i++)
            {
                for (var k = 0; k < perDest[i].Length; k++)
                {
                    DestStops[DestStopOffsets[i] + k] = perDest[i][k].Stop;
                    DestStopSeconds[DestStopOffsets[i] + k] = perDest[i][k].Seconds;
                    stopCounts[perDest[i][k].Stop + 1]++;
                }
            }
            for (var s = 0; s < net.Timetable.StopCount; s++)
            {
                stopCounts[s + 1] += stopCounts[s];
            }
            StopDestOffsets = stopCounts;
            StopDest = new int[stopCounts[^1]];
            StopDestSeconds = new int[stopCounts[^1]];
            var sf = (int[])stopCounts.Clone();
            for (var i = 0; i < d; i++)
            {
                foreach (var (s, secs) in perDest[i])
                {
                    var k = sf[s]++;
                    StopDest[k] = i;
                    StopDestSeconds[k] = secs;
                }
            }
        }

        private SnapResult[] SnapAll(IReadOnlyList<GeoPoint> points)
        {
            var r = new SnapResult[points.Count];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = Network.Snap(points[i], Request.MaxSnapMetres);
            }
            return r;
        }

        public TransitNetwork Network { get; }
        public TransitMatrixRequest Request { get; }
        public int MaxWalkMs { get; }
        public int MaxTripSeconds { get; }
        public SnapResult[] OriginSnaps { get; }
        public SnapResult[] DestinationSnaps { get; }
        public int[] VertexDestOffsets { get; }
        public int[] VertexDest { get; }
        public int[] VertexDestMs { get; }
        public int[] DestStopOffsets { get; }
        public int[] DestStops { get; }
        public int[] DestStopSeconds { get; }
        public int[] StopDestOffsets { get; }
        public int[] StopDest { get; }
        public int[] StopDestSeconds { get; }
    }

    /// <summary>Per-thread state, reused across origins.</summary>
    private sealed class Worker
    {
        private readonly Context _c;
        private readonly SearchSpace _space;
        private readonly RangeRaptor _range;
        private readonly RangeRaptor _single;
        private readonly int[] _stopScratch;
        private readonly int[] _direct;
        private readonly int[] _destArrival;
        private readonly int[] _times;     // [destination * samples + sample], seconds
        private readonly int[] _sorted;
        private readonly int[] _radixTemp;
        private readonly int[] _radixCounts = new int[256];
        private readonly int[] _detailSample;
        private readonly int[] _order;
        private readonly List<StopAccess> _access = [];
        private readonly List<JourneyLeg> _legs = [];
        private readonly FareRide[] _rides;
        private readonly int _samples;
        private readonly int _d;

        public Worker(Context c)
        {
            _c = c;
            var net = c.Network;
            _d = c.Request.Destinations.Count;
            _samples = c.Request.WindowMinutes;
            _space = new SearchSpace(net.WalkGraph.VertexCount);
            _range = new RangeRaptor(net.Timetable, net.Transfers, c.Request.MaxRides);
            _single = new RangeRaptor(net.Timetable, net.Transfers, c.Request.MaxRides);
            _stopScratch = new int[net.Timetable.StopCount];
            _direct = new int[_d];
            _destArrival = new int[_d];
            _times = new int[_d * _samples];
            _sorted = new int[_samples];
            _radixTemp = new int[_samples];
            _detailSample = new int[_d];
            _order = new int[_d];
            _rides = new FareRide[c.Request.MaxRides];
        }

        public void ComputeOrigin(int origin, TransitMatrixResult r)
        {
            var req = _c.Request;
            var pairBase = origin * _d;
            var pcount = req.Percentiles.Count;
            var snap = _c.OriginSnaps[origin];
            if (!snap.IsOk)
            {
                for (var d = 0; d < _d; d++)
                {
                    r.Status[pairBase + d] = PairStatus.OriginUnsnapped;
                    for (var p = 0; p < pcount; p++)
                    {
                        r.Minutes[(p * r.PairCount) + pairBase + d] = float.NaN;
                    }
                }
                return;
            }
            Access(snap);
            if (req.ArriveBySeconds is { } arriveBy)
            {
                SweepArriveBy(arriveBy);
            }
            else
            {
                SweepDepartAt();
            }

            var medianRank = Rank(50);
            for (var d = 0; d < _d; d++)
            {
                var pair = pairBase + d;
                if (!_c.DestinationSnaps[d].IsOk)
                {
                    r.Status[pair] = PairStatus.DestinationUnsnapped;
                    for (var p = 0; p < pcount; p++)
                    {
                        r.Minutes[(p * r.PairCount) + pair] = float.NaN;
                    }
                    _detailSample[d] = -1;
                    continue;
                }
                Array.Copy(_times, d * _samples, _sorted, 0, _samples);
                SortTimes();
                for (var p = 0; p < pcount; p++)
                {
                    var v = _sorted[Rank(req.Percentiles[p])];
                    r.Minutes[(p * r.PairCount) + pair] = v == Unreached ? float.NaN : v / 60f;
                }
                // ok when the median journey is possible within the trip limit
                r.Status[pair] = _sorted[medianRank] == Unreached ? PairStatus.Unreachable : PairStatus.Ok;
                _detailSample[d] = -1;
                var median = _sorted[medianRank];
                if (req.JourneyDetails && median != Unreached)
                {
                    for (var m = 0; m < _samples; m++)
                    {
                        if (_times[(d * _samples) + m] == median)
                        {
                            _detailSample[d] = m;
                            break;
                        }
                    }
                }
            }
            if (req.JourneyDetails)
            {
                Details(pairBase, r);
            }
        }

        /// <summary>
        /// Sorts the window's times: a two-pass LSD radix sort on 16-bit keys (times up to 18 h; Unreached sorts last), about
        /// twice as fast as Array.Sort for 60-240 values; Array.Sort when the trip limit allows longer times.
        /// </summary>
        private void SortTimes()
        {
            if (_c.MaxTripSeconds >= 65_535)
            {
                Array.Sort(_sorted);
                return;
            }
            var a = _sorted;
            var tmp = _radixTemp;
            var counts = _radixCounts;
            for (var shift = 0; shift < 16; shift += 8)
            {
                Array.Clear(counts);
                for (var i = 0; i < a.Length; i++)
                {
                    counts[(Math.Min(a[i], 65_535) >> shift) & 255]++;
                }
                var total = 0;
                for (var b = 0; b < 256; b++)
                {
                    var c = counts[b];
                    counts[b] = total;
                    total += c;
                }
                for (var i = 0; i < a.Length; i++)
                {
                    tmp[counts[(Math.Min(a[i], 65_535) >> shift) & 255]++] = a[i];
                }
                Array.Copy(tmp, a, a.Length);
            }
        }

        private int Rank(int percentile)
        {
            var idx = (int)Math.Ceiling(percentile / 100.0 * _samples) - 1;
            return Math.Clamp(idx, 0, _samples - 1);
        }

        /// <summary>Walk search from the origin: access stops and direct walk times to destinations.</summary>
        private void Access(SnapResult snap)
        {
            _access.Clear();
            Array.Fill(_direct, Unreached);
            var net = _c.Network;
            var start = net.OffStreetMs(snap);
            if (start > _c.MaxWalkMs)
            {
                return;
            }
            Dijkstra.Run(net.WalkGraph, snap.Outbound, _c.MaxWalkMs - start, _space);
            var touched = new List<int>();
            foreach (var v in _space.Settled)
            {
                var dv = start + _space.DurationMs(v);
                for (var i = net.VertexStopOffsets[v]; i < net.VertexStopOffsets[v + 1]; i++)
                {
                    var s = net.VertexStops[i];
                    var ms = dv + net.VertexStopMs[i];
                    if (ms > _c.MaxWalkMs)
                    {
                        continue;
                    }
                    if (_stopScratch[s] == 0)
                    {
                        touched.Add(s);
                        _stopScratch[s] = ms + 1;
                    }
                    else if (ms + 1 < _stopScratch[s])
                    {
                        _stopScratch[s] = ms + 1;
                    }
                }
                for (var i = _c.VertexDestOffsets[v]; i < _c.VertexDestOffsets[v + 1]; i++)
                {
                    var d = _c.VertexDest[i];
                    var ms = dv + _c.VertexDestMs[i];
                    if (ms <= _c.MaxWalkMs)
                    {
                        var secs = (ms + 999) / 1000;
                        if (secs < _direct[d])
                        {
                            _direct[d] = secs;
                        }
                    }
                }
            }
            touched.Sort();
            foreach (var s in touched)
            {
                _access.Add(new StopAccess(s, (_stopScratch[s] - 1 + 999) / 1000));
                _stopScratch[s] = 0;
            }
        }

        /// <summary>Runs RAPTOR for one departure (range step) and lowers the destination arrivals via improved stops.</summary>
        private void Step(int departure)
        {
            _range.RunDeparture(departure, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_access), departure + _c.MaxTripSeconds);
            var offsets = _c.StopDestOffsets;
            var dest = _c.StopDest;
            var secs = _c.StopDestSeconds;
            foreach (var s in _range.ImprovedVehicleStops)
            {
                var t = _range.BestVehicleArrival(s);
                for (var i = offsets[s]; i < offsets[s + 1]; i++)
                {
                    var a = t + secs[i];
                    if (a < _destArrival[dest[i]])
                    {
                        _destArrival[dest[i]] = a;
                    }
                }
            }
        }

        private void SweepDepartAt()
        {
            _range.Reset();
            Array.Fill(_destArrival, Unreached);
            var start = _c.Request.WindowStartSeconds;
            var maxTrip = _c.MaxTripSeconds;
            for (var m = _samples - 1; m >= 0; m--)
            {
                var t = start + (m * 60);
                Step(t);
                for (var d = 0; d < _d; d++)
                {
                    var best = _direct[d];
                    var a = _destArrival[d];
                    if (a != Unreached && a - t < best)
                    {
                        best = a - t;
                    }
                    _times[(d * _samples) + m] = best <= maxTrip ? best : Unreached;
                }
            }
        }

        /// <summary>Arrive-by: deadlines are the window's minutes ending at <paramref name="arriveBy"/>; a departure sweep finds each one's latest departure.</summary>
        private void SweepArriveBy(int arriveBy)
        {
            _range.Reset();
            Array.Fill(_destArrival, Unreached);
            var maxTrip = _c.MaxTripSeconds;
            var firstDeadline = arriveBy - ((_samples - 1) * 60);
            // per destination: the highest deadline index not yet satisfied (deadlines are met from the latest down)
            var pending = _order;
            Array.Fill(pending, _samples - 1);
            Array.Fill(_times, Unreached);
            var earliestDeparture = Math.Max(0, firstDeadline - maxTrip);
            for (var t = arriveBy; t >= earliestDeparture; t -= 60)
            {
                Step(t);
                for (var d = 0; d < _d; d++)
                {
                    var a = _destArrival[d];
                    while (pending[d] >= 0 && a != Unreached && a <= firstDeadline + (pending[d] * 60))
                    {
                        var need = firstDeadline + (pending[d] * 60) - t;
                        _times[(d * _samples) + pending[d]] = need <= maxTrip ? need : Unreached;
                        pending[d]--;
                    }
                }
            }
            for (var d = 0; d < _d; d++)
            {
                if (_direct[d] == Unreached)
                {
                    continue;
                }
                for (var m = 0; m < _samples; m++)
                {
                    var i = (d * _samples) + m;
                    if (_direct[d] < _times[i])
                    {
                        _times[i] = _direct[d];
                    }
                }
            }
        }

        private int SampleDeparture(int d, int sample)
        {
            var req = _c.Request;
            if (req.ArriveBySeconds is { } arriveBy)
            {
                var deadline = arriveBy - ((_samples - 1 - sample) * 60);
                return deadline - _times[(d * _samples) + sample];
            }
            return req.WindowStartSeconds + (sample * 60);
        }

        /// <summary>Breakdown of the median journey per destination: one fresh RAPTOR run per distinct departure.</summary>
        private void Details(int pairBase, TransitMatrixResult r)
        {
            var n = 0;
            for (var d = 0; d < _d; d++)
            {
                if (_detailSample[d] >= 0)
                {
                    _order[n++] = d;
                }
            }
            var keys = new long[n];
            for (var i = 0; i < n; i++)
            {
                var d = _order[i];
                keys[i] = ((long)SampleDeparture(d, _detailSample[d]) << 20) | (uint)d;
            }
            Array.Sort(keys);
            var lastDeparture = int.MinValue;
            for (var i = 0; i < n; i++)
            {
                var d = (int)(keys[i] & 0xFFFFF);
                var departure = (int)(keys[i] >> 20);
                var pair = pairBase + d;
                var total = _times[(d * _samples) + _detailSample[d]];
                if (_direct[d] == total)
                {
                    r.AccessWalkMinutes[pair] = total / 60f;
                    r.WaitMinutes[pair] = 0;
                    r.InVehicleMinutes[pair] = 0;
                    r.TransferWalkMinutes[pair] = 0;
                    r.EgressWalkMinutes[pair] = 0;
                    r.Boardings[pair] = 0;
                    r.Fares[pair] = _c.Request.Fares is null ? float.NaN : 0;
                    continue;
                }
                if (departure != lastDeparture)
                {
                    _single.Run(departure, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_access), departure + _c.MaxTripSeconds);
                    lastDeparture = departure;
                }
                // best egress stop (ties: first in the destination's stop list, which is sorted by stop index)
                var bestStop = -1;
                var bestArrival = Unreached;
                var egress = 0;
                for (var k = _c.DestStopOffsets[d]; k < _c.DestStopOffsets[d + 1]; k++)
                {
                    var s = _c.DestStops[k];
                    var t = _single.BestVehicleArrival(s);
                    if (t != Unreached && t + _c.DestStopSeconds[k] < bestArrival)
                    {
                        bestArrival = t + _c.DestStopSeconds[k];
                        bestStop = s;
                        egress = _c.DestStopSeconds[k];
                    }
                }
                if (bestStop < 0 || !_single.TryGetJourney(bestStop, _legs))
                {
                    continue;
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
                            if (boardings < rides.Length)
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
                if (_c.Request.Fares is { } fares)
                {
                    r.Fares[pair] = (float)fares.JourneyFare(rides.AsSpan(0, Math.Min(boardings, rides.Length)));
                }
            }
        }

        private FareRide Ride(JourneyLeg leg)
        {
            var tt = _c.Network.Timetable;
            var feed = tt.Feed;
            var gtfsTrip = tt.TripGtfsIndex[leg.Trip];
            var route = feed.Routes[feed.Trips[gtfsTrip].Route];
            var agencyId = "";
            if (route.Agency >= 0)
            {
                var agency = feed.Agencies[route.Agency];
                var prefix = feed.Feeds[agency.Feed].FeedId.Length + 1;
                agencyId = agency.Id.Length >= prefix ? agency.Id[prefix..] : agency.Id;
            }
            // straight-line km along the trip's stops from boarding to alighting
            var km = 0.0;
            var on = false;
            for (var x = feed.TripStopTimeOffsets[gtfsTrip]; x < feed.TripStopTimeOffsets[gtfsTrip + 1]; x++)
            {
                var s = feed.StopTimeStop[x];
                if (on)
                {
                    var a = feed.Stops[feed.StopTimeStop[x - 1]];
                    var b = feed.Stops[s];
                    if (a.HasCoordinates && b.HasCoordinates)
                    {
                        km += GeoPoint.DistanceMetres(new GeoPoint(a.Lon, a.Lat), new GeoPoint(b.Lon, b.Lat)) / 1000;
                    }
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
}
