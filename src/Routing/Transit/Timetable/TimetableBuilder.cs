using System.Globalization;
using System.Runtime.InteropServices;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Transit.Timetable;

/// <summary>Builds the <see cref="Timetable"/> of one service date from a <see cref="GtfsFeed"/>.</summary>
public static class TimetableBuilder
{
    private const int Day = 86_400;

    /// <param name="Shift">Seconds added to every stop time of the GTFS trip (frequency shift plus day offset).</param>
    private readonly record struct Instance(int GtfsTrip, int Shift, int DayOffset);

    /// <summary>Trips of one pattern: same route, same stops, same pickup/drop-off flags, compared on the feed's arrays.</summary>
    private sealed class PatternComparer(GtfsFeed feed) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b)
        {
            var n = feed.StopTimeCount(a);
            if (feed.Trips[a].Route != feed.Trips[b].Route || n != feed.StopTimeCount(b))
            {
                return false;
            }
            var oa = feed.TripStopTimeOffsets[a];
            var ob = feed.TripStopTimeOffsets[b];
            return feed.StopTimeStop.AsSpan(oa, n).SequenceEqual(feed.StopTimeStop.AsSpan(ob, n))
                && feed.StopTimeFlags.AsSpan(oa, n).SequenceEqual(feed.StopTimeFlags.AsSpan(ob, n));
        }

        public int GetHashCode(int trip)
        {
            var o = feed.TripStopTimeOffsets[trip];
            var n = feed.StopTimeCount(trip);
            var h = new HashCode();
            h.Add(feed.Trips[trip].Route);
            h.AddBytes(MemoryMarshal.AsBytes(feed.StopTimeStop.AsSpan(o, n)));
            h.AddBytes(feed.StopTimeFlags.AsSpan(o, n));
            return h.ToHashCode();
        }
    }

    /// <summary>
    /// Trips running on <paramref name="date"/> (plus previous-day trips running past 24:00, shifted by -86400 s),
    /// frequencies expanded to individual trips (exact_times 0 or 1 alike: departures every headway from start_time, before end_time).
    /// Throws <see cref="ComputationException"/> when the date is outside every feed's calendar or nothing runs.
    /// </summary>
    public static Timetable Build(GtfsFeed feed, DateOnly date, IssueLog issues)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(issues);
        if (feed.ServiceDate is { } read && read != date)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The feed was read for {read:yyyy-MM-dd} only; read it again (GtfsReader.Read) for {date:yyyy-MM-dd}."), nameof(date));
        }
        ServiceCalendar.EnsureCovered(feed, date);
        var today = ServiceCalendar.ActiveServices(feed, date);
        var yesterday = ServiceCalendar.ActiveServices(feed, date.AddDays(-1));

        var freqByTrip = new Dictionary<int, List<GtfsFrequency>>();
        foreach (var f in feed.Frequencies)
        {
            if (!freqByTrip.TryGetValue(f.Trip, out var list))
            {
                freqByTrip[f.Trip] = list = [];
            }
            list.Add(f);
        }

        var instances = new List<Instance>();
        for (var t = 0; t < feed.Trips.Count; t++)
        {
            var n = feed.StopTimeCount(t);
            if (n < 2)
            {
                continue;
            }
            var svc = feed.Trips[t].Service;
            var first = feed.TripStopTimeOffsets[t];
            var firstDep = feed.StopTimeDepartureSeconds[first];
            var lastArr = feed.StopTimeArrivalSeconds[first + n - 1];
            if (freqByTrip.TryGetValue(t, out var freqs))
            {
                foreach (var f in freqs)
                {
                    for (var s = f.StartSeconds; s < f.EndSeconds; s += f.HeadwaySeconds)
                    {
                        if (today[svc])
                        {
                            instances.Add(new Instance(t, s - firstDep, 0));
                        }
                        if (yesterday[svc] && s - firstDep + lastArr > Day)
                        {
                            instances.Add(new Instance(t, s - firstDep - Day, -Day));
                        }
                    }
                }
                continue;
            }
            if (today[svc])
            {
                instances.Add(new Instance(t, 0, 0));
            }
            if (yesterday[svc] && lastArr > Day)
            {
                instances.Add(new Instance(t, -Day, -Day));
            }
        }
        if (instances.Count == 0)
        {
            throw new ComputationException(string.Create(CultureInfo.InvariantCulture,
                $"No GTFS trip runs on {date:yyyy-MM-dd} ({date.DayOfWeek}); the feeds cover {ServiceCalendar.DescribeCoverage(feed)}. Check calendar.txt and calendar_dates.txt or choose another date."));
        }

        // group by pattern (route, stops, pickup/drop-off flags), groups numbered in order of first appearance
        var groups = new Dictionary<int, int>(new PatternComparer(feed));
        var instanceGroup = new int[instances.Count];
        var groupTemplate = new List<int>();
        long timeCount = 0;
        for (var i = 0; i < instances.Count; i++)
        {
            var t = instances[i].GtfsTrip;
            if (!groups.TryGetValue(t, out var g))
            {
                g = groupTemplate.Count;
                groups[t] = g;
                groupTemplate.Add(t);
            }
            instanceGroup[i] = g;
            timeCount += feed.StopTimeCount(t);
        }
        if (timeCount > Array.MaxLength)
        {
            throw new ComputationException(string.Create(CultureInfo.InvariantCulture,
                $"The timetable of {date:yyyy-MM-dd} has {timeCount:N0} stop times, more than one array holds; split the feeds by region."));
        }
        // members of each group in instance order (counting sort)
        var groupStart = new int[groupTemplate.Count + 1];
        foreach (var g in instanceGroup)
        {
            groupStart[g + 1]++;
        }
        for (var g = 0; g < groupTemplate.Count; g++)
        {
            groupStart[g + 1] += groupStart[g];
        }
        var members = new Instance[instances.Count];
        var next = (int[])groupStart.Clone();
        for (var i = 0; i < instances.Count; i++)
        {
            members[next[instanceGroup[i]]++] = instances[i];
        }
        instances.Clear();
        instances.TrimExcess();

        var patStopOffsets = new List<int> { 0 };
        var patStops = new List<int>();
        var patFlags = new List<byte>();
        var patRoute = new List<int>();
        var patTripOffsets = new List<int> { 0 };
        var patTimeOffsets = new List<int>();
        var arrivals = new int[timeCount];
        var departures = new int[timeCount];
        var times = 0;
        var tripGtfs = new int[members.Length];
        var tripDay = new int[members.Length];
        var trips = 0;
        var overtaking = 0;
        var subs = new List<List<Instance>>();

        for (var g = 0; g < groupTemplate.Count; g++)
        {
            var template = groupTemplate[g];
            var off = feed.TripStopTimeOffsets[template];
            var n = feed.StopTimeCount(template);
            int Dep(Instance x, int i) => feed.StopTimeDepartureSeconds[feed.TripStopTimeOffsets[x.GtfsTrip] + i] + x.Shift;
            int Arr(Instance x, int i) => feed.StopTimeArrivalSeconds[feed.TripStopTimeOffsets[x.GtfsTrip] + i] + x.Shift;
            // a total order (ties only between identical instances), so any sort gives the same trips
            Array.Sort(members, groupStart[g], groupStart[g + 1] - groupStart[g], Comparer<Instance>.Create((a, b) =>
            {
                for (var i = 0; i < n; i++)
                {
                    var c = Dep(a, i).CompareTo(Dep(b, i));
                    if (c != 0)
                    {
                        return c;
                    }
                }
                var d = a.GtfsTrip.CompareTo(b.GtfsTrip);
                return d != 0 ? d : a.Shift.CompareTo(b.Shift);
            }));
            // split into non-overtaking sub-patterns (greedy, first fit)
            subs.Clear();
            for (var k = groupStart[g]; k < groupStart[g + 1]; k++)
            {
                var m = members[k];
                List<Instance>? target = null;
                foreach (var s in subs)
                {
                    var last = s[^1];
                    var ok = true;
                    for (var i = 0; i < n && ok; i++)
                    {
                        ok = Dep(last, i) <= Dep(m, i) && Arr(last, i) <= Arr(m, i);
                    }
                    if (ok)
                    {
                        target = s;
                        break;
                    }
                }
                if (target is null)
                {
                    target = [];
                    subs.Add(target);
                    if (subs.Count > 1)
                    {
                        overtaking++;
                    }
                }
                target.Add(m);
            }
            foreach (var s in subs)
            {
                for (var i = 0; i < n; i++)
                {
                    patStops.Add(feed.StopTimeStop[off + i]);
                    patFlags.Add(feed.StopTimeFlags[off + i]);
                }
                patStopOffsets.Add(patStops.Count);
                patRoute.Add(feed.Trips[template].Route);
                patTimeOffsets.Add(times);
                foreach (var m in s)
                {
                    for (var i = 0; i < n; i++)
                    {
                        arrivals[times] = Arr(m, i);
                        departures[times] = Dep(m, i);
                        times++;
                    }
                    tripGtfs[trips] = m.GtfsTrip;
                    tripDay[trips] = m.DayOffset;
                    trips++;
                }
                patTripOffsets.Add(trips);
            }
        }
        if (overtaking > 0)
        {
            issues.Add("stop_times.txt", 0, null, null, IssueCode.NonIncreasingTimes, IssueSeverity.Info,
                string.Create(CultureInfo.InvariantCulture, $"{overtaking} extra pattern(s) were created because trips of the same stop sequence overtake each other."));
        }

        // stop -> patterns CSR
        var stopCount = feed.Stops.Count;
        var patternCount = patRoute.Count;
        var counts = new int[stopCount + 1];
        var lastSeen = new int[stopCount];
        Array.Fill(lastSeen, -1);
        for (var p = 0; p < patternCount; p++)
        {
            for (var k = patStopOffsets[p]; k < patStopOffsets[p + 1]; k++)
            {
                var s = patStops[k];
                if (lastSeen[s] != p)
                {
                    lastSeen[s] = p;
                    counts[s + 1]++;
                }
            }
        }
        for (var s = 0; s < stopCount; s++)
        {
            counts[s + 1] += counts[s];
        }
        var stopPatterns = new int[counts[stopCount]];
        var fill = (int[])counts.Clone();
        Array.Fill(lastSeen, -1);
        for (var p = 0; p < patternCount; p++)
        {
            for (var k = patStopOffsets[p]; k < patStopOffsets[p + 1]; k++)
            {
                var s = patStops[k];
                if (lastSeen[s] != p)
                {
                    lastSeen[s] = p;
                    stopPatterns[fill[s]++] = p;
                }
            }
        }

        return new Timetable
        {
            Date = date,
            Feed = feed,
            PatternStopOffsets = [.. patStopOffsets],
            PatternStops = [.. patStops],
            PatternStopFlags = [.. patFlags],
            PatternRoute = [.. patRoute],
            PatternTripOffsets = [.. patTripOffsets],
            PatternTimeOffsets = [.. patTimeOffsets],
            Arrivals = arrivals,
            Departures = departures,
            TripGtfsIndex = tripGtfs,
            TripDayOffsetSeconds = tripDay,
            StopPatternOffsets = counts,
            StopPatterns = stopPatterns,
        };
    }
}
