using System.Text.RegularExpressions;
using Geo.Core;

namespace Geo.Postgis;

/// <summary>The SQL vocabulary of the export, defined once: identifier quoting, the geometry column and SRID, the ownership mark.</summary>
public static partial class ExportSql
{
    /// <summary>Every geometry is WGS84 longitude/latitude, as in the results folder's GeoJSON.</summary>
    public const int Srid = 4326;

    /// <summary>The geometry column of zones and sites (QGIS picks it up by itself).</summary>
    public const string GeometryColumn = "geom";

    /// <summary>
    /// Every table and view the export writes carries a comment starting with this; a re-export replaces only objects that
    /// carry it, and refuses to overwrite a same-named table someone else made.
    /// </summary>
    public const string OwnerMark = "geo export:";

    /// <summary>The schema written when --schema is not given.</summary>
    public const string DefaultSchema = "geo";

    /// <summary>A double-quoted identifier.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A quoted string literal (standard_conforming_strings is on in every supported PostgreSQL).</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Schema names are plain lower-case identifiers (no quoting surprises in QGIS or psql); otherwise a usage error.</summary>
    public static string CheckSchema(string? schema)
    {
        var name = schema ?? DefaultSchema;
        if (!SchemaPattern().IsMatch(name) || name.StartsWith("pg_", StringComparison.Ordinal) || name == "information_schema")
        {
            throw new UsageException($"--schema '{name}' is not a usable schema name: use lower-case letters, digits and _ (up to 63, starting with a letter or _), not pg_* or information_schema.");
        }
        return name;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();
}
