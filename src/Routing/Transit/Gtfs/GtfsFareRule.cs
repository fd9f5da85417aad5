namespace Geo.Routing.Transit.Gtfs;

/// <summary>One fare_rules.txt row: the fare applies to a route (index, -1 when not given).</summary>
public sealed record GtfsFareRule(string FareId, int Route);
