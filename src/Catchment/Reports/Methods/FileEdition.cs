using System.Globalization;
using System.Text.RegularExpressions;

namespace Geo.Catchment.Reports.Methods;

/// <summary>
/// Edition and licence of a file read from its name where it follows the usual ONS/MHCLG naming (imd2025, census2021,
/// lsoa21, ward24, ltla24, ruc21, mid2020), plus the file's modified date. A scenario's "sources" entry overrides both.
/// </summary>
public static partial class FileEdition
{
    private const string Ogl = "Open Government Licence v3.0";

    public static (string? Edition, string? Licence) Guess(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        var parts = new List<string>();
        string? licence = null;
        if (Imd().Match(name) is { Success: true } imd)
        {
            parts.Add($"English indices of deprivation (IMD) {imd.Groups[1].Value}, MHCLG");
            licence = Ogl + " (MHCLG)";
        }
        if (Census().Match(name) is { Success: true } census)
        {
            parts.Add($"Census {census.Groups[1].Value}, ONS");
            licence ??= Ogl + " (ONS)";
        }
        if (MidYear().Match(name) is { Success: true } mid)
        {
            parts.Add($"mid-{mid.Groups[1].Value} population estimates, ONS");
            licence ??= Ogl + " (ONS)";
        }
        AddYear(parts, name, Lsoa(), "LSOA {0} geography");
        AddYear(parts, name, Ward(), "wards {0}");
        AddYear(parts, name, Ltla(), "local authorities {0}");
        AddYear(parts, name, Ruc(), "Rural-Urban Classification {0}, ONS");
        if (name.Contains("boundar", StringComparison.Ordinal) || name.Contains("pwc", StringComparison.Ordinal) || name.Contains("lookup", StringComparison.Ordinal)
            || name.Contains("ruc", StringComparison.Ordinal))
        {
            licence ??= Ogl + " (ONS; contains OS data © Crown copyright and database right)";
        }
        if (name.Contains("nhs", StringComparison.Ordinal))
        {
            licence ??= "Open Government Licence (NHS)";
        }
        if (File.Exists(path))
        {
            parts.Add("file dated " + File.GetLastWriteTimeUtc(path).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return (parts.Count == 0 ? null : string.Join("; ", parts), licence);
    }

    private static void AddYear(List<string> parts, string name, Regex pattern, string format)
    {
        if (pattern.Match(name) is { Success: true } m)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, format, "20" + m.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"imd_?(\d{4})")]
    private static partial Regex Imd();

    [GeneratedRegex(@"census_?(\d{4})")]
    private static partial Regex Census();

    [GeneratedRegex(@"mid_?(\d{4})")]
    private static partial Regex MidYear();

    [GeneratedRegex(@"lsoa_?(\d{2})(?!\d)")]
    private static partial Regex Lsoa();

    [GeneratedRegex(@"ward_?(\d{2})(?!\d)")]
    private static partial Regex Ward();

    [GeneratedRegex(@"(?:ltla|lad)_?(\d{2})(?!\d)")]
    private static partial Regex Ltla();

    [GeneratedRegex(@"ruc_?(\d{2})(?!\d)")]
    private static partial Regex Ruc();
}
