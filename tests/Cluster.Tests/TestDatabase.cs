using NUnit.Framework;
using Npgsql;

namespace Geo.Cluster.Tests;

/// <summary>
/// A throw-away PostgreSQL database per test fixture (created and dropped here) on the server in GEO_TEST_POSTGRES.
/// Without it the tests fail when CI=true and are ignored otherwise.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static TestDatabase Create()
    {
        var admin = Environment.GetEnvironmentVariable("GEO_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            const string message = "GEO_TEST_POSTGRES is not set (run: export GEO_TEST_POSTGRES=$(bash .ci/postgres.sh | tail -1))";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Ignore(message);
        }
        var name = "geo_clu_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(admin!, name, builder.ConnectionString);
    }

    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
