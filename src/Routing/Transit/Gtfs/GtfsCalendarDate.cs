namespace Geo.Routing.Transit.Gtfs;

/// <summary>One calendar_dates.txt row: Added = exception_type 1, otherwise removed (2).</summary>
public sealed record GtfsCalendarDate(int Service, DateOnly Date, bool Added);
