using System.Globalization;

namespace Geo.Routing.Profiles;

/// <summary>
/// Parses OSM maxspeed values in the forms used in the UK:
/// "30 mph" / "30mph" (miles per hour), "50" / "50 km/h" / "50 kmh" / "50 kph" (km/h, the OSM default unit),
/// "national" / "GB:national" / "UK:national" (national speed limit: 70 mph on motorways and dual carriageways, else 60 mph),
/// "GB:nsl_single" (60 mph), "GB:nsl_dual" (70 mph), "GB:motorway" (70 mph), "GB:nsl_restricted" / "GB:urban" (30 mph),
/// with "UK:" accepted for "GB:". "none", "signals", "variable", "walk" and anything unknown give no value, so the
/// class default applies. Lists ("30 mph;40 mph") use their first value.
/// </summary>
public static class MaxSpeedParser
{
    public const double KmPerMile = 1.609344;

    /// <summary>Tries to read a speed limit in km/h.</summary>
    /// <param name="value">The maxspeed tag value (may be null).</param>
    /// <param name="dualCarriageway">True for motorways and dual carriageways, where "national" means 70 mph.</param>
    /// <param name="kmh">The limit in km/h when the method returns true.</param>
    public static bool TryParseKmh(string? value, bool dualCarriageway, out double kmh)
    {
        kmh = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        var semicolon = text.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            text = text[..semicolon].Trim();
        }
        text = text.ToLowerInvariant();
        if (text.StartsWith("uk:", StringComparison.Ordinal))
        {
            text = "gb:" + text[3..];
        }
        switch (text)
        {
            case "national":
            case "gb:national":
            case "gb:nsl":
                kmh = (dualCarriageway ? 70 : 60) * KmPerMile;
                return true;
            case "gb:nsl_single":
                kmh = 60 * KmPerMile;
                return true;
            case "gb:nsl_dual":
            case "gb:motorway":
                kmh = 70 * KmPerMile;
                return true;
            case "gb:nsl_restricted":
            case "gb:urban":
            case "gb:zone30":
                kmh = 30 * KmPerMile;
                return true;
            case "gb:zone20":
                kmh = 20 * KmPerMile;
                return true;
        }
        var factor = 1.0;
        if (text.EndsWith("mph", StringComparison.Ordinal))
        {
            factor = KmPerMile;
            text = text[..^3];
        }
        else if (text.EndsWith("km/h", StringComparison.Ordinal))
        {
            text = text[..^4];
        }
        else if (text.EndsWith("kmh", StringComparison.Ordinal) || text.EndsWith("kph", StringComparison.Ordinal))
        {
            text = text[..^3];
        }
        text = text.Trim();
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > 400)
        {
            return false;
        }
        kmh = number * factor;
        return true;
    }
}
