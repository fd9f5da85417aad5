namespace Geo.Core;

/// <summary>
/// English Index of Multiple Deprivation groupings from a decile (1 = most deprived 10% nationally; 0 = unknown), defined once
/// for zones, equality, placement and need expressions.
/// </summary>
public static class Imd
{
    /// <summary>Quintile 1..5 = (decile + 1) / 2; 0 when the decile is unknown (0).</summary>
    public static int Quintile(int decile) => decile > 0 ? (decile + 1) / 2 : 0;

    /// <summary>Core20 (NHS England Core20PLUS5): the most deprived 20% nationally, IMD decile 1 or 2.</summary>
    public static bool IsCore20(int decile) => decile is 1 or 2;
}
