namespace Geo.Routing.Transit.Timetable;

/// <summary>Searches in non-decreasing runs of ints (a stop's departures, one pattern position's departures by trip).</summary>
internal static class SortedInts
{
    /// <summary>Index of the first of values[<paramref name="start"/>..<paramref name="end"/>) at or after <paramref name="value"/>, or <paramref name="end"/> if none.</summary>
    public static int FirstAtOrAfter(int[] values, int start, int end, int value)
    {
        int lo = start, hi = end;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] >= value)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
