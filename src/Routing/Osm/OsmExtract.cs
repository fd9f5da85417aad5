using Geo.Routing.Profiles;

namespace Geo.Routing.Osm;

/// <summary>
/// The routable part of an OSM file as flat arrays: nodes used by routable ways (sorted by OSM id), the ways with
/// their node lists (indices into the node arrays, -1 where the node is missing from the file), one profile per way,
/// and the car turn restrictions.
/// </summary>
internal sealed class OsmExtract
{
    public required long[] NodeIds { get; init; }
    public required int[] NodeLatE7 { get; init; }
    public required int[] NodeLonE7 { get; init; }
    public required long[] WayIds { get; init; }
    public required int[] WayFirstNode { get; init; }
    public required int[] WayNodes { get; init; }
    public required WayProfile[] WayProfiles { get; init; }
    public required TurnRestriction[] Restrictions { get; init; }
    public required int WaysRead { get; init; }
    public required int RestrictionRelationsRead { get; init; }
    public required int RestrictionsUnsupported { get; init; }
    public required int MissingNodes { get; init; }
    public required int DistinctTagSets { get; init; }
}
