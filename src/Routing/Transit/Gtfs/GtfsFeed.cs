namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// One or more GTFS feeds read into a single set of tables with dense int indices. Source ids are kept prefixed with
/// the feed id ("feedId:sourceId") so feeds never clash. Stop times are stored per trip in CSR form, sorted by stop_sequence,
/// with missing interior times interpolated; a trip whose stop times were unusable has no stop times (and is skipped).
/// </summary>
public sealed class GtfsFeed
{
    public const byte PickupAllowed = 1;
    public const byte DropOffAllowed = 2;

    public required IReadOnlyList<GtfsFeedInfo> Feeds { get; init; }
    public required IReadOnlyList<GtfsAgency> Agencies { get; init; }
    public required IReadOnlyList<GtfsStop> Stops { get; init; }
    public required IReadOnlyList<GtfsRoute> Routes { get; init; }
    public required IReadOnlyList<GtfsTrip> Trips { get; init; }
    /// <summary>Prefixed service ids; calendars refer to them by index.</summary>
    public required IReadOnlyList<string> ServiceIds { get; init; }
    public required IReadOnlyList<GtfsCalendar> Calendars { get; init; }
    public required IReadOnlyList<GtfsCalendarDate> CalendarDates { get; init; }
    public required IReadOnlyList<GtfsFrequency> Frequencies { get; init; }
    public required IReadOnlyList<GtfsTransfer> Transfers { get; init; }
    public required IReadOnlyList<GtfsFareAttribute> FareAttributes { get; init; }
    public required IReadOnlyList<GtfsFareRule> FareRules { get; init; }

    /// <summary>CSR offsets into the stop-time columns, Trips.Count + 1 entries.</summary>
    public required int[] TripStopTimeOffsets { get; init; }
    public required int[] StopTimeStop { get; init; }
    public required int[] StopTimeArrivalSeconds { get; init; }
    public required int[] StopTimeDepartureSeconds { get; init; }
    /// <summary>Bit flags: <see cref="PickupAllowed"/>, <see cref="DropOffAllowed"/>.</summary>
    public required byte[] StopTimeFlags { get; init; }

    /// <summary>
    /// Set when the feed was read for one service date: only trips running that day or the day before have stop times,
    /// so only that date's timetable can be built from it.
    /// </summary>
    public DateOnly? ServiceDate { get; init; }

    public int StopTimeCount(int trip) => TripStopTimeOffsets[trip + 1] - TripStopTimeOffsets[trip];
}
