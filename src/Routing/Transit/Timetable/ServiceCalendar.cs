using System.Globalization;
using System.Text;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Transit.Timetable;

/// <summary>Which services run on a date: calendar.txt weekdays within [start, end], then calendar_dates additions and removals.</summary>
public static class ServiceCalendar
{
    /// <summary>Active flag per service index of <paramref name="feed"/> on <paramref name="date"/>.</summary>
    public static bool[] ActiveServices(GtfsFeed feed, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return GtfsServiceDays.Active(feed.ServiceIds.Count, feed.Calendars, feed.CalendarDates, date);
    }

    /// <summary>True when <paramref name="date"/> lies within at least one feed's calendar range.</summary>
    public static bool IsCovered(GtfsFeed feed, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(feed);
        foreach (var f in feed.Feeds)
        {
            if (f.FirstDate is { } a && f.LastDate is { } b && date >= a && date <= b)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Throws <see cref="ComputationException"/> stating the ranges the feeds cover when <paramref name="date"/> is outside all of them.</summary>
    public static void EnsureCovered(GtfsFeed feed, DateOnly date)
    {
        if (IsCovered(feed, date))
        {
            return;
        }
        throw new ComputationException(string.Create(CultureInfo.InvariantCulture,
            $"Date {date:yyyy-MM-dd} is outside every GTFS feed's calendar ({DescribeCoverage(feed)}). Choose a date inside one of these ranges."));
    }

    public static string DescribeCoverage(GtfsFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var sb = new StringBuilder();
        foreach (var f in feed.Feeds)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }
            sb.Append(f.FeedId).Append(": ");
            sb.Append(f.FirstDate is { } a && f.LastDate is { } b
                ? string.Create(CultureInfo.InvariantCulture, $"{a:yyyy-MM-dd} to {b:yyyy-MM-dd}")
                : "no calendar");
        }
        return sb.ToString();
    }
}
