namespace Geo.Routing.Transit.Gtfs;

/// <summary>Which services run on a date: calendar.txt weekdays within [start, end], then calendar_dates additions and removals.</summary>
public static class GtfsServiceDays
{
    /// <summary>Active flag per service index 0 .. <paramref name="serviceCount"/>-1 on <paramref name="date"/>.</summary>
    public static bool[] Active(int serviceCount, IReadOnlyList<GtfsCalendar> calendars, IReadOnlyList<GtfsCalendarDate> calendarDates, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(calendarDates);
        var active = new bool[serviceCount];
        var bit = 1 << (((int)date.DayOfWeek + 6) % 7); // Monday = bit 0
        foreach (var c in calendars)
        {
            if (date >= c.StartDate && date <= c.EndDate && (c.WeekdayMask & bit) != 0)
            {
                active[c.Service] = true;
            }
        }
        foreach (var d in calendarDates)
        {
            if (d.Date == date)
            {
                active[d.Service] = d.Added;
            }
        }
        return active;
    }
}
