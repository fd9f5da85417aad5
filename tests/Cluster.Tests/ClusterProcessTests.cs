using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using NUnit.Framework;

namespace Geo.Cluster.Tests;

/// <summary>
/// Real processes: <c>geo cluster silo</c> started from the built command line, PostgreSQL membership, a job on the
/// sample region; silos killed with kill -9 part way; bad inputs. Output compared with <c>geo matrix</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ClusterProcessTests
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);
    private TestDatabase? _database;
    private readonly List<GeoProcess> _silos = [];

    private string Postgres => _database!.ConnectionString;
    private ClusterStore Store => new(Postgres);

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = TestDatabase.Create();
        await ClusterSchema.EnsureAsync(Postgres);
        Assert.That(File.Exists(GeoProcess.GeoDll), GeoProcess.GeoDll);
    }

    [TearDown]
    public void StopSilos()
    {
        foreach (var silo in _silos)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- silo {silo.Port}\n{silo.Output}");
            }
            silo.Dispose();
        }
        _silos.Clear();
    }

    [OneTimeTearDown]
    public void DropDatabase() => _database?.Dispose();

    [Test]
    public async Task Three_silos_one_killed_with_kill_9_the_job_completes_and_equals_geo_matrix()
    {
        var silos = StartSilos(3, SampleData.DataFolder, "kill9");
        var folder = SampleData.TempFolder("kill9");
        var output = Path.Combine(folder, "out");
        var job = SampleData.WriteJob(folder, "kill9", "transit", output, shardOrigins: 4, leaseSeconds: 4);
        Log("submitting");
        var submit = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "submit", job, "--data", SampleData.DataFolder, "--postgres", Postgres,
            "--cluster-id", "kill9", "--service-id", "geo-tests", "--detach");
        Assert.That(submit.Exit, Is.Zero, submit.Error);

        // Kill the third silo while it holds a shard lease.
        var victim = silos[2];
        var shard = await WaitFor(async () => (await Store.LoadShardsAsync("kill9"))
            .FirstOrDefault(s => s.State == ShardState.Running && s.Silo!.StartsWith(victim.SiloPrefix, StringComparison.Ordinal)));
        victim.KillHard(); Log("victim killed");
        var killedUtc = DateTime.UtcNow;

        await WaitDone("kill9"); Log("job done");
        var shards = await Store.LoadShardsAsync("kill9");
        var taken = shards[shard.Shard];
        Assert.That(taken.Attempts >= 2 && !taken.Silo!.StartsWith(victim.SiloPrefix, StringComparison.Ordinal) || taken.FinishedUtc <= killedUtc,
            "the killed silo's shard was computed again by a live silo");
        ParquetRows.AssertShardsEqualReference(output, "transit", SampleData.Reference("transit"), 25);
        Assert.That(ShardManifest.Read(output)!.Shards, Has.Length.EqualTo(25));

        var status = GeoProcess.Run(TimeSpan.FromSeconds(30), "cluster", "status", "kill9", "--postgres", Postgres);
        Assert.That(status.Exit, Is.Zero, status.Error);
        Assert.That(status.Out, Does.Contain("25/25 shards").And.Contain("127.0.0.1:"));
    }

    [Test]
    public async Task All_silos_stopped_half_way_then_restarted_finished_shards_are_not_recomputed()
    {
        var silos = StartSilos(2, SampleData.DataFolder, "resume");
        var folder = SampleData.TempFolder("resume");
        var output = Path.Combine(folder, "out");
        var job = SampleData.WriteJob(folder, "resume", "transit", output, shardOrigins: 2, leaseSeconds: 4);
        Log("submitting");
        var submit = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "submit", job, "--data", SampleData.DataFolder, "--postgres", Postgres,
            "--cluster-id", "resume", "--service-id", "geo-tests", "--detach");
        Assert.That(submit.Exit, Is.Zero, submit.Error);

        await WaitFor(async () => (await Store.LoadShardsAsync("resume")).Count(s => s.State == ShardState.Done) >= 10 ? "half" : null);
        foreach (var silo in silos)
        {
            silo.KillHard();
        }
        var before = (await Store.LoadShardsAsync("resume")).Where(s => s.State == ShardState.Done)
            .ToDictionary(s => s.Shard, s => (s.Sha256, File.GetLastWriteTimeUtc(Path.Combine(output, "mode=transit", MatrixJobSpec.ShardFileName(s.Shard)))));
        Assert.That(before, Has.Count.InRange(10, 49), "stopped part way");

        StartSilos(2, SampleData.DataFolder, "resume");
        Log("restarted");
        var resume = GeoProcess.Run(JobTimeout, "cluster", "resume", "resume", "--postgres", Postgres, "--cluster-id", "resume", "--service-id", "geo-tests");
        Assert.That(resume.Exit, Is.Zero, resume.Error);
        Log("resumed and done");

        var after = await Store.LoadShardsAsync("resume");
        Assert.That(after.All(s => s.State == ShardState.Done));
        foreach (var (shard, (sha, written)) in before)
        {
            Assert.That(after[shard].Computed, Is.EqualTo(1), $"shard {shard} finished before the stop was not recomputed");
            Assert.That(after[shard].Sha256, Is.EqualTo(sha));
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(output, "mode=transit", MatrixJobSpec.ShardFileName(shard))), Is.EqualTo(written), $"shard {shard} file untouched");
        }
        Assert.That(after.Sum(s => s.Computed), Is.EqualTo(50), "every shard's result accepted exactly once");
        TestContext.Out.WriteLine($"{before.Count} of 50 shards done before the stop; {50 - before.Count} computed after the restart");
        ParquetRows.AssertShardsEqualReference(output, "transit", SampleData.Reference("transit"), 50);
    }

    [Test]
    public void Unreachable_database_missing_field_and_unwritable_output_fail_clearly_before_anything_is_written()
    {
        var folder = SampleData.TempFolder("bad");
        var job = SampleData.WriteJob(folder, "bad", "car", Path.Combine(folder, "out"), shardOrigins: 10);
        const string nowhere = "Host=127.0.0.1;Port=1;Username=geo;Password=secret;Database=geo;Timeout=5";

        var submit = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "submit", job, "--data", SampleData.DataFolder, "--postgres", nowhere, "--cluster-id", "x", "--service-id", "y");
        Assert.That(submit.Exit, Is.EqualTo(3), submit.Error);
        Assert.That(submit.Error, Does.Contain("cannot reach PostgreSQL at 127.0.0.1:1").And.Not.Contain("secret").And.Not.Contain("   at "));
        var silo = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "silo", "--postgres", nowhere, "--data", SampleData.DataFolder, "--cluster-id", "x", "--service-id", "y");
        Assert.That(silo.Exit, Is.EqualTo(3), silo.Error);
        Assert.That(silo.Error, Does.Contain("cannot reach PostgreSQL"));

        var noIds = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "silo", "--postgres", Postgres, "--data", SampleData.DataFolder);
        Assert.That(noIds.Exit, Is.EqualTo(2), noIds.Error);
        Assert.That(noIds.Error, Does.Contain("--cluster-id <ID> is required"));

        var missing = SampleData.WriteJob(folder, "missing", "car", Path.Combine(folder, "out-missing"), shardOrigins: 10, omitField: "destinations");
        var badJob = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "submit", missing, "--data", SampleData.DataFolder, "--postgres", Postgres, "--cluster-id", "x", "--service-id", "y");
        Assert.That(badJob.Exit, Is.EqualTo(3), badJob.Error);
        Assert.That(badJob.Error, Does.Contain("missing.json").And.Contain("destinations").And.Contain("required field missing"));

        var blocker = Path.Combine(folder, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var unwritable = SampleData.WriteJob(folder, "unwritable", "car", Path.Combine(blocker, "out"), shardOrigins: 10);
        var noOutput = GeoProcess.Run(TimeSpan.FromSeconds(60), "cluster", "submit", unwritable, "--data", SampleData.DataFolder, "--postgres", Postgres, "--cluster-id", "x", "--service-id", "y");
        Assert.That(noOutput.Exit, Is.EqualTo(4), noOutput.Error);
        Assert.That(noOutput.Error, Does.Contain("not writable"));
        Assert.That(_database!.Scalar("SELECT count(*) FROM geo_cluster_job WHERE job_id IN ('bad', 'missing', 'unwritable')"), Is.EqualTo(0L), "no job stored for any of these");
    }

    [Test]
    public async Task Silo_whose_network_differs_from_the_jobs_stops_the_job_with_a_clear_message_and_writes_no_shard()
    {
        // This silo's data folder holds a different region.geonet than the one the job was submitted with.
        var data = SampleData.TempFolder("other-data");
        foreach (var file in Directory.GetFiles(SampleData.DataFolder).Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }
        await File.AppendAllTextAsync(Path.Combine(data, "region.geonet"), "x");
        StartSilos(1, data, "hash");
        var folder = SampleData.TempFolder("hash");
        var output = Path.Combine(folder, "out");
        var job = SampleData.WriteJob(folder, "hash", "car", output, shardOrigins: 10);

        var submit = GeoProcess.Run(JobTimeout, "cluster", "submit", job, "--data", SampleData.DataFolder, "--postgres", Postgres, "--cluster-id", "hash", "--service-id", "geo-tests");
        Assert.That(submit.Exit, Is.EqualTo(5), submit.Out + submit.Error);
        Assert.That(submit.Error, Does.Contain("region.geonet").And.Contain("SHA-256").And.Contain("the job's is"));
        Assert.That(ShardManifest.Read(output)!.Shards, Is.Empty, "no shard listed");
        Assert.That(Directory.Exists(Path.Combine(output, "mode=car")) ? Directory.GetFiles(Path.Combine(output, "mode=car")) : [], Is.Empty, "no shard written");
        var stored = await Store.LoadJobAsync("hash");
        Assert.That(stored!.State, Is.EqualTo(JobState.Failed));
    }

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private void Log(string what) => TestContext.Out.WriteLine($"{_clock.Elapsed.TotalSeconds:0.0} s: {what}");

    private List<GeoProcess> StartSilos(int count, string data, string clusterId)
    {
        Log($"starting {count} silos");
        var started = Enumerable.Range(0, count).Select(_ => GeoProcess.StartSilo(Postgres, data, clusterId)).ToList();
        _silos.AddRange(started);
        foreach (var silo in started)
        {
            silo.WaitJoined(JoinTimeout);
        }
        Log("silos joined");
        return started;
    }

    private static async Task<T> WaitFor<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(20);
        }
        Assert.Fail("condition not met within 60 s");
        return null!;
    }

    private async Task WaitDone(string jobId)
    {
        await WaitFor(async () =>
        {
            var job = await Store.LoadJobAsync(jobId);
            Assert.That(job!.State, Is.Not.EqualTo(JobState.Failed), job.Error);
            return job.State == JobState.Done ? job : null;
        });
    }
}
