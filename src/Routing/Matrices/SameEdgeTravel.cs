using Geo.Routing.Streets;
using Geo.Routing.Streets.Snapping;

namespace Geo.Routing.Matrices;

/// <summary>
/// An origin and a destination snapped onto the same two-way street segment can travel straight along it; a network
/// search (which must leave through a vertex) cannot see that, so callers take the direct time when it is faster.
/// One-way segments are left to the network search.
/// </summary>
public static class SameEdgeTravel
{
    /// <summary>True when both points lie on the same two-way segment, so <see cref="Direct"/> applies.</summary>
    public static bool Applies(SnapResult origin, SnapResult destination)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(destination);
        return origin.IsOk && destination.IsOk && origin.EdgeIndex >= 0 && origin.EdgeIndex == destination.EdgeIndex
            && origin.Outbound.Length == 2 && destination.Inbound.Length == 2;
    }

    /// <summary>Time and length straight along the shared segment (the part between the two snapped points).</summary>
    public static (int DurationMs, int LengthMm) Direct(ModeGraph graph, SnapResult origin, SnapResult destination)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(destination);
        var share = Math.Abs(destination.Fraction - origin.Fraction);
        return ((int)Math.Round(graph.EdgeDurationMs[origin.EdgeIndex] * share), (int)Math.Round(graph.EdgeLengthMm[origin.EdgeIndex] * share));
    }
}
