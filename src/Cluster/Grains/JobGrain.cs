using System.Diagnostics;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Geo.Cluster.Grains;

/// <summary>
/// Coordinator of one job. Every change is written to PostgreSQL before it is acknowledged, so a re-activation (after
/// its silo died, or a restart of the whole cluster) continues from the stored state. A shard is re-queued when its
/// lease expires or Orleans membership declares its silo dead; a result counts only after the file's SHA-256 is read
/// back and matches.
/// </summary>
public sealed class JobGrain(ClusterStore store, IClusterMembershipService membership, ILogger<JobGrain> log) : Grain, IJobGrain
{
    /// <summary>
    /// While a job runs the manifest is refreshed at most this often (and always when the job's state changes): each
    /// rewrite lists every verified shard, so rewriting per shard would cost O(shards^2) on jobs of thousands of shards.
    /// The database stays the authority on progress; the manifest only ever lists verified shards.
    /// </summary>
    public static readonly TimeSpan ManifestRefreshInterval = TimeSpan.FromSeconds(10);

    private JobRecord? _job;
    private List<ShardRecord> _shards = [];
    private long _manifestWrittenTimestamp;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Reads the job from the database (also when a job that was unknown here has since been stored by <c>geo cluster submit</c>).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        _job = await store.LoadJobAsync(this.GetPrimaryKeyString(), cancellationToken).ConfigureAwait(true);
        if (_job is not null)
        {
            _shards = await store.LoadShardsAsync(_job.Spec.JobId, cancellationToken).ConfigureAwait(true);
        }
    }

    public async Task<JobProgress> SubmitAsync(MatrixJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.JobId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("job id differs from the grain key", nameof(spec));
        }
        if (_job is not null)
        {
            if (ClusterStore.ToJson(_job.Spec) != ClusterStore.ToJson(spec))
            {
                throw new InvalidOperationException(
                    $"job '{spec.JobId}' already exists with different settings or inputs; give the new job another id, or 'geo cluster resume {spec.JobId}'");
            }
            return await ResumeAsync().ConfigureAwait(true);
        }
        var shards = ShardRecord.ForNewJob(spec);
        Directory.CreateDirectory(spec.OutputFolder);
        if (!await store.InsertJobAsync(spec, shards).ConfigureAwait(true))
        {
            // Stored meanwhile by geo cluster submit, which writes new jobs to the database directly.
            await LoadAsync().ConfigureAwait(true);
            return _job is null ? throw new InvalidOperationException($"job '{spec.JobId}' could not be stored") : await SubmitAsync(spec).ConfigureAwait(true);
        }
        _job = new JobRecord(spec, JobState.Running, null, DateTime.UtcNow);
        _shards = shards;
        WriteManifest(_job.State);
        log.LogInformation("job {Job}: {Shards} shards of {Origins} origins", spec.JobId, shards.Count, spec.ShardOrigins);
        return Progress();
    }

    public async Task<JobProgress> ResumeAsync()
    {
        if (_job is null)
        {
            await LoadAsync().ConfigureAwait(true);
        }
        var job = _job ?? throw new InvalidOperationException($"no job '{this.GetPrimaryKeyString()}' in the database");
        foreach (var shard in _shards.Where(s => s.State == ShardState.Done))
        {
            var path = job.Spec.ShardPath(shard.Shard);
            var actual = File.Exists(path) ? FileHash.Sha256(path) : null;
            if (actual != shard.Sha256)
            {
                log.LogWarning("job {Job} shard {Shard}: {Problem}; recomputing", job.Spec.JobId, shard.Shard, actual is null ? "file missing" : "checksum differs");
                shard.State = ShardState.Pending;
                shard.LeaseUntilUtc = null;
                await store.UpdateShardAsync(shard).ConfigureAwait(true);
            }
        }
        var state = _shards.All(s => s.State == ShardState.Done) ? JobState.Done : JobState.Running;
        await SetStateAsync(state, null).ConfigureAwait(true);
        return Progress();
    }

    public async Task<ShardLease?> LeaseAsync(string silo)
    {
        if (_job is null)
        {
            await LoadAsync().ConfigureAwait(true);
        }
        if (_job is not { State: JobState.Running } job)
        {
            return null;
        }
        var now = DateTime.UtcNow;
        var shard = _shards.FirstOrDefault(s => s.State == ShardState.Pending)
            ?? _shards.FirstOrDefault(s => s.State == ShardState.Running && (s.LeaseUntilUtc < now || IsDead(s.Silo)));
        if (shard is null)
        {
            return null;
        }
        if (shard.State == ShardState.Running)
        {
            log.LogWarning("job {Job} shard {Shard}: lease of {Silo} lost (expired or silo dead); giving it to {New}", job.Spec.JobId, shard.Shard, shard.Silo, silo);
        }
        shard.State = ShardState.Running;
        shard.Silo = silo;
        shard.Attempts++;
        shard.StartedUtc = now;
        shard.LeaseUntilUtc = now.AddSeconds(job.Spec.LeaseSeconds);
        await store.UpdateShardAsync(shard).ConfigureAwait(true);
        return new ShardLease(job.Spec, shard.Shard, shard.Attempts, shard.OriginStart, shard.OriginEnd);
    }

    public async Task<bool> RenewAsync(string silo, int shard, int attempt)
    {
        if (_job is not { State: JobState.Running } job || shard < 0 || shard >= _shards.Count)
        {
            return false;
        }
        var s = _shards[shard];
        if (s.State != ShardState.Running || s.Silo != silo || s.Attempts != attempt)
        {
            return false;
        }
        s.LeaseUntilUtc = DateTime.UtcNow.AddSeconds(job.Spec.LeaseSeconds);
        await store.UpdateShardAsync(s).ConfigureAwait(true);
        return true;
    }

    public async Task CompleteAsync(ShardResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_job is not { } job || result.Shard < 0 || result.Shard >= _shards.Count)
        {
            return;
        }
        var shard = _shards[result.Shard];
        if (shard.State == ShardState.Done)
        {
            return; // a slower silo finished a shard that was already re-leased and done: same bytes, nothing to do
        }
        if (!result.Ok)
        {
            log.LogError("job {Job} shard {Shard}: {Error}", job.Spec.JobId, result.Shard, result.Error);
            shard.State = ShardState.Pending;
            shard.LeaseUntilUtc = null;
            await store.UpdateShardAsync(shard).ConfigureAwait(true);
            if (result.Fatal)
            {
                await SetStateAsync(JobState.Failed, result.Error).ConfigureAwait(true);
            }
            return;
        }
        // Count a shard only once its file, read back here, has the checksum the computing silo reported.
        var path = job.Spec.ShardPath(result.Shard);
        var verifyStarted = Stopwatch.GetTimestamp();
        var actual = File.Exists(path) ? FileHash.Sha256(path) : null;
        var verifyMs = (long)Stopwatch.GetElapsedTime(verifyStarted).TotalMilliseconds;
        if (actual != result.Sha256)
        {
            log.LogWarning("job {Job} shard {Shard}: written file does not match its checksum; recomputing", job.Spec.JobId, result.Shard);
            shard.State = ShardState.Pending;
            shard.LeaseUntilUtc = null;
            await store.UpdateShardAsync(shard).ConfigureAwait(true);
            return;
        }
        shard.State = ShardState.Done;
        shard.Silo = result.Silo;
        shard.LeaseUntilUtc = null;
        shard.Computed++;
        shard.Rows = result.Rows;
        shard.Bytes = result.Bytes;
        shard.Sha256 = result.Sha256;
        shard.ComputeMs = result.ComputeMs;
        shard.Timings = result.Timings;
        shard.VerifyMs = verifyMs;
        shard.FinishedUtc = DateTime.UtcNow;
        await store.UpdateShardAsync(shard).ConfigureAwait(true);
        if (_shards.All(s => s.State == ShardState.Done))
        {
            await SetStateAsync(JobState.Done, null).ConfigureAwait(true);
            log.LogInformation("job {Job} done", job.Spec.JobId);
        }
        else if (Stopwatch.GetElapsedTime(_manifestWrittenTimestamp) >= ManifestRefreshInterval)
        {
            WriteManifest(job.State);
        }
    }

    public Task<JobProgress?> GetProgressAsync() => Task.FromResult(_job is null ? null : Progress());

    private async Task SetStateAsync(string state, string? error)
    {
        var job = _job!;
        await store.UpdateJobStateAsync(job.Spec.JobId, state, error).ConfigureAwait(true);
        _job = job with { State = state, Error = error };
        WriteManifest(state);
    }

    private void WriteManifest(string state)
    {
        ShardManifest.Write(_job!.Spec, _shards, state);
        _manifestWrittenTimestamp = Stopwatch.GetTimestamp();
    }

    private JobProgress Progress() => JobProgress.From(_job!, _shards);

    private bool IsDead(string? silo)
    {
        if (silo is null)
        {
            return true;
        }
        try
        {
            return membership.CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(silo)) == SiloStatus.Dead;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
