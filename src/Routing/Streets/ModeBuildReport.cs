namespace Geo.Routing.Streets;

/// <summary>
/// Per-mode graph size after island pruning, and what pruning dropped (vertices and edges outside the largest
/// strongly connected component). Vertices include turn-restriction split copies.
/// </summary>
public sealed record ModeBuildReport(TravelMode Mode, int Vertices, int Edges, int VerticesDroppedByPruning, int EdgesDroppedByPruning);
