using System.Diagnostics.CodeAnalysis;

namespace Geo.Routing.Profiles;

/// <summary>Parsing and stable string forms of <see cref="TimeBand"/>.</summary>
public static class TimeBands
{
    public static IReadOnlyList<TimeBand> All { get; } = [TimeBand.OffPeak, TimeBand.AmPeak, TimeBand.InterPeak, TimeBand.PmPeak];

    public const string ValidNames = "off_peak, am_peak, inter_peak, pm_peak";

    /// <summary>Parses "off_peak", "am_peak", "inter_peak" or "pm_peak" (case-insensitive; '-' accepted for '_').</summary>
    /// <exception cref="ArgumentException">The text is not a band; the message lists the valid bands.</exception>
    public static TimeBand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var band))
        {
            return band;
        }
        throw new ArgumentException($"Unknown time band '{text}'. Valid bands: {ValidNames}.", nameof(text));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out TimeBand band)
    {
        switch (text?.Trim().Replace('-', '_').ToLowerInvariant())
        {
            case "off_peak":
            case "offpeak":
                band = TimeBand.OffPeak;
                return true;
            case "am_peak":
            case "ampeak":
                band = TimeBand.AmPeak;
                return true;
            case "inter_peak":
            case "interpeak":
                band = TimeBand.InterPeak;
                return true;
            case "pm_peak":
            case "pmpeak":
                band = TimeBand.PmPeak;
                return true;
            default:
                band = default;
                return false;
        }
    }

    /// <summary>The stable name: "off_peak", "am_peak", "inter_peak" or "pm_peak".</summary>
    public static string ToName(this TimeBand band) => band switch
    {
        TimeBand.OffPeak => "off_peak",
        TimeBand.AmPeak => "am_peak",
        TimeBand.InterPeak => "inter_peak",
        TimeBand.PmPeak => "pm_peak",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}
