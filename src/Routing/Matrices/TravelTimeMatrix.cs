using Geo.Core;

namespace Geo.Routing.Matrices;

/// <summary>
/// Source-by-target results, row-major (row = source): duration in ms and length in mm of the fastest path,
/// both <see cref="TravelTime.Unreached"/> where there is no route.
/// </summary>
public sealed class TravelTimeMatrix
{
    public TravelTimeMatrix(int sourceCount, int targetCount, int[] durationMs, int[] lengthMm)
    {
        ArgumentNullException.ThrowIfNull(durationMs);
        ArgumentNullException.ThrowIfNull(lengthMm);
        if (durationMs.Length != (long)sourceCount * targetCount || lengthMm.Length != durationMs.Length)
        {
            throw new ArgumentException("Arrays must hold sourceCount * targetCount values.", nameof(durationMs));
        }
        SourceCount = sourceCount;
        TargetCount = targetCount;
        DurationMs = durationMs;
        LengthMm = lengthMm;
    }

    public int SourceCount { get; }
    public int TargetCount { get; }
    public int[] DurationMs { get; }
    public int[] LengthMm { get; }

    public int DurationAt(int source, int target) => DurationMs[(source * TargetCount) + target];

    public int LengthAt(int source, int target) => LengthMm[(source * TargetCount) + target];

    public ReadOnlySpan<int> DurationRow(int source) => DurationMs.AsSpan(source * TargetCount, TargetCount);
}
