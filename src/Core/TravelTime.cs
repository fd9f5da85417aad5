namespace Geo.Core;

/// <summary>Sentinels and helpers for durations in milliseconds.</summary>
public static class TravelTime
{
    /// <summary>No route (or beyond the search bound). Never add to it: check first.</summary>
    public const int Unreached = int.MaxValue;
}
