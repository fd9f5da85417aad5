using System.Text.Json;
using Geo.Cluster.Jobs;
using Npgsql;

namespace Geo.Cluster.Store;

/// <summary>
/// Job and shard state in plain PostgreSQL tables (geo_cluster_job, geo_cluster_shard) that operators can query.
/// The job grain is their only writer while a job runs; status reads them directly. Every write also NOTIFYs
/// <see cref="JobEvents.Channel"/> with the job id (delivered on commit), so silos and watchers need not poll fast.
/// </summary>
public sealed class ClusterStore(string connectionString)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ConnectionString { get; } = connectionString;

    /// <summary>Opens a connection or throws <see cref="ClusterDatabaseException"/> naming host, port and database.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ClusterDatabaseException($"--postgres is not a valid connection string ({ex.Message}); e.g. Host=db.example;Port=5432;Username=geo;Password=...;Database=geo", ex);
        }
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new ClusterDatabaseException(
                $"cannot reach PostgreSQL at {builder.Host}:{builder.Port} database '{builder.Database}' as '{builder.Username}': {reason}", ex);
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(ConnectionString, cancellationToken).ConfigureAwait(false);

    public static string ToJson(MatrixJobSpec spec) => JsonSerializer.Serialize(spec, Json);

    public static MatrixJobSpec FromJson(string json) =>
        JsonSerializer.Deserialize<MatrixJobSpec>(json, Json) ?? throw new InvalidDataException("empty job spec");

    public async Task<IReadOnlyList<string>> RunningJobIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT job_id FROM geo_cluster_job WHERE state = @state ORDER BY created_at", connection);
        command.Parameters.AddWithValue("state", JobState.Running);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<JobRecord?> LoadJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT spec::text, state, error, created_at FROM geo_cluster_job WHERE job_id = @id", connection);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new JobRecord(FromJson(reader.GetString(0)), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDateTime(3));
    }

    public async Task<List<ShardRecord>> LoadShardsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT shard, origin_start, origin_end, state, silo, lease_until, attempts, computed, rows, bytes, sha256,
                   compute_ms, started_at, finished_at, check_ms, stage_ms, route_ms, write_ms, hash_ms, verify_ms
            FROM geo_cluster_shard WHERE job_id = @id ORDER BY shard
            """, connection);
        command.Parameters.AddWithValue("id", jobId);
        var shards = new List<ShardRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            shards.Add(new ShardRecord
            {
                JobId = jobId,
                Shard = reader.GetInt32(0),
                OriginStart = reader.GetInt32(1),
                OriginEnd = reader.GetInt32(2),
                State = reader.GetString(3),
                Silo = reader.IsDBNull(4) ? null : reader.GetString(4),
                LeaseUntilUtc = reader.IsDBNull(5) ? null : reader.GetDateTime(5),
                Attempts = reader.GetInt32(6),
                Computed = reader.GetInt32(7),
                Rows = reader.GetInt64(8),
                Bytes = reader.GetInt64(9),
                Sha256 = reader.IsDBNull(10) ? null : reader.GetString(10),
                ComputeMs = reader.GetInt64(11),
                StartedUtc = reader.IsDBNull(12) ? null : reader.GetDateTime(12),
                FinishedUtc = reader.IsDBNull(13) ? null : reader.GetDateTime(13),
                Timings = new ShardTimings
                {
                    CheckMs = reader.GetInt64(14), StageMs = reader.GetInt64(15), RouteMs = reader.GetInt64(16),
                    WriteMs = reader.GetInt64(17), HashMs = reader.GetInt64(18),
                },
                VerifyMs = reader.GetInt64(19),
            });
        }
        return shards;
    }

    /// <summary>
    /// Inserts a new job and all its shards (pending) in one transaction; false, and nothing written, if a job with
    /// this id exists already (then only its job grain may change it).
    /// </summary>
    public async Task<bool> InsertJobAsync(MatrixJobSpec spec, IReadOnlyList<ShardRecord> shards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(shards);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var job = new NpgsqlCommand(
            "INSERT INTO geo_cluster_job (job_id, spec, state) VALUES (@id, @spec::jsonb, @state) ON CONFLICT (job_id) DO NOTHING", connection, transaction))
        {
            job.Parameters.AddWithValue("id", spec.JobId);
            job.Parameters.AddWithValue("spec", ToJson(spec));
            job.Parameters.AddWithValue("state", JobState.Running);
            if (await job.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY geo_cluster_shard (job_id, shard, origin_start, origin_end, state) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var s in shards)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(spec.JobId, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(s.Shard, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(s.OriginStart, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(s.OriginEnd, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(s.State, cancellationToken).ConfigureAwait(false);
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var notify = new NpgsqlCommand(JobEvents.NotifySql, connection, transaction))
        {
            notify.Parameters.AddWithValue("id", spec.JobId);
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Silos of <paramref name="clusterId"/> that Orleans' membership table lists as active.</summary>
    public async Task<long> ActiveSiloCountAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = @active", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", (int)Orleans.Runtime.SiloStatus.Active);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task UpdateJobStateAsync(string jobId, string state, string? error, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE geo_cluster_job SET state = @state, error = @error, updated_at = now() WHERE job_id = @id; " + JobEvents.NotifySql, connection);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("state", state);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateShardAsync(ShardRecord s, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            UPDATE geo_cluster_shard SET state = @state, silo = @silo, lease_until = @lease, attempts = @attempts,
                computed = @computed, rows = @rows, bytes = @bytes, sha256 = @sha, compute_ms = @ms,
                started_at = @started, finished_at = @finished, check_ms = @check, stage_ms = @stage, route_ms = @route,
                write_ms = @write, hash_ms = @hash, verify_ms = @verify
            WHERE job_id = @id AND shard = @shard;
            """ + JobEvents.NotifySql, connection);
        command.Parameters.AddWithValue("id", s.JobId);
        command.Parameters.AddWithValue("shard", s.Shard);
        command.Parameters.AddWithValue("state", s.State);
        command.Parameters.AddWithValue("silo", (object?)s.Silo ?? DBNull.Value);
        command.Parameters.AddWithValue("lease", (object?)s.LeaseUntilUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("attempts", s.Attempts);
        command.Parameters.AddWithValue("computed", s.Computed);
        command.Parameters.AddWithValue("rows", s.Rows);
        command.Parameters.AddWithValue("bytes", s.Bytes);
        command.Parameters.AddWithValue("sha", (object?)s.Sha256 ?? DBNull.Value);
        command.Parameters.AddWithValue("ms", s.ComputeMs);
        command.Parameters.AddWithValue("started", (object?)s.StartedUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("finished", (object?)s.FinishedUtc ?? DBNull.Value);
        command.Parameters.AddWithValue("check", s.Timings.CheckMs);
        command.Parameters.AddWithValue("stage", s.Timings.StageMs);
        command.Parameters.AddWithValue("route", s.Timings.RouteMs);
        command.Parameters.AddWithValue("write", s.Timings.WriteMs);
        command.Parameters.AddWithValue("hash", s.Timings.HashMs);
        command.Parameters.AddWithValue("verify", s.VerifyMs);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
