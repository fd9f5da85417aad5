using System.Diagnostics.CodeAnalysis;

namespace Geo.Routing.Streets;

/// <summary>Parsing and stable string forms of <see cref="TravelMode"/>.</summary>
public static class TravelModes
{
    /// <summary>All modes in file order (car, walk, cycle).</summary>
    public static IReadOnlyList<TravelMode> All { get; } = [TravelMode.Car, TravelMode.Walk, TravelMode.Cycle];

    public const string ValidNames = "car, walk, cycle (or bike)";

    /// <summary>Parses "car", "walk", "cycle" or "bike" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The text is not a mode; the message lists the valid modes.</exception>
    public static TravelMode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var mode))
        {
            return mode;
        }
        throw new ArgumentException($"Unknown travel mode '{text}'. Valid modes: {ValidNames}.", nameof(text));
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out TravelMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "car":
                mode = TravelMode.Car;
                return true;
            case "walk":
                mode = TravelMode.Walk;
                return true;
            case "cycle":
            case "bike":
                mode = TravelMode.Cycle;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>The stable lower-case name: "car", "walk" or "cycle".</summary>
    public static string ToName(this TravelMode mode) => mode switch
    {
        TravelMode.Car => "car",
        TravelMode.Walk => "walk",
        TravelMode.Cycle => "cycle",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
