using System.Globalization;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Public transport inputs for <c>geo run</c>: GTFS feeds, service date, departure window "HH:MM-HH:MM", fares (null = the
/// embedded England defaults, written out by <c>geo run --write-fares</c>), walk limit, and the longest journey counted
/// (<see cref="MaxMinutes"/>, default 180; longer journeys are unreachable).
/// </summary>
public sealed record TransitSpec
{
    public IReadOnlyList<string> Gtfs { get; init; } = [];
    public string? Date { get; init; }
    public string? Window { get; init; }
    public string? Fares { get; init; }
    public double? MaxWalkMinutes { get; init; }
    public int? MaxMinutes { get; init; }

    /// <summary>Parses a departure window "HH:MM-HH:MM" (hours up to 47 for after-midnight service; start before end).</summary>
    public static bool TryParseWindow(string window, out int startSeconds, out int minutes)
    {
        ArgumentNullException.ThrowIfNull(window);
        startSeconds = 0;
        minutes = 0;
        var parts = window.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryClock(parts[0], out var start) && TryClock(parts[1], out var end) && end > start)
        {
            (startSeconds, minutes) = (start, (end - start) / 60);
            return true;
        }
        return false;
    }

    private static bool TryClock(string text, out int seconds)
    {
        seconds = 0;
        var hm = text.Split(':');
        if (hm.Length != 2
            || !int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 47 || m > 59)
        {
            return false;
        }
        seconds = h * 3600 + m * 60;
        return true;
    }
}
