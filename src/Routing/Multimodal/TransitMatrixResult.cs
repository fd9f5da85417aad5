using Geo.Core;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;

namespace Geo.Routing.Multimodal;

/// <summary>
/// Flat row-major results of <see cref="TransitMatrixComputer"/> or of origins [FirstOrigin, FirstOrigin + OriginCount) of
/// <see cref="TransitMatrixRows"/>: pair index = (origin - FirstOrigin) * DestinationCount + destination.
/// Minutes[percentileIndex * PairCount + pair] (NaN = not reachable within the trip limit at that percentile).
/// Journey breakdown arrays describe the journey at the median minute (NaN / -1 when unavailable or not requested).
/// </summary>
public sealed class TransitMatrixResult
{
    /// <summary>The first origin of these rows (0 for a whole matrix); OriginSnaps[i] is origin FirstOrigin + i.</summary>
    public int FirstOrigin { get; init; }
    public required int OriginCount { get; init; }
    public required int DestinationCount { get; init; }
    public required int[] Percentiles { get; init; }
    public required float[] Minutes { get; init; }
    public required PairStatus[] Status { get; init; }
    public required float[] AccessWalkMinutes { get; init; }
    public required float[] WaitMinutes { get; init; }
    public required float[] InVehicleMinutes { get; init; }
    public required float[] TransferWalkMinutes { get; init; }
    public required float[] EgressWalkMinutes { get; init; }
    /// <summary>Vehicles boarded by the median journey (0 = walk only, -1 = unknown).</summary>
    public required sbyte[] Boardings { get; init; }
    /// <summary>Fare of the median journey in <see cref="Currency"/> (NaN if no fare model or unreachable).</summary>
    public required float[] Fares { get; init; }
    public required string Currency { get; init; }
    public required SnapResult[] OriginSnaps { get; init; }
    public required SnapResult[] DestinationSnaps { get; init; }

    public int PairCount => OriginCount * DestinationCount;

    public int Pair(int origin, int destination) => (origin * DestinationCount) + destination;

    public float MinutesAt(int percentileIndex, int origin, int destination) => Minutes[(percentileIndex * PairCount) + Pair(origin, destination)];

    public int Interchanges(int pair) => Boardings[pair] <= 0 ? Math.Max(0, (int)Boardings[pair]) : Boardings[pair] - 1;

    /// <summary>Minutes at one percentile as a row-major double array (NaN = no route), e.g. for Catchment's TravelMatrix.</summary>
    public double[] MinutesRowMajor(int percentileIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentileIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(percentileIndex, Percentiles.Length);
        var result = new double[PairCount];
        var off = percentileIndex * PairCount;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Minutes[off + i];
        }
        return result;
    }
}
