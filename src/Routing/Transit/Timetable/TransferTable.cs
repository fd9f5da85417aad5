using System.Runtime.InteropServices;
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
    /// <summary>Marks a walk removed by a type 3 rule while the pairs are edited in place.</summary>
    private const int Removed = int.MinValue;

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

    /// <param name="capacity">How many footpaths to expect (sizes the working arrays once; 0 when unknown).</param>
    public static TransferTable Build(GtfsFeed feed, IEnumerable<Footpath> footpaths, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(footpaths);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var n = feed.Stops.Count;
        // The fastest footpath per (from, to) by sorting packed keys, not a Dictionary<long, int>: long's hash code is
        // from ^ to, so the millions of footpaths of a region share a few thousand hash codes (Greater Manchester's
        // 15,318 stops took more than 10 minutes).
        var keys = new List<long>(capacity);
        var seconds = new List<int>(capacity);
        foreach (var f in footpaths)
        {
            if (f.FromStop == f.ToStop || (uint)f.FromStop >= (uint)n || (uint)f.ToStop >= (uint)n || f.DurationSeconds < 0)
            {
                continue;
            }
            keys.Add(PairKey(f.FromStop, f.ToStop));
            seconds.Add(f.DurationSeconds);
        }
        var count = FastestPerPair(CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(seconds));
        keys.RemoveRange(count, keys.Count - count);
        seconds.RemoveRange(count, seconds.Count - count);

        var minChange = new int[n];
        foreach (var t in feed.Transfers)
        {
            if (t.FromStop == t.ToStop && t.TransferType == 2)
            {
                minChange[t.FromStop] = Math.Max(minChange[t.FromStop], t.MinTransferSeconds);
            }
        }
        ApplyTransferRules(feed.Transfers, keys, seconds);

        var offsets = new int[n + 1];
        var targets = new int[keys.Count];
        var durations = new int[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            offsets[(int)(keys[i] >> 32) + 1]++;
            targets[i] = (int)(keys[i] & 0xFFFF_FFFF);
            durations[i] = seconds[i];
        }
        for (var s = 0; s < n; s++)
        {
            offsets[s + 1] += offsets[s];
        }
        return new TransferTable(offsets, targets, durations, minChange);
    }

    private static long PairKey(int from, int to) => ((long)from << 32) | (uint)to;

    /// <summary>Sorts the pairs by key and keeps one per key with its least seconds; returns how many remain (at the front).</summary>
    private static int FastestPerPair(Span<long> keys, Span<int> seconds)
    {
        keys.Sort(seconds);
        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (count > 0 && keys[count - 1] == keys[i])
            {
                seconds[count - 1] = Math.Min(seconds[count - 1], seconds[i]);
                continue;
            }
            keys[count] = keys[i];
            seconds[count] = seconds[i];
            count++;
        }
        return count;
    }

    /// <summary>
    /// transfers.txt between different stops, each pair's rows in file order over its walk (if any): type 3 removes the
    /// walk, type 2 sets it to max(walk, min_transfer_time) or adds it. <paramref name="keys"/> stay sorted and unique.
    /// </summary>
    private static void ApplyTransferRules(IReadOnlyList<GtfsTransfer> transfers, List<long> keys, List<int> seconds)
    {
        var rules = new List<(long Key, int Row)>();
        for (var row = 0; row < transfers.Count; row++)
        {
            var t = transfers[row];
            if (t.FromStop != t.ToStop && t.TransferType is 2 or 3)
            {
                rules.Add((PairKey(t.FromStop, t.ToStop), row));
            }
        }
        if (rules.Count == 0)
        {
            return;
        }
        rules.Sort();
        var added = new List<(long Key, int Seconds)>();
        var removed = false;
        for (var i = 0; i < rules.Count;)
        {
            var key = rules[i].Key;
            var at = keys.BinarySearch(key);
            int? walk = at >= 0 ? seconds[at] : null;
            for (; i < rules.Count && rules[i].Key == key; i++)
            {
                var t = transfers[rules[i].Row];
                walk = t.TransferType == 3 ? null : walk is { } w ? Math.Max(w, t.MinTransferSeconds) : t.MinTransferSeconds;
            }
            if (at >= 0 && walk is { } kept)
            {
                seconds[at] = kept;
            }
            else if (at >= 0)
            {
                seconds[at] = Removed;
                removed = true;
            }
            else if (walk is { } fresh)
            {
                added.Add((key, fresh));
            }
        }
        if (removed)
        {
            var kept = 0;
            for (var i = 0; i < keys.Count; i++)
            {
                if (seconds[i] != Removed)
                {
                    keys[kept] = keys[i];
                    seconds[kept++] = seconds[i];
                }
            }
            keys.RemoveRange(kept, keys.Count - kept);
            seconds.RemoveRange(kept, seconds.Count - kept);
        }
        if (added.Count > 0)
        {
            foreach (var (key, secs) in added)
            {
                keys.Add(key);
                seconds.Add(secs);
            }
            CollectionsMarshal.AsSpan(keys).Sort(CollectionsMarshal.AsSpan(seconds));
        }
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
