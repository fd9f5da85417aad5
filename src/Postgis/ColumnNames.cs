namespace Geo.Postgis;

/// <summary>
/// Column names as exported: the file's header in lower case with every character other than a-z, 0-9 and _ written as _
/// (so "MF50-84" becomes mf50_84 and needs no quotes in SQL); a name seen twice gets _2, _3.
/// </summary>
public static class ColumnNames
{
    public static string[] FromHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = new string[header.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal) { ExportSql.GeometryColumn };
        for (var i = 0; i < header.Count; i++)
        {
            var name = Clean(header[i]);
            var unique = name;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = name + "_" + n;
            }
            names[i] = unique;
        }
        return names;
    }

    public static string Clean(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var chars = header.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterLower(chars[i]) || char.IsAsciiDigit(chars[i]) || chars[i] == '_'))
            {
                chars[i] = '_';
            }
        }
        return chars.Length == 0 ? "column" : new string(chars);
    }
}
