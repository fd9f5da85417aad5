using System.Reflection;
using Npgsql;

namespace Geo.Cluster.Store;

/// <summary>
/// Creates, idempotently, what the cluster needs in PostgreSQL: the Orleans ADO.NET membership tables and queries
/// (orleans-postgresql.sql) and Geo's own job and shard tables. Safe when several silos start at once (advisory lock).
/// </summary>
public static class ClusterSchema
{
    /// <summary>Arbitrary key of the advisory lock serialising schema creation.</summary>
    private const long SchemaLockKey = 0x6765_6F63_6C75;

    private const string GeoTables = """
        CREATE TABLE IF NOT EXISTS geo_cluster_job (
            job_id      text PRIMARY KEY,
            spec        jsonb NOT NULL,
            state       text NOT NULL,
            error       text NULL,
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS geo_cluster_shard (
            job_id       text NOT NULL REFERENCES geo_cluster_job (job_id) ON DELETE CASCADE,
            shard        integer NOT NULL,
            origin_start integer NOT NULL,
            origin_end   integer NOT NULL,
            state        text NOT NULL,
            silo         text NULL,
            lease_until  timestamptz NULL,
            attempts     integer NOT NULL DEFAULT 0,
            computed     integer NOT NULL DEFAULT 0,
            rows         bigint NOT NULL DEFAULT 0,
            bytes        bigint NOT NULL DEFAULT 0,
            sha256       text NULL,
            compute_ms   bigint NOT NULL DEFAULT 0,
            started_at   timestamptz NULL,
            finished_at  timestamptz NULL,
            PRIMARY KEY (job_id, shard)
        );
        -- Where each shard's time went (milliseconds); added after the first release, hence ALTER for older databases.
        ALTER TABLE geo_cluster_shard
            ADD COLUMN IF NOT EXISTS check_ms  bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS stage_ms  bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS route_ms  bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS write_ms  bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS hash_ms   bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS verify_ms bigint NOT NULL DEFAULT 0;
        """;

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = await ClusterStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
        await using (var probe = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                await Execute(connection, transaction, OrleansScript(), cancellationToken).ConfigureAwait(false);
            }
        }
        await Execute(connection, transaction, GeoTables, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string OrleansScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Geo.Cluster.Store.orleans-postgresql.sql")
            ?? throw new InvalidOperationException("embedded orleans-postgresql.sql is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
