namespace Geo.Routing.Transit.Gtfs;

/// <summary>A route. Agency is an index into <see cref="GtfsFeed.Agencies"/> (-1 if unknown). RouteType is the GTFS route_type (3 = bus, 2 = rail...).</summary>
public sealed record GtfsRoute(string Id, int Agency, string ShortName, string LongName, int RouteType, int Feed);
