using Geo.Routing.Geometry;
using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Transit.Timetable;

/// <summary>
/// Stop-to-stop transfers used by RAPTOR after alighting: a CSR list of footpaths per stop (one walk, never chained) and a
/// minimum change time per stop for staying at the same stop. Built from walking footpaths plus transfers.txt:
/// type 2 between different stops sets the walk to max(walk, min_transfer_time) (adding it if there was no walk),
/// type 2 from a stop to itself sets that stop's minimum change time, type 3 removes the walk between the two stops.
/// </summary>
public sealed class TransferTable
{
    private TransferTable(int[] offsets, int[] targets, int[] durations, int[] minChange)
    {
        FirstTransfer = offsets;
        TransferTarget = targets;
        TransferDurationSeconds = durations;
        MinChangeSeconds = minChange;
    }

    public int[] FirstTransfer { get; }
    public int[] TransferTarget { get; }
    public int[] TransferDurationSeconds { get; }
    public int[] MinChangeSeconds { get; }
    public int StopCount => MinChangeSeconds.Length;
    public int Count => TransferTarget.Length;

    public static TransferTable Build(GtfsFeed feed, IEnumerable<Footpath> footpaths)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(footpaths);
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
        var keys = new List<long>(best.Keys);
        keys.Sort();
        var offsets = new int[n + 1];
        var targets = new int[keys.Count];
        var durations = new int[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var from = (int)(keys[i] >> 32);
            offsets[from + 1]++;
            targets[i] = (int)(keys[i] & 0xFFFF_FFFF);
            durations[i] = best[keys[i]];
        }
        for (var s = 0; s < n; s++)
        {
            offsets[s + 1] += offsets[s];
        }
        return new TransferTable(offsets, targets, durations, minChange);
    }

    /// <summary>
    /// Straight-line footpaths between stops closer than <paramref name="maxMetres"/>, timed at <paramref name="speedMetresPerSecond"/>
    /// times a detour factor of <paramref name="detourFactor"/> (for use without a street network, and in tests).
    /// </summary>
    public static List<Footpath> StraightLineFootpaths(GtfsFeed feed, double maxMetres, double speedMetresPerSecond, double detourFactor = 1.3)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var stops = feed.Stops;
        var order = new List<int>();
        for (var i = 0; i < stops.Count; i++)
        {
            if (stops[i].HasCoordinates)
            {
                order.Add(i);
            }
        }
        order.Sort((a, b) => stops[a].Lat.CompareTo(stops[b].Lat));
        var dLat = maxMetres / 111_000.0;
        var result = new List<Footpath>();
        for (var x = 0; x < order.Count; x++)
        {
            var a = stops[order[x]];
            for (var y = x + 1; y < order.Count && stops[order[y]].Lat - a.Lat <= dLat; y++)
            {
                var b = stops[order[y]];
                var d = GeoPoint.DistanceMetres(new GeoPoint(a.Lon, a.Lat), new GeoPoint(b.Lon, b.Lat));
                if (d <= maxMetres)
                {
                    var secs = (int)Math.Ceiling(d * detourFactor / speedMetresPerSecond);
                    result.Add(new Footpath(order[x], order[y], secs));
                    result.Add(new Footpath(order[y], order[x], secs));
                }
            }
        }
        return result;
    }
}
