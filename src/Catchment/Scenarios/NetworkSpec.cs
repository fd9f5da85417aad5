using Geo.Routing.Profiles;

namespace Geo.Catchment.Scenarios;

/// <summary>Street network inputs for <c>geo run</c>: OSM extract, optional speeds file, time band, snap limit.</summary>
public sealed record NetworkSpec
{
    public string? Osm { get; init; }
    public string? Speeds { get; init; }
    public string? TimeBand { get; init; }
    public double? MaxSnapMetres { get; init; }
}
