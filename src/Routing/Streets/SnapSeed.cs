namespace Geo.Routing.Streets;

/// <summary>
/// One way into (for an origin) or out of (for a destination) the graph from a snapped point:
/// the vertex, and the time and length between the snapped point and that vertex along the edge.
/// A point snapped onto the middle of a two-way edge has two seeds, onto a one-way edge one.
/// </summary>
public readonly record struct SnapSeed(int Vertex, int DurationMs, int LengthMm);
