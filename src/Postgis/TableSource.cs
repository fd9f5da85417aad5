using Npgsql;

namespace Geo.Postgis;

/// <summary>
/// One table of the export and the file it comes from: its columns (types inferred from the values by <see cref="Prepare"/>),
/// its primary key, its geometry type if any, and the rows it streams into a binary COPY.
/// </summary>
public abstract class TableSource(string table, string path, IReadOnlyList<string> key)
{
    /// <summary>The table's name in the export schema (documented in README, "PostGIS and QGIS").</summary>
    public string Table { get; } = table;

    /// <summary>The results file the rows come from.</summary>
    public string SourcePath { get; } = path;

    /// <summary>Primary key columns (header names as in the file).</summary>
    public IReadOnlyList<string> Key { get; } = key;

    /// <summary>Attribute columns in file order; valid after <see cref="Prepare"/>.</summary>
    public abstract IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>PostGIS geometry type of the <see cref="ExportSql.GeometryColumn"/> (Point, MultiPolygon, Geometry) or null for none.</summary>
    public abstract string? GeometryType { get; }

    /// <summary>Reads the file once to learn its columns and their types; throws InputFileException naming file:line when malformed.</summary>
    public abstract void Prepare();

    /// <summary>Writes every row (attribute columns in order, then the geometry) and returns how many.</summary>
    public abstract long Copy(NpgsqlBinaryImporter importer);
}
