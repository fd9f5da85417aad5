namespace Geo.Routing.Isochrones;

/// <summary>
/// The street pieces reachable within one time threshold: straight segments, flat as lon0, lat0, lon1, lat1 per segment
/// (WGS84 degrees). Edges reached only in part are cut at the reached fraction.
/// </summary>
public sealed class ReachedSegments(int thresholdMs, double[] coordinates)
{
    public int ThresholdMs { get; } = thresholdMs;
    public double[] Coordinates { get; } = coordinates;
    public int Count => Coordinates.Length / 4;
}
