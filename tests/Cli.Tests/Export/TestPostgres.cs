using NUnit.Framework;
using Npgsql;

namespace Geo.Cli.Tests.Export;

/// <summary>
/// The test PostgreSQL + PostGIS server named by GEO_TEST_POSTGRES (`bash .ci/postgres.sh` prints it). Without it the
/// tests fail when CI=true and are ignored otherwise. Each fixture writes into its own schemas and drops them.
/// </summary>
internal static class TestPostgres
{
    public static string ConnectionString()
    {
        var connection = Environment.GetEnvironmentVariable("GEO_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connection))
        {
            const string message = "GEO_TEST_POSTGRES is not set (run: export GEO_TEST_POSTGRES=$(bash .ci/postgres.sh | tail -1))";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Ignore(message);
        }
        return connection!;
    }

    /// <summary>A schema name no other test run uses.</summary>
    public static string NewSchema(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..10];

    public static List<object?[]> Rows(string connectionString, string sql)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        using var source = builder.Build();
        using var connection = source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }
            rows.Add(row);
        }
        return rows;
    }

    public static object? Scalar(string connectionString, string sql) => Rows(connectionString, sql).Single()[0];

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static void DropSchema(string connectionString, string schema) =>
        Execute(connectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
}
