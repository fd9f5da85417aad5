namespace Geo.Routing.Streets;

/// <summary>Outcome of snapping one point. Stable codes: Ok, TooFar, InvalidCoordinate.</summary>
public enum SnapStatus
{
    Ok,
    /// <summary>The nearest routable edge is farther than the allowed snap distance (or the graph has no edges).</summary>
    TooFar,
    /// <summary>The coordinate is NaN or outside lon -180..180 / lat -90..90.</summary>
    InvalidCoordinate,
}
