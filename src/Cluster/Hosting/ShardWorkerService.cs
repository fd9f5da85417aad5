using Geo.Cluster.Grains;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Geo.Cluster.Hosting;

/// <summary>
/// The pull loop of one silo: for each running job (from PostgreSQL) take a lease from its job grain, compute the shard
/// in a local shard grain while renewing the lease, report the result; repeat. A silo that computes faster takes more
/// shards, and calling a job grain re-activates it if its silo died.
/// </summary>
public sealed class ShardWorkerService(IGrainFactory grains, ClusterStore store, ILocalSiloDetails silo, SiloDataOptions options,
    ILogger<ShardWorkerService> log) : BackgroundService
{
    private string SiloId => silo.SiloAddress.ToParsableString();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Slots)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                foreach (var jobId in await store.RunningJobIdsAsync(stop).ConfigureAwait(false))
                {
                    var job = grains.GetGrain<IJobGrain>(jobId);
                    var lease = await job.LeaseAsync(SiloId).ConfigureAwait(false);
                    if (lease is not null)
                    {
                        await RunAsync(job, lease, stop).ConfigureAwait(false);
                        worked = true;
                        break;
                    }
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
            if (!worked)
            {
                try
                {
                    await Task.Delay(options.PollInterval, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(IJobGrain job, ShardLease lease, CancellationToken stop)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var renewal = RenewAsync(job, lease, renewing.Token);
        ShardResult result;
        try
        {
            result = await grains.GetGrain<IShardGrain>($"{lease.Spec.JobId}/{lease.Shard}/{lease.Attempt}").ComputeAsync(lease, SiloId).ConfigureAwait(false);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
        // Report until the job grain (perhaps re-activated elsewhere) has it; the file is already in place.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await job.CompleteAsync(result).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < 30 && ex is not OutOfMemoryException && !stop.IsCancellationRequested)
            {
                log.LogWarning("job {Job} shard {Shard}: reporting failed ({Message}); retrying", lease.Spec.JobId, lease.Shard, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
        }
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
