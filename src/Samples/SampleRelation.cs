namespace Geo.Samples;

/// <summary>A turn restriction relation: from way, via node, to way.</summary>
internal sealed record SampleRelation(long Id, long FromWayId, long ViaNodeId, long ToWayId, IReadOnlyList<KeyValuePair<string, string>> Tags);
