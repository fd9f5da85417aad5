using Geo.Cluster.Grains;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Geo.Cluster.Hosting;

/// <summary>
/// The pull loop of one silo: for each running job (from PostgreSQL) take a lease from its job grain, route the shard in
/// a local shard grain while renewing the lease, then write and report it while the next shard is leased and routed
/// (at most <see cref="SiloDataOptions.Writers"/> shards per slot are being written, so memory holds the rows of that
/// many shards plus the one being routed). A silo that computes faster takes
/// more shards, and calling a job grain re-activates it if its silo died. An idle silo wakes on a job notification
/// (<see cref="JobEvents"/>), or at the latest after <see cref="SiloDataOptions.PollInterval"/> (to take over expired leases).
/// </summary>
public sealed class ShardWorkerService(IGrainFactory grains, ClusterStore store, ILocalSiloDetails silo, SiloDataOptions options,
    ILogger<ShardWorkerService> log) : BackgroundService
{
    private string SiloId => silo.SiloAddress.ToParsableString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var events = await JobEvents.StartAsync(store.ConnectionString).ConfigureAwait(false);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Slots)).Select(_ => Task.Run(() => LoopAsync(events, stoppingToken), stoppingToken))).ConfigureAwait(false);
    }

    private async Task LoopAsync(JobEvents events, CancellationToken stop)
    {
        var writers = Math.Max(1, options.Writers);
        using var writing = new SemaphoreSlim(writers, writers); // a permit per shard being written and reported
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var next = events.NextChange;
                try
                {
                    if (await LeaseAsync(stop).ConfigureAwait(false) is { } leased)
                    {
                        await RouteAsync(leased.Job, leased.Lease, writing, stop).ConfigureAwait(false);
                        continue;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The job grain's silo may have just died, or the database blinked: try again shortly.
                    log.LogWarning("shard worker: {Message}", ex.Message);
                }
                await JobEvents.WaitAsync(next, options.PollInterval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            for (var i = 0; i < writers; i++)
            {
                await writing.WaitAsync(CancellationToken.None).ConfigureAwait(false); // every started write has reported
            }
        }
    }

    private async Task<(IJobGrain Job, ShardLease Lease)?> LeaseAsync(CancellationToken stop)
    {
        foreach (var jobId in await store.RunningJobIdsAsync(stop).ConfigureAwait(false))
        {
            var job = grains.GetGrain<IJobGrain>(jobId);
            if (await job.LeaseAsync(SiloId).ConfigureAwait(false) is { } lease)
            {
                return (job, lease);
            }
        }
        return null;
    }

    /// <summary>Routes the shard, waits for a write permit, and starts (does not await) the shard's write and report.</summary>
    private async Task RouteAsync(IJobGrain job, ShardLease lease, SemaphoreSlim writing, CancellationToken stop)
    {
        var renewing = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var renewal = RenewAsync(job, lease, renewing.Token);
        var grain = grains.GetGrain<IShardGrain>($"{lease.Spec.JobId}/{lease.Shard}/{lease.Attempt}");
        ShardResult routed;
        try
        {
            routed = await grain.RouteAsync(lease, SiloId).ConfigureAwait(false);
        }
        catch
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            throw;
        }
        try
        {
            await writing.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            throw;
        }
        _ = WriteAndReportAsync(job, lease, grain, routed, renewing, renewal, stop).ContinueWith(_ => writing.Release(), TaskScheduler.Default);
    }

    private async Task WriteAndReportAsync(IJobGrain job, ShardLease lease, IShardGrain grain, ShardResult routed,
        CancellationTokenSource renewing, Task renewal, CancellationToken stop)
    {
        ShardResult result;
        try
        {
            result = routed.Ok ? await grain.WriteAsync(lease, routed).ConfigureAwait(false) : routed;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            result = routed with { Error = $"silo {routed.Silo}: shard {routed.Shard}: {ex.Message}" };
        }
        finally
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
        }
        // Report until the job grain (perhaps re-activated elsewhere) has it; the file is already in place.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await job.CompleteAsync(result).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (attempt >= 30 || stop.IsCancellationRequested)
                {
                    // Not reported: the lease expires and the shard is computed again elsewhere.
                    log.LogWarning("job {Job} shard {Shard}: reporting failed ({Message}); giving up", lease.Spec.JobId, lease.Shard, ex.Message);
                    return;
                }
                log.LogWarning("job {Job} shard {Shard}: reporting failed ({Message}); retrying", lease.Spec.JobId, lease.Shard, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        renewing.Dispose();
    }

    private async Task RenewAsync(IJobGrain job, ShardLease lease, CancellationToken stop)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, lease.Spec.LeaseSeconds / 4.0));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
                await job.RenewAsync(SiloId, lease.Shard, lease.Attempt).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.LogWarning("job {Job} shard {Shard}: lease renewal failed ({Message})", lease.Spec.JobId, lease.Shard, ex.Message);
            }
        }
    }
}
