namespace Geo.Routing.Profiles;

/// <summary>
/// A time band of the day, as in the DfT Journey Time Statistics: AM peak (07:00-10:00), inter-peak (10:00-16:00),
/// PM peak (16:00-19:00) and off-peak (the rest). Only car speeds depend on the band.
/// </summary>
public enum TimeBand
{
    OffPeak,
    AmPeak,
    InterPeak,
    PmPeak,
}
