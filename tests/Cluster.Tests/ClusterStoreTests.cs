using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using NUnit.Framework;

namespace Geo.Cluster.Tests;

/// <summary>The job and shard tables: shard timings round-trip, and every write notifies listeners (LISTEN/NOTIFY).</summary>
[TestFixture]
[NonParallelizable]
public sealed class ClusterStoreTests
{
    /// <summary>Generous: a notification arrives in milliseconds; this only stops a broken build from hanging.</summary>
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(30);

    private TestDatabase? _database;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = TestDatabase.Create();
        await ClusterSchema.EnsureAsync(_database.ConnectionString);
        await ClusterSchema.EnsureAsync(_database.ConnectionString); // idempotent
    }

    [OneTimeTearDown]
    public void DropDatabase() => _database?.Dispose();

    [Test]
    public async Task Storing_a_job_and_changing_a_shard_or_job_notify_listeners_and_timings_round_trip()
    {
        var store = new ClusterStore(_database!.ConnectionString);
        var spec = new MatrixJobSpec { JobId = "events", Mode = "car", Network = "n", Origins = "o", Destinations = "d", OutputFolder = "/nowhere", OriginCount = 3, ShardOrigins = 2 };
        var shards = new List<ShardRecord>
        {
            new() { JobId = "events", Shard = 0, OriginStart = 0, OriginEnd = 2 },
            new() { JobId = "events", Shard = 1, OriginStart = 2, OriginEnd = 3 },
        };
        await using var events = await JobEvents.StartAsync(_database.ConnectionString);

        var inserted = events.NextChange;
        Assert.That(inserted.IsCompleted, Is.False, "no change yet");
        await store.InsertJobAsync(spec, shards);
        await AssertNotified(inserted, "job stored");

        var shardDone = events.NextChange;
        shards[1].State = ShardState.Done;
        shards[1].ComputeMs = 15;
        shards[1].Timings = new ShardTimings { CheckMs = 1, StageMs = 2, RouteMs = 3, WriteMs = 4, HashMs = 5 };
        shards[1].VerifyMs = 6;
        await store.UpdateShardAsync(shards[1]);
        await AssertNotified(shardDone, "shard updated");
        var stored = (await store.LoadShardsAsync("events"))[1];
        Assert.That(stored.Timings, Is.EqualTo(shards[1].Timings));
        Assert.That(stored.VerifyMs, Is.EqualTo(6));

        var jobDone = events.NextChange;
        await store.UpdateJobStateAsync("events", JobState.Done, null);
        await AssertNotified(jobDone, "job state changed");
    }

    [Test]
    public async Task A_database_at_the_current_schema_version_is_left_alone_and_an_older_one_is_migrated()
    {
        var database = _database!;
        Assert.That(database.Scalar("SELECT version FROM geo_cluster_schema"), Is.EqualTo(ClusterSchema.Version));
        Assert.That(database.Scalar("SELECT count(*) FROM geo_cluster_schema"), Is.EqualTo(1L));

        // Another transaction reading the shard table: any ALTER TABLE on it would wait for this lock (and time out).
        await using (var reader = await ClusterStore.OpenAsync(database.ConnectionString))
        await using (var reading = await reader.BeginTransactionAsync())
        {
            await using (var lockShards = new Npgsql.NpgsqlCommand("LOCK TABLE geo_cluster_shard IN ACCESS SHARE MODE", reader, reading))
            {
                await lockShards.ExecuteNonQueryAsync();
            }
            using var timeout = new CancellationTokenSource(NotificationTimeout);
            Assert.DoesNotThrowAsync(() => ClusterSchema.EnsureAsync(database.ConnectionString, timeout.Token), "no DDL at the current version");
        }

        // A database from before versioning (no version table, no timing columns) is brought up to date.
        database.Scalar("DROP TABLE geo_cluster_schema; ALTER TABLE geo_cluster_shard DROP COLUMN verify_ms");
        await ClusterSchema.EnsureAsync(database.ConnectionString);
        Assert.That(database.Scalar("SELECT version FROM geo_cluster_schema"), Is.EqualTo(ClusterSchema.Version));
        Assert.That(database.Scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'geo_cluster_shard' AND column_name = 'verify_ms'"), Is.EqualTo(1L));
    }

    private static async Task AssertNotified(Task change, string what)
    {
        var first = await Task.WhenAny(change, Task.Delay(NotificationTimeout));
        Assert.That(first, Is.SameAs(change), $"{what}: no notification");
    }
}
