namespace Geo.Routing.Transit.Gtfs;

/// <summary>An agency. Id is prefixed with the feed id ("feed:agency").</summary>
public sealed record GtfsAgency(string Id, string Name, int Feed);
