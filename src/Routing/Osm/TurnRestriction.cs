namespace Geo.Routing.Osm;

/// <summary>A car turn restriction relation (from way, via node, to way). Only = forbid every other turn from the from-way.</summary>
public readonly record struct TurnRestriction(long RelationId, long FromWay, long ViaNode, long ToWay, bool Only, string Kind);
