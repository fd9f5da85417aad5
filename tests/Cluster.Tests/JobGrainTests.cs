using NUnit.Framework;
using Geo.Cli.ClusterMatrix;
using Geo.Cluster.Grains;
using Geo.Cluster.Hosting;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Orleans.TestingHost;

namespace Geo.Cluster.Tests;

/// <summary>
/// The job and shard grains on Orleans' TestingHost: three silos in this process, job state in a throw-away
/// PostgreSQL database, the real shard computation on the sample region.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class JobGrainTests
{
    private static string s_postgres = string.Empty;
    private TestDatabase? _database;
    private TestCluster? _cluster;

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddGeoSiloServices(s_postgres,
                new SiloDataOptions { DataFolder = SampleData.DataFolder, PollInterval = TimeSpan.FromMilliseconds(100), Writers = 2 },
                new MatrixShardComputer(1));
    }

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _database = TestDatabase.Create();
        s_postgres = _database.ConnectionString;
        await ClusterSchema.EnsureAsync(s_postgres);
        _ = SampleData.DataFolder;
        _cluster = new TestClusterBuilder(3).AddSiloBuilderConfigurator<SiloConfigurator>().Build();
        await _cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        _database?.Dispose();
    }

    [Test]
    public async Task Job_over_three_silos_equals_geo_matrix_and_a_corrupt_shard_is_recomputed_on_resume()
    {
        var spec = Spec("car-3", "car", shardOrigins: 7);
        var job = _cluster!.Client.GetGrain<IJobGrain>(spec.JobId);
        var submitted = await job.SubmitAsync(spec);
        Assert.That(submitted.ShardCount, Is.EqualTo(15), "100 origins in shards of 7");
        await WaitDone(spec.JobId);

        ParquetRows.AssertShardsEqualReference(spec.OutputFolder, "car", SampleData.Reference("car"), 15);
        var shards = await Store.LoadShardsAsync(spec.JobId);
        Assert.That(shards.Select(s => s.Computed), Is.All.EqualTo(1), "each shard computed once");
        AssertManifestMatchesFiles(spec, 15);

        // Corrupt one written shard: resume notices the checksum and recomputes that shard only.
        var corrupt = spec.ShardPath(3);
        var bytes = File.ReadAllBytes(corrupt);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(corrupt, bytes);
        var resumed = await job.ResumeAsync();
        Assert.That(resumed.ShardsDone, Is.EqualTo(14), "the corrupt shard is no longer counted");
        Assert.That(ShardManifest.Read(spec.OutputFolder)!.Shards.Select(s => s.Shard), Does.Not.Contain(3), "nor listed in the manifest");
        await WaitDone(spec.JobId);
        shards = await Store.LoadShardsAsync(spec.JobId);
        Assert.That(shards.Where(s => s.Shard != 3).Select(s => s.Computed), Is.All.EqualTo(1), "other shards not recomputed");
        Assert.That(shards[3].Computed, Is.EqualTo(2), "corrupt shard recomputed");
        AssertManifestMatchesFiles(spec, 15);
        ParquetRows.AssertShardsEqualReference(spec.OutputFolder, "car", SampleData.Reference("car"), 15);

        // Submitting the same job again skips every verified shard; a different job under the same id is refused.
        var again = await job.SubmitAsync(spec);
        Assert.That(again.ShardsDone, Is.EqualTo(15));
        Assert.That(async () => await job.SubmitAsync(spec with { ShardOrigins = 8 }),
            Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("already exists with different settings"));
    }

    [Test]
    public async Task Silo_killed_mid_job_has_its_shards_reassigned_and_the_job_completes()
    {
        var spec = Spec("transit-kill", "transit", shardOrigins: 4, leaseSeconds: 3);
        var job = _cluster!.Client.GetGrain<IJobGrain>(spec.JobId);
        await job.SubmitAsync(spec);
        // Wait until a silo other than the primary holds a lease, then kill that silo.
        var victim = _cluster.SecondarySilos[^1];
        var victimId = victim.SiloAddress.ToParsableString();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ShardRecord? leased = null;
        while (leased is null && DateTime.UtcNow < deadline)
        {
            leased = (await Store.LoadShardsAsync(spec.JobId)).FirstOrDefault(s => s.State == ShardState.Running && s.Silo == victimId);
            await Task.Delay(20);
        }
        Assert.That(leased, Is.Not.Null, "the victim silo took a shard");
        await _cluster.KillSiloAsync(victim);
        var killedUtc = DateTime.UtcNow;

        await WaitDone(spec.JobId);
        var shards = await Store.LoadShardsAsync(spec.JobId);
        Assert.That(shards.All(s => s.State == ShardState.Done));
        var taken = shards[leased!.Shard];
        Assert.That(taken.Attempts >= 2 && taken.Silo != victimId || taken.FinishedUtc <= killedUtc,
            "the victim's shard was leased again to a live silo (unless the victim finished it before it died)");
        ParquetRows.AssertShardsEqualReference(spec.OutputFolder, "transit", SampleData.Reference("transit"), spec.ShardCount);
        AssertManifestMatchesFiles(spec, spec.ShardCount);
        await _cluster.StartAdditionalSiloAsync();
    }

    private static ClusterStore Store => new(s_postgres);

    private static MatrixJobSpec Spec(string id, string mode, int shardOrigins, int leaseSeconds = 60)
    {
        var output = SampleData.TempFolder(id);
        var jobFile = SampleData.WriteJob(output, id, mode, Path.Combine(output, "out"), shardOrigins, leaseSeconds);
        var spec = JobFileReader.Read(jobFile);
        var data = SampleData.DataFolder;
        return spec with
        {
            OriginCount = new MatrixShardComputer(1).CountOrigins(spec, data),
            Inputs = InputCheck.Hash(data, new[] { spec.Network, spec.Origins, spec.Destinations }.Concat(spec.Gtfs)),
        };
    }

    private static async Task WaitDone(string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = await Store.LoadJobAsync(jobId);
            Assert.That(job!.State, Is.Not.EqualTo(JobState.Failed), job.Error);
            if (job.State == JobState.Done)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"job {jobId} not done within 60 s");
    }

    private static void AssertManifestMatchesFiles(MatrixJobSpec spec, int shardCount)
    {
        var manifest = ShardManifest.Read(spec.OutputFolder)!;
        Assert.That(manifest.Shards.Select(s => s.Shard), Is.EqualTo(Enumerable.Range(0, shardCount)));
        foreach (var shard in manifest.Shards)
        {
            Assert.That(FileHash.Sha256(Path.Combine(spec.OutputFolder, shard.File)), Is.EqualTo(shard.Sha256), shard.File);
        }
        Assert.That(manifest.Rows, Is.EqualTo(100L * 9), "100 zones x 9 sites");
    }
}
