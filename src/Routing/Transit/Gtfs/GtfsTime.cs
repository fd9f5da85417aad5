using System.Globalization;

namespace Geo.Routing.Transit.Gtfs;

/// <summary>GTFS times "H:MM:SS" / "HH:MM:SS" as seconds after service-day midnight; hours may be 24 or more.</summary>
public static class GtfsTime
{
    public static bool TryParse(ReadOnlySpan<char> text, out int seconds)
    {
        seconds = 0;
        text = text.Trim();
        var c1 = text.IndexOf(':');
        if (c1 <= 0 || c1 > 3)
        {
            return false;
        }
        var rest = text[(c1 + 1)..];
        var c2 = rest.IndexOf(':');
        if (c2 != 2 || rest.Length != 5)
        {
            return false;
        }
        if (!AllDigits(text[..c1]) || !AllDigits(rest[..2]) || !AllDigits(rest[3..]))
        {
            return false;
        }
        var h = int.Parse(text[..c1], NumberStyles.None, CultureInfo.InvariantCulture);
        var m = int.Parse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture);
        var s = int.Parse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (m > 59 || s > 59 || h > 72)
        {
            return false;
        }
        seconds = (h * 3600) + (m * 60) + s;
        return true;
    }

    /// <summary>"HH:MM" (or "HH:MM:SS") for a clock time given on the command line.</summary>
    public static bool TryParseClock(ReadOnlySpan<char> text, out int seconds)
    {
        text = text.Trim();
        if (text.Length is 4 or 5 && text.IndexOf(':') > 0 && text.LastIndexOf(':') == text.IndexOf(':'))
        {
            return TryParse(string.Concat(text, ":00"), out seconds);
        }
        return TryParse(text, out seconds);
    }

    public static string Format(int seconds)
    {
        var sign = seconds < 0 ? "-" : "";
        seconds = Math.Abs(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
