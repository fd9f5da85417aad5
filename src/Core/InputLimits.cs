namespace Geo.Core;

/// <summary>
/// The stated limits on CSV inputs (zones, sites, providers, visits, demand, travel-time matrices), enforced by
/// <see cref="CsvTable"/> with an exit-3 error naming the file and the limit (README, "Limits"). They hold national use with
/// room to spare: 35,672 LSOAs x 6,600 GP practices is 235 million matrix rows, 10-15 GB as CSV; a wide matrix keyed
/// by LSOA has 35,673 columns. They exist so that a wrong or hostile file fails at once with a plain message instead of
/// exhausting memory (a quote never closed would otherwise read the rest of a 10 GB file into one field).
/// </summary>
public static class InputLimits
{
    /// <summary>Largest CSV file read: 64 GiB.</summary>
    public const long MaxCsvFileBytes = 64L * 1024 * 1024 * 1024;

    /// <summary>Most data rows in one CSV file (the header not counted): 500 million.</summary>
    public const long MaxCsvRows = 500_000_000;

    /// <summary>Most fields in one CSV row: 100,000 (a wide matrix with one column per LSOA needs 35,673).</summary>
    public const int MaxCsvColumns = 100_000;

    /// <summary>Longest single CSV field: 65,536 characters (names and codes are tens of characters).</summary>
    public const int MaxCsvFieldChars = 65_536;
}
