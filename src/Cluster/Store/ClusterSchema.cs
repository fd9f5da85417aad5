using System.Reflection;
using Npgsql;

namespace Geo.Cluster.Store;

/// <summary>
/// Creates what the cluster needs in PostgreSQL: the Orleans ADO.NET membership tables and queries
/// (orleans-postgresql.sql) and Geo's own job and shard tables, versioned in geo_cluster_schema. A database already at
/// <see cref="Version"/> costs two reads and no DDL (every geo cluster command calls this; an ALTER TABLE would take an
/// exclusive lock on the shard table that working silos use). Safe when several silos start at once (advisory lock).
/// </summary>
public static class ClusterSchema
{
    /// <summary>Arbitrary key of the advisory lock serialising schema creation.</summary>
    private const long SchemaLockKey = 0x6765_6F63_6C75;

    /// <summary>Migration i takes a database from version i to i + 1; append new ones, never edit a released one.</summary>
    private static readonly string[] Migrations = [GeoTables];

    /// <summary>The schema version this build writes and expects.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Version 1: the job and shard tables (idempotent, so databases from before versioning migrate too).</summary>
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

    private const string VersionTable = "CREATE TABLE IF NOT EXISTS geo_cluster_schema (version integer NOT NULL)";

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = await ClusterStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        if (await CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) >= Version)
        {
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current < Version) // else another silo migrated while this one waited for the lock
        {
            await using (var probe = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL", connection, transaction))
            {
                if (!(bool)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    await Execute(connection, transaction, OrleansScript(), cancellationToken).ConfigureAwait(false);
                }
            }
            for (var v = current; v < Version; v++)
            {
                await Execute(connection, transaction, Migrations[v], cancellationToken).ConfigureAwait(false);
            }
            await Execute(connection, transaction, VersionTable, cancellationToken).ConfigureAwait(false);
            await Execute(connection, transaction, $"DELETE FROM geo_cluster_schema; INSERT INTO geo_cluster_schema VALUES ({Version})", cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The database's schema version; 0 before any (or before versioning, whose tables migration 1 brings up to date).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('geo_cluster_schema') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM geo_cluster_schema", connection, transaction);
        return (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
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
