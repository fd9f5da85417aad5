using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// An origin and a destination snapped onto the same street segment can travel straight along it (on a one-way segment,
/// when the destination is not behind the origin); a network search (which must leave through a vertex) cannot see
/// that, so callers take the direct time when it is faster. A point to itself is then 0, as OSRM gives.
/// </summary>
public static class SameEdgeTravel
{
    /// <summary>True when both points lie on the same segment and it can be travelled from the origin to the destination.</summary>
    public static bool Applies(SnapResult origin, SnapResult destination)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(destination);
        if (!origin.IsOk || !destination.IsOk || origin.EdgeIndex < 0 || origin.EdgeIndex != destination.EdgeIndex)
        {
            return false;
        }
        if (origin.Outbound.Length == 2 && destination.Inbound.Length == 2)
        {
            return true;
        }
        // One way: the inbound seed is the part from the segment's start (in its direction) to the point.
        return origin.Inbound.Length == 1 && destination.Inbound.Length == 1 && origin.Inbound[0].LengthMm <= destination.Inbound[0].LengthMm;
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
