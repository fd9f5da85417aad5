using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Transit.Timetable;

/// <summary>
/// Every departure of the day at each stop where boarding is allowed, sorted, with its pattern, as CSR (8 bytes per
/// boarding stop time). Range RAPTOR asks it which patterns an earlier ready time at a stop can board on a vehicle it
/// could not catch before: a pattern with no departure between the new and the old ready time boards the same trip as
/// at the later departure minute, whose arrivals the labels already hold, so it need not be scanned.
/// </summary>
public sealed class StopDepartures
{
    private readonly int[] _offsets;
    private readonly int[] _seconds;
    private readonly int[] _patterns;

    public StopDepartures(Timetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        var stops = timetable.StopCount;
        var offsets = new int[stops + 1];
        ForEachBoarding(timetable, (stop, _, _) => offsets[stop + 1]++);
        for (var s = 0; s < stops; s++)
        {
            offsets[s + 1] += offsets[s];
        }
        var seconds = new int[offsets[stops]];
        var patterns = new int[offsets[stops]];
        var fill = offsets[..^1];
        ForEachBoarding(timetable, (stop, pattern, departure) =>
        {
            seconds[fill[stop]] = departure;
            patterns[fill[stop]++] = pattern;
        });
        for (var s = 0; s < stops; s++)
        {
            Array.Sort(seconds, patterns, offsets[s], offsets[s + 1] - offsets[s]);
        }
        _offsets = offsets;
        _seconds = seconds;
        _patterns = patterns;
    }

    /// <summary>Index (into this table) of the first departure from <paramref name="stop"/> at or after <paramref name="seconds"/>.</summary>
    public int FirstAtOrAfter(int stop, int seconds) => SortedInts.FirstAtOrAfter(_seconds, _offsets[stop], _offsets[stop + 1], seconds);

    /// <summary>
    /// Sets the bit of the pattern of every departure from <paramref name="stop"/> in [<paramref name="fromSeconds"/>,
    /// <paramref name="beforeSeconds"/>) in <paramref name="patternBits"/>, walking back from <paramref name="cursor"/>: the
    /// index of the first departure at or after an earlier, later-or-equal <paramref name="fromSeconds"/> (a stop's ready
    /// times only fall during a sweep, so each walk only crosses the departures it gained). Leaves the cursor at the first
    /// departure at or after <paramref name="fromSeconds"/>; returns whether a bit was set.
    /// </summary>
    public bool MarkPatternsBack(int stop, int fromSeconds, int beforeSeconds, ref int cursor, ulong[] patternBits)
    {
        var first = _offsets[stop];
        var i = cursor;
        var any = false;
        while (i > first && _seconds[i - 1] >= fromSeconds)
        {
            i--;
            if (_seconds[i] < beforeSeconds)
            {
                var p = _patterns[i];
                patternBits[p >> 6] |= 1UL << p;
                any = true;
            }
        }
        cursor = i;
        return any;
    }

    private static void ForEachBoarding(Timetable tt, Action<int, int, int> visit)
    {
        for (var p = 0; p < tt.PatternCount; p++)
        {
            var first = tt.PatternStopOffsets[p];
            var n = tt.StopsInPattern(p);
            var trips = tt.TripsInPattern(p);
            var timeBase = tt.PatternTimeOffsets[p];
            for (var pos = 0; pos < n; pos++)
            {
                if ((tt.PatternStopFlags[first + pos] & GtfsFeed.PickupAllowed) == 0)
                {
                    continue;
                }
                var stop = tt.PatternStops[first + pos];
                for (var t = 0; t < trips; t++)
                {
                    visit(stop, p, tt.Departures[timeBase + (t * n) + pos]);
                }
            }
        }
    }
}
