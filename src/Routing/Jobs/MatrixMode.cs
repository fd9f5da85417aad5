using System.Diagnostics.CodeAnalysis;
using Geo.Routing.Streets;

namespace Geo.Routing.Jobs;

/// <summary>How a matrix travels: on the street network by car, walk or cycle, or walk + public transport.</summary>
public enum MatrixMode
{
    Car,
    Walk,
    Cycle,
    Transit,
}

public static class MatrixModes
{
    public const string ValidNames = "car, walk, cycle (or bike), transit (or pt)";

    public static bool TryParse([NotNullWhen(true)] string? text, out MatrixMode mode)
    {
        if (string.Equals(text, "transit", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "pt", StringComparison.OrdinalIgnoreCase))
        {
            mode = MatrixMode.Transit;
            return true;
        }
        var ok = TravelModes.TryParse(text, out var travel);
        mode = ok ? FromTravelMode(travel) : default;
        return ok;
    }

    public static MatrixMode FromTravelMode(TravelMode mode) => mode switch
    {
        TravelMode.Car => MatrixMode.Car,
        TravelMode.Walk => MatrixMode.Walk,
        TravelMode.Cycle => MatrixMode.Cycle,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The street mode of a road matrix (not transit).</summary>
    public static TravelMode ToTravelMode(this MatrixMode mode) => mode switch
    {
        MatrixMode.Car => TravelMode.Car,
        MatrixMode.Walk => TravelMode.Walk,
        MatrixMode.Cycle => TravelMode.Cycle,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), "transit has no single street mode"),
    };

    public static string ToName(this MatrixMode mode) => mode == MatrixMode.Transit ? "transit" : mode.ToTravelMode().ToName();
}
