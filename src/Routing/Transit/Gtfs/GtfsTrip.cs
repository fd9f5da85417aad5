namespace Geo.Routing.Transit.Gtfs;

/// <summary>A trip: Route and Service are indices into <see cref="GtfsFeed.Routes"/> and <see cref="GtfsFeed.ServiceIds"/>.</summary>
public sealed record GtfsTrip(string Id, int Route, int Service, int Feed);
