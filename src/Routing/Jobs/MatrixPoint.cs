using Geo.Routing.Geometry;

namespace Geo.Routing.Jobs;

/// <summary>An origin or destination of a matrix job: its id as written in the output, and where it is.</summary>
public readonly record struct MatrixPoint(string Id, GeoPoint Point);
