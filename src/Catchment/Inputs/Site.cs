using Geo.Routing.Geometry;

namespace Geo.Catchment.Inputs;

/// <summary>A site (hospital, clinic, candidate location): id, display name and WGS84 point.</summary>
public sealed record Site(string Id, string Name, GeoPoint Point);
