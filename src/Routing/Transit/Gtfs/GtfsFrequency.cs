namespace Geo.Routing.Transit.Gtfs;

/// <summary>One frequencies.txt row, times in seconds after service-day midnight (end exclusive).</summary>
public sealed record GtfsFrequency(int Trip, int StartSeconds, int EndSeconds, int HeadwaySeconds, bool ExactTimes);
