using System.Runtime.CompilerServices;
using Geo.Core;

namespace Geo.Routing.Search;

/// <summary>
/// A path cost as one <see cref="long"/>: duration in ms in the high 32 bits, length in mm in the low 32 bits.
/// Adding two keys adds both parts (lengths stay below 2^32 mm = 4,295 km), and comparing keys compares duration first,
/// then length, so every search picks the same fastest path (the shortest among equally fast ones) and reports its length.
/// </summary>
internal static class PathKey
{
    public const long Unreached = long.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Make(int durationMs, int lengthMm) => ((long)durationMs << 32) | (uint)lengthMm;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DurationMs(long key) => (int)(key >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LengthMm(long key) => (int)(uint)key;

    /// <summary>The largest key whose duration is at most <paramref name="maxDurationMs"/>.</summary>
    public static long Bound(int maxDurationMs) => maxDurationMs == TravelTime.Unreached ? long.MaxValue - 1 : ((long)maxDurationMs << 32) | uint.MaxValue;
}
