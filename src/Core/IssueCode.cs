namespace Geo.Core;

/// <summary>Stable codes for input problems (GTFS feeds and the CSV/GeoJSON inputs: zones, sites, providers, matrices). The string form (ToString) is used in CLI output and reports; never renumber or rename.</summary>
public enum IssueCode
{
    MissingRequiredColumn,
    MissingOptionalFile,
    BadTime,
    BadNumber,
    BadDate,
    StopWithoutCoordinates,
    NonIncreasingTimes,
    UnknownStop,
    UnknownTrip,
    UnknownRoute,
    UnknownService,
    UnknownAgency,
    DuplicateId,
    MissingTimes,
    InterpolatedTimes,
    TripWithTooFewStops,
    BadFrequency,
    BadTransfer,
    UnknownFare,
    EmptyRow,
    AgencyWithoutRoutes,
    /// <summary>How many stops were linked to the street network (Info); an Error when none was.</summary>
    StopsLinked,
    /// <summary>A row without its id (zone code, site id, origin or destination).</summary>
    EmptyId,
    /// <summary>A coordinate that is not a number or lies outside lon/lat or British National Grid ranges.</summary>
    BadCoordinate,
    /// <summary>A number outside its allowed range (negative population, IMD decile 11, more than 24 hours of travel).</summary>
    BadValue,
    /// <summary>A row with more or fewer fields than the header.</summary>
    WrongFieldCount,
}
