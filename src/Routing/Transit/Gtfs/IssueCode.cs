namespace Geo.Routing.Transit.Gtfs;

/// <summary>Stable codes for GTFS input problems. The string form (ToString) is used in CLI output and reports; never renumber or rename.</summary>
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
}
