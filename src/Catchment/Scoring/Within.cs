namespace Geo.Catchment.Scoring;

/// <summary>
/// The one rule for "within T minutes", used by the appraisal's time bands, placement coverage and accessibility cut-offs:
/// a journey of exactly T minutes is within T (minutes &lt;= T). So with whole-minute matrices a 30-minute journey is in
/// the band "over 15 to 30", is covered by a 30-minute placement threshold and counts inside a 30-minute cut-off.
/// </summary>
public static class Within
{
    /// <summary>The rule in words, for the report, summary.json and --help.</summary>
    public const string Rule =
        "\"within T minutes\" means T minutes or less (<= T) everywhere: time bands are 0 to 15, over 15 to 30, over 30 to 45, " +
        "over 45 to 60 and over 60 minutes, so a journey of exactly 30 minutes is in \"over 15 to 30\" and is covered by a 30-minute threshold";

    /// <summary>True when <paramref name="minutes"/> is within <paramref name="limitMinutes"/> (&lt;=); false for NaN (no route).</summary>
    public static bool Minutes(double minutes, double limitMinutes) => minutes <= limitMinutes;
}
