using Geo.Routing.Geometry;

namespace Geo.Catchment.Inputs;

/// <summary>
/// A point read from a zone or site file: its id, its WGS84 position, and where it came from
/// (1-based line of the CSV record, header = line 1; or 1-based feature number in a GeoJSON file).
/// </summary>
public sealed record NamedPoint(string Id, GeoPoint Point, int Line);
