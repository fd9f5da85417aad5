using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Search;
using Geo.Routing.Streets;
using Geo.Routing.Transit.Raptor;

namespace Geo.Routing.Multimodal;

/// <summary>
/// r5's access stage for one origin (per-worker state, reused): a walk search bounded by the walk limit finds the stops
/// within reach (whole seconds, rounded up; sorted by stop index) and the direct walk to every destination.
/// </summary>
internal sealed class AccessSearch
{
    private readonly TransitNetwork _network;
    private readonly EgressTable _egress;
    private readonly int _maxWalkMs;
    private readonly SearchSpace _space;
    private readonly int[] _stopScratch;
    private readonly List<int> _touched = [];

    public AccessSearch(TransitNetwork network, EgressTable egress, int destinationCount, int maxWalkMs)
    {
        _network = network;
        _egress = egress;
        _maxWalkMs = maxWalkMs;
        _space = new SearchSpace(network.WalkGraph.VertexCount);
        _stopScratch = new int[network.Timetable.StopCount];
        Direct = new int[destinationCount];
    }

    /// <summary>Stops reached by the last <see cref="Run"/>, with their walk seconds.</summary>
    public List<StopAccess> Stops { get; } = [];

    /// <summary>Walk-only seconds to each destination from the last origin (<see cref="TravelTime.Unreached"/> beyond the limit).</summary>
    public int[] Direct { get; }

    public void Run(SnapResult snap)
    {
        Stops.Clear();
        Array.Fill(Direct, TravelTime.Unreached);
        var net = _network;
        var start = net.OffStreetMs(snap);
        if (start > _maxWalkMs)
        {
            return;
        }
        Dijkstra.Run(net.WalkGraph, snap.Outbound, _maxWalkMs - start, _space);
        _touched.Clear();
        var e = _egress;
        foreach (var v in _space.Settled)
        {
            var dv = start + _space.DurationMs(v);
            for (var i = net.VertexStopOffsets[v]; i < net.VertexStopOffsets[v + 1]; i++)
            {
                var s = net.VertexStops[i];
                var ms = dv + net.VertexStopMs[i];
                if (ms > _maxWalkMs)
                {
                    continue;
                }
                if (_stopScratch[s] == 0)
                {
                    _touched.Add(s);
                    _stopScratch[s] = ms + 1;
                }
                else if (ms + 1 < _stopScratch[s])
                {
                    _stopScratch[s] = ms + 1;
                }
            }
            for (var i = e.VertexDestOffsets[v]; i < e.VertexDestOffsets[v + 1]; i++)
            {
                var d = e.VertexDest[i];
                var ms = dv + e.VertexDestMs[i];
                if (ms <= _maxWalkMs)
                {
                    var secs = TravelTime.SecondsRoundedUpFromMs(ms);
                    if (secs < Direct[d])
                    {
                        Direct[d] = secs;
                    }
                }
            }
        }
        _touched.Sort();
        foreach (var s in _touched)
        {
            Stops.Add(new StopAccess(s, TravelTime.SecondsRoundedUpFromMs(_stopScratch[s] - 1))); // scratch holds ms + 1 (0 = unseen)
            _stopScratch[s] = 0;
        }
    }
}
