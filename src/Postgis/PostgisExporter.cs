using Geo.Core;
using Npgsql;

namespace Geo.Postgis;

/// <summary>
/// Writes a results folder into a PostgreSQL schema in ONE transaction, so readers see the previous export or the new one,
/// never a mix: earlier geo-written tables of the schema are dropped, each table is created, filled by binary COPY, given
/// its primary key (and a GiST index on geom) and marked as geo's (<see cref="ExportSql.OwnerMark"/>). A same-named table
/// that geo did not write is never touched: the export stops instead.
/// </summary>
public static class PostgisExporter
{
    public static IReadOnlyList<ExportedTable> Export(PostgresTarget target, string schema, string folder, Action<ExportedTable>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        schema = ExportSql.CheckSchema(schema);
        var tables = ResultsTables.Find(folder);
        using var dataSource = target.OpenDataSource();
        try
        {
            using var connection = dataSource.OpenConnection();
            EnsurePostgis(connection, target);
            using var transaction = connection.BeginTransaction();
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {ExportSql.Quote(schema)}");
            var written = tables.Select(t => t.Table).Append(ResultsTables.ResultsMapView);
            ExportSchema.DropPreviousExport(connection, schema, written);
            var exported = new List<ExportedTable>();
            foreach (var table in tables)
            {
                var result = ExportTable(connection, schema, folder, table);
                exported.Add(result);
                progress?.Invoke(result);
            }
            if (tables.Any(t => t.Table == "zones" && t.GeometryType is not null) && tables.Any(t => t.Table == "zone_results"))
            {
                CreateResultsMapView(connection, schema);
            }
            transaction.Commit();
            return exported;
        }
        catch (NpgsqlException ex)
        {
            throw target.Unwritable(ex);
        }
        catch (TimeoutException ex)
        {
            throw target.Unwritable(ex);
        }
    }

    private static ExportedTable ExportTable(NpgsqlConnection connection, string schema, string folder, TableSource table)
    {
        table.Prepare();
        var name = $"{ExportSql.Quote(schema)}.{ExportSql.Quote(table.Table)}";
        var columns = table.Columns.Select(c => $"{ExportSql.Quote(c.Name)} {c.SqlType}").ToList();
        var columnNames = table.Columns.Select(c => ExportSql.Quote(c.Name)).ToList();
        if (table.GeometryType is { } type)
        {
            columns.Add($"{ExportSql.GeometryColumn} geometry({type}, {ExportSql.Srid})");
            columnNames.Add(ExportSql.GeometryColumn);
        }
        Execute(connection, $"CREATE TABLE {name} ({string.Join(", ", columns)})");
        long rows;
        using (var importer = connection.BeginBinaryImport($"COPY {name} ({string.Join(", ", columnNames)}) FROM STDIN (FORMAT BINARY)"))
        {
            rows = table.Copy(importer);
            importer.Complete();
        }
        AddPrimaryKey(connection, name, table);
        long invalid = 0;
        if (table.GeometryType is not null)
        {
            Execute(connection, $"CREATE INDEX {ExportSql.Quote(table.Table + "_geom_idx")} ON {name} USING GIST ({ExportSql.GeometryColumn})");
            invalid = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {name} WHERE NOT ST_IsValid({ExportSql.GeometryColumn})"), System.Globalization.CultureInfo.InvariantCulture);
        }
        var source = Path.GetRelativePath(folder, table.SourcePath).Replace('\\', '/');
        Execute(connection, $"COMMENT ON TABLE {name} IS {ExportSql.Literal($"{ExportSql.OwnerMark} {source} (key {string.Join(", ", table.Key)})")}");
        Execute(connection, $"ANALYZE {name}");
        return new ExportedTable(table.Table, source, rows, table.GeometryType, invalid);
    }

    /// <summary>A key repeated or empty in the file is bad input naming the file, not a database failure.</summary>
    private static void AddPrimaryKey(NpgsqlConnection connection, string name, TableSource table)
    {
        if (table.Key.Count == 0)
        {
            return;
        }
        var key = table.Key.Select(k => ExportSql.Quote(ColumnNames.Clean(k)));
        try
        {
            Execute(connection, $"ALTER TABLE {name} ADD PRIMARY KEY ({string.Join(", ", key)})");
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.NotNullViolation)
        {
            var problem = ex.SqlState == PostgresErrorCodes.UniqueViolation ? "repeats a key" : "has a row with an empty key";
            throw new InputFileException(table.SourcePath, null, string.Join(",", table.Key), $"{problem} ({string.Join(", ", table.Key)}): {ex.Detail ?? ex.MessageText}");
        }
    }

    private static void CreateResultsMapView(NpgsqlConnection connection, string schema)
    {
        var s = ExportSql.Quote(schema);
        var view = $"{s}.{ExportSql.Quote(ResultsTables.ResultsMapView)}";
        Execute(connection, $"CREATE VIEW {view} AS SELECT r.*, z.{ExportSql.GeometryColumn} FROM {s}.zone_results r JOIN {s}.zones z USING (zone_id)");
        Execute(connection, $"COMMENT ON VIEW {view} IS {ExportSql.Literal(ExportSql.OwnerMark + " zone_results with each zone's polygon (key option_id, mode, service, zone_id)")}");
    }

    /// <summary>PostGIS must be in the database; it is created when the user may (CREATE EXTENSION), else the message says who must.</summary>
    private static void EnsurePostgis(NpgsqlConnection connection, PostgresTarget target)
    {
        if (Scalar(connection, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'") is string)
        {
            return;
        }
        try
        {
            Execute(connection, "CREATE EXTENSION IF NOT EXISTS postgis");
        }
        catch (PostgresException ex)
        {
            throw new OutputException("PostgreSQL " + target.Description,
                $"PostGIS is not installed in this database and could not be added ({ex.MessageText}); ask its administrator to run CREATE EXTENSION postgis;", ex);
        }
        connection.ReloadTypes();
    }

    internal static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
