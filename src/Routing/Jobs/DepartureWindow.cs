using System.Globalization;
using Geo.Routing.Transit.Gtfs;

namespace Geo.Routing.Jobs;

/// <summary>
/// The departure minutes of a transit matrix. Depart-at: one departure per minute from <see cref="StartSeconds"/> for
/// <see cref="Minutes"/> minutes ("07:00-10:00" is 180 departures, 07:00 to 09:59). Arrive-by: the <see cref="Minutes"/>
/// deadlines ending at <see cref="ArriveBySeconds"/>. Times are seconds after service-day midnight (GTFS times past
/// 24:00 allowed). The one parser of window text, for the CLI and scenario files alike.
/// </summary>
public readonly record struct DepartureWindow(int StartSeconds, int Minutes, int? ArriveBySeconds = null)
{
    /// <summary>The default depart-at window, the morning peak.</summary>
    public const string DefaultText = "07:00-10:00";

    /// <summary>Minutes of an arrive-by window when none is given.</summary>
    public const int DefaultArriveByMinutes = 60;

    public const int MaxMinutes = 24 * 60;

    public static DepartureWindow Default { get; } = Parse(DefaultText);

    /// <summary>Parses HH:MM-HH:MM (end after start, 1 minute to 24 hours); false with a message otherwise.</summary>
    public static bool TryParse(string? text, out DepartureWindow window, out string error)
    {
        window = default;
        var dash = text is null ? -1 : text.IndexOf('-', StringComparison.Ordinal);
        if (text is null || dash <= 0
            || !GtfsTime.TryParseClock(text.AsSpan(0, dash).Trim(), out var start)
            || !GtfsTime.TryParseClock(text.AsSpan(dash + 1).Trim(), out var end) || end <= start)
        {
            error = $"'{text}' must be HH:MM-HH:MM with the end after the start, e.g. {DefaultText}";
            return false;
        }
        var minutes = (end - start) / 60;
        if (minutes is < 1 or > MaxMinutes)
        {
            error = $"'{text}' must span between 1 minute and 24 hours";
            return false;
        }
        window = new DepartureWindow(start, minutes);
        error = "";
        return true;
    }

    public static DepartureWindow Parse(string text) =>
        TryParse(text, out var window, out var error) ? window : throw new FormatException(error);

    /// <summary>Arrive-by: <paramref name="minutes"/> deadlines ending at HH:MM <paramref name="arriveBy"/>.</summary>
    public static bool TryArriveBy(string? arriveBy, int minutes, out DepartureWindow window, out string error)
    {
        window = default;
        if (arriveBy is null || !GtfsTime.TryParseClock(arriveBy, out var seconds))
        {
            error = $"'{arriveBy}' must be a time HH:MM, e.g. 09:00";
            return false;
        }
        if (minutes is < 1 or > MaxMinutes)
        {
            error = "an arrive-by window must be between 1 and 1440 minutes";
            return false;
        }
        window = new DepartureWindow(0, minutes, seconds);
        error = "";
        return true;
    }

    public override string ToString() => ArriveBySeconds is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"{Minutes} minutes ending {GtfsTime.Format(a)[..5]}")
        : string.Create(CultureInfo.InvariantCulture, $"{GtfsTime.Format(StartSeconds)[..5]} + {Minutes} minutes");
}
