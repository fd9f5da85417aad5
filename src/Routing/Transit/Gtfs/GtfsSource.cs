namespace Geo.Routing.Transit.Gtfs;

/// <summary>A GTFS feed to read: a .zip or a folder. FeedId prefixes all of its ids; defaults to the file name without extension.</summary>
public sealed record GtfsSource(string Path, string? FeedId = null)
{
    public string EffectiveFeedId => FeedId ?? System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.TrimEndingDirectorySeparator(Path));
}
