namespace Geo.Routing.Transit.Gtfs;

/// <summary>One loaded feed: its id (the prefix of every entity id), source path, and the first/last dates its calendars mention.</summary>
public sealed record GtfsFeedInfo(string FeedId, string Path, DateOnly? FirstDate, DateOnly? LastDate);
