using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Routing.Matrices;

/// <summary>
/// A road travel-time matrix with the snapping of every point. Pairs with an unsnapped end, or without a route, hold
/// <see cref="TravelTime.Unreached"/> in <see cref="Matrix"/>; use <see cref="MinutesAt"/> for NaN-style access.
/// </summary>
public sealed class RoadMatrixResult(TravelTimeMatrix matrix, SnapResult[] originSnaps, SnapResult[] destinationSnaps, bool hierarchyFromCache)
{
    public TravelTimeMatrix Matrix { get; } = matrix;
    public SnapResult[] OriginSnaps { get; } = originSnaps;
    public SnapResult[] DestinationSnaps { get; } = destinationSnaps;

    /// <summary>True when the contraction hierarchy was loaded rather than built.</summary>
    public bool HierarchyFromCache { get; } = hierarchyFromCache;

    /// <summary>Minutes of the fastest route, NaN when there is none (never 0 for a failure).</summary>
    public double MinutesAt(int origin, int destination)
    {
        var ms = Matrix.DurationAt(origin, destination);
        return TravelTime.MinutesFromMs(ms);
    }

    /// <summary>Kilometres along the fastest route, NaN when there is none.</summary>
    public double KilometresAt(int origin, int destination)
    {
        var mm = Matrix.LengthAt(origin, destination);
        return mm == TravelTime.Unreached ? double.NaN : mm / 1_000_000.0;
    }

    /// <summary>All minutes, row-major, NaN where there is no route (the layout of Catchment's TravelMatrix).</summary>
    public double[] MinutesRowMajor()
    {
        var result = new double[Matrix.DurationMs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var ms = Matrix.DurationMs[i];
            result[i] = TravelTime.MinutesFromMs(ms);
        }
        return result;
    }

    /// <summary>All kilometres, row-major, NaN where there is no route.</summary>
    public double[] KilometresRowMajor()
    {
        var result = new double[Matrix.LengthMm.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var mm = Matrix.LengthMm[i];
            result[i] = mm == TravelTime.Unreached ? double.NaN : mm / 1_000_000.0;
        }
        return result;
    }
}
