using Geo.Core;
using Npgsql;

namespace Geo.Postgis;

/// <summary>What a schema already holds: geo-written objects are replaced, anything else with a name the export needs stops it.</summary>
internal static class ExportSchema
{
    /// <summary>Drops the earlier export (views first), after checking no name to be written belongs to someone else.</summary>
    public static void DropPreviousExport(NpgsqlConnection connection, string schema, IEnumerable<string> names)
    {
        var existing = Existing(connection, schema);
        foreach (var name in names)
        {
            if (existing.TryGetValue(name, out var found) && !found.Owned)
            {
                throw new OutputException($"{schema}.{name}",
                    "exists and was not written by geo export; it is left as it is. Choose another --schema or drop it yourself.");
            }
        }
        foreach (var (name, (kind, owned)) in existing.OrderBy(e => e.Value.Kind == 'v' ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            if (owned)
            {
                PostgisExporter.Execute(connection, $"DROP {(kind == 'v' ? "VIEW" : "TABLE")} {ExportSql.Quote(schema)}.{ExportSql.Quote(name)}");
            }
        }
    }

    /// <summary>Tables, views and other relations in the schema: kind (pg_class.relkind) and whether geo export wrote them.</summary>
    private static Dictionary<string, (char Kind, bool Owned)> Existing(NpgsqlConnection connection, string schema)
    {
        const string sql = """
            SELECT c.relname, c.relkind, coalesce(obj_description(c.oid, 'pg_class'), '') LIKE @mark || '%'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
            """;
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("mark", ExportSql.OwnerMark);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (char, bool)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = (reader.GetChar(1), reader.GetBoolean(2));
        }
        return result;
    }
}
