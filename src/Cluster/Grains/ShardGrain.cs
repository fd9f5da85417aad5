using System.Diagnostics;
using Geo.Cluster.Jobs;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace Geo.Cluster.Grains;

/// <summary>
/// Checks the job's inputs on this silo, computes the shard through the silo's <see cref="IMatrixShardComputer"/>
/// (loaded data shared by all shard grains of the silo), writes part-NNNNN.parquet atomically and reports its checksum.
/// The work runs on the thread pool, off the grain scheduler.
/// </summary>
[PreferLocalPlacement]
public sealed class ShardGrain(IMatrixShardComputer computer, InputCheck inputs, SiloDataOptions data, ILogger<ShardGrain> log) : Grain, IShardGrain
{
    public async Task<ShardResult> ComputeAsync(ShardLease lease, string silo)
    {
        ArgumentNullException.ThrowIfNull(lease);
        DeactivateOnIdle();
        var spec = lease.Spec;
        var result = new ShardResult { JobId = spec.JobId, Shard = lease.Shard, Attempt = lease.Attempt, Silo = silo };
        try
        {
            return await Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                inputs.Check(spec, data.DataFolder, silo);
                var checkMs = clock.ElapsedMilliseconds;
                var path = spec.ShardPath(lease.Shard);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var written = computer.WriteShard(spec, data.DataFolder, lease.OriginStart, lease.OriginEnd, path);
                var hashStart = clock.ElapsedMilliseconds;
                var bytes = new FileInfo(path).Length;
                var sha = FileHash.Sha256(path);
                var timings = new ShardTimings
                {
                    CheckMs = checkMs, StageMs = written.StageMs, RouteMs = written.RouteMs, WriteMs = written.WriteMs,
                    HashMs = clock.ElapsedMilliseconds - hashStart,
                };
                log.LogInformation("job {Job} shard {Shard}: {Rows} rows in {Ms} ms ({Timings})", spec.JobId, lease.Shard, written.Rows, clock.ElapsedMilliseconds, timings);
                return result with { Rows = written.Rows, Bytes = bytes, Sha256 = sha, ComputeMs = clock.ElapsedMilliseconds, Timings = timings };
            }).ConfigureAwait(true);
        }
        catch (InputMismatchException ex)
        {
            return result with { Error = ex.Message, Fatal = true };
        }
        catch (UnauthorizedAccessException ex)
        {
            return result with { Error = $"silo {silo}: cannot write shard to {spec.OutputFolder}: {ex.Message}", Fatal = true };
        }
        catch (IOException ex)
        {
            return result with { Error = $"silo {silo}: shard {lease.Shard}: {ex.Message}" };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Bad input files and failed computations repeat on every silo: stop the job with the reason.
            log.LogError(ex, "job {Job} shard {Shard} failed", spec.JobId, lease.Shard);
            return result with { Error = $"silo {silo}: shard {lease.Shard}: {ex.Message}", Fatal = true };
        }
    }
}
