using System.Diagnostics;
using Geo.Cluster.Jobs;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace Geo.Cluster.Grains;

/// <summary>
/// Checks the job's inputs on this silo, routes the shard through the silo's <see cref="IMatrixShardComputer"/>
/// (loaded data shared by all shard grains of the silo), then writes part-NNNNN.parquet atomically and reports its
/// checksum. The work runs on the thread pool, off the grain scheduler.
/// </summary>
[PreferLocalPlacement]
public sealed class ShardGrain(IMatrixShardComputer computer, InputCheck inputs, SiloDataOptions data, ILogger<ShardGrain> log) : Grain, IShardGrain
{
    private IRoutedShard? _routed;

    public async Task<ShardResult> RouteAsync(ShardLease lease, string silo)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var spec = lease.Spec;
        var result = new ShardResult { JobId = spec.JobId, Shard = lease.Shard, Attempt = lease.Attempt, Silo = silo };
        var routed = await Guarded(spec, result, () =>
        {
            var clock = Stopwatch.StartNew();
            inputs.Check(spec, data.DataFolder, silo);
            var checkMs = clock.ElapsedMilliseconds;
            _routed = computer.Route(spec, data.DataFolder, lease.OriginStart, lease.OriginEnd);
            return result with
            {
                Rows = _routed.Rows,
                Timings = new ShardTimings { CheckMs = checkMs, StageMs = _routed.StageMs, RouteMs = _routed.RouteMs },
            };
        }).ConfigureAwait(true);
        if (!routed.Ok)
        {
            DeactivateOnIdle();
        }
        return routed;
    }

    public async Task<ShardResult> WriteAsync(ShardLease lease, ShardResult routed)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(routed);
        DeactivateOnIdle();
        if (_routed is not { } rows)
        {
            // Only if this activation was lost between the two calls: the shard is leased again.
            return routed with { Error = $"silo {routed.Silo}: shard {routed.Shard}: routed rows lost before writing" };
        }
        _routed = null; // the rows are released once written
        var spec = lease.Spec;
        return await Guarded(spec, routed, () =>
        {
            var clock = Stopwatch.StartNew();
            var path = spec.ShardPath(lease.Shard);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            rows.Write(path);
            var writeMs = clock.ElapsedMilliseconds;
            var bytes = new FileInfo(path).Length;
            var sha = FileHash.Sha256(path);
            var timings = routed.Timings with { WriteMs = writeMs, HashMs = clock.ElapsedMilliseconds - writeMs };
            var total = timings.CheckMs + timings.StageMs + timings.RouteMs + timings.WriteMs + timings.HashMs;
            log.LogInformation("job {Job} shard {Shard}: {Rows} rows in {Ms} ms ({Timings})", spec.JobId, lease.Shard, routed.Rows, total, timings);
            return routed with { Bytes = bytes, Sha256 = sha, ComputeMs = total, Timings = timings };
        }).ConfigureAwait(true);
    }

    private async Task<ShardResult> Guarded(MatrixJobSpec spec, ShardResult result, Func<ShardResult> work)
    {
        try
        {
            return await Task.Run(work).ConfigureAwait(true);
        }
        catch (InputMismatchException ex)
        {
            return result with { Error = ex.Message, Fatal = true };
        }
        catch (UnauthorizedAccessException ex)
        {
            return result with { Error = $"silo {result.Silo}: cannot write shard to {spec.OutputFolder}: {ex.Message}", Fatal = true };
        }
        catch (IOException ex)
        {
            return result with { Error = $"silo {result.Silo}: shard {result.Shard}: {ex.Message}" };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Bad input files and failed computations repeat on every silo: stop the job with the reason.
            log.LogError(ex, "job {Job} shard {Shard} failed", spec.JobId, result.Shard);
            return result with { Error = $"silo {result.Silo}: shard {result.Shard}: {ex.Message}", Fatal = true };
        }
    }
}
