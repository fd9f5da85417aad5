namespace Geo.Routing.Transit.Gtfs;

/// <summary>One calendar.txt row. WeekdayMask bit 0 = Monday ... bit 6 = Sunday.</summary>
public sealed record GtfsCalendar(int Service, int WeekdayMask, DateOnly StartDate, DateOnly EndDate);
