namespace Geo.Core;

/// <summary>The one "no route" sentinel and the unit conversions between layers: streets in int milliseconds, transit in
/// int seconds, reports in double minutes (NaN = no time).</summary>
public static class TravelTime
{
    /// <summary>No route (or beyond the search bound). Never add to it: check first.</summary>
    public const int Unreached = int.MaxValue;

    /// <summary>Milliseconds as minutes; NaN (the "no time" of every minutes column) for <see cref="Unreached"/>.</summary>
    public static double MinutesFromMs(int durationMs) => durationMs == Unreached ? double.NaN : durationMs / 60_000.0;

    /// <summary>Milliseconds as whole seconds rounded up (a walk never gets shorter by rounding); the caller checks
    /// <see cref="Unreached"/> first.</summary>
    public static int SecondsRoundedUpFromMs(int durationMs) => (durationMs + 999) / 1000;
}
