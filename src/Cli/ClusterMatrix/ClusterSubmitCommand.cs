using Geo.Core;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Cluster.Grains;
using Geo.Cluster.Hosting;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>geo cluster submit: check a job file here, hand it to the cluster, follow its progress.</summary>
public sealed class ClusterSubmitCommand : Command<ClusterSubmitCommand.Settings>
{
    public sealed class Settings : ClusterConnectionSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("Job file (JSON): id, network, mode, origins, destinations, output; optional origin_id, destination_id, time_band, max_snap_metres, max_minutes, shard_origins (default 500), lease_seconds (60), percentiles, transit {gtfs, date, window | arrive_by, max_rides, max_walk_minutes}.")]
        public string Job { get; init; } = string.Empty;

        [CommandOption("--data <FOLDER>")]
        [Description("This machine's copy of the inputs, to hash them and count origins (every silo checks the hashes). Default: the job file's folder.")]
        public string? Data { get; init; }

        [CommandOption("--detach")]
        [Description("Return once the job is stored instead of following it (it runs on; see 'geo cluster status').")]
        public bool Detach { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = settings.ToClusterSettings();
        var job = JobFileReader.Read(settings.Job);
        var data = Path.GetFullPath(settings.Data ?? Path.GetDirectoryName(Path.GetFullPath(settings.Job))!);
        CheckWritable(job.OutputFolder);
        var inputs = new[] { job.Network, job.Origins, job.Destinations }.Concat(job.Gtfs).ToArray();
        foreach (var input in inputs)
        {
            if (!File.Exists(InputCheck.Resolve(data, input)))
            {
                throw new Core.InputFileException(settings.Job, null, null, $"input '{input}' not found under --data {data}");
            }
        }
        var clock = Stopwatch.StartNew();
        var origins = new MatrixShardComputer(1).CountOrigins(job, data);
        job = job with { OriginCount = origins, Inputs = InputCheck.Hash(data, inputs) };
        var hashed = clock.Elapsed;
        return ClusterErrors.Run(async () =>
        {
            await ClusterSchema.EnsureAsync(cluster.Postgres, cancellationToken).ConfigureAwait(false);
            var store = new ClusterStore(cluster.Postgres);
            // A new job goes straight into the database (silos are notified and lease its shards from its job grain);
            // only a job that exists already goes through its job grain, which compares it and resumes it.
            var shards = ShardRecord.ForNewJob(job);
            var stored = false;
            if (await store.LoadJobAsync(job.JobId, cancellationToken).ConfigureAwait(false) is null)
            {
                ShardManifest.Write(job, shards, JobState.Running); // lists no shard yet
                stored = await store.InsertJobAsync(job, shards, cancellationToken).ConfigureAwait(false);
            }
            var storedAt = clock.Elapsed;
            if (stored)
            {
                Console.WriteLine($"job {job.JobId}: {shards.Count} shards of up to {job.ShardOrigins} origins ({origins} origins); output {job.OutputFolder}");
                if (await store.ActiveSiloCountAsync(cluster.ClusterId, cancellationToken).ConfigureAwait(false) == 0)
                {
                    Console.Error.WriteLine($"note: no silo of cluster '{cluster.ClusterId}' is running; the job waits until one starts ('geo cluster silo')");
                }
            }
            else
            {
                using var client = ClusterHost.BuildClient(cluster);
                await client.StartAsync(cancellationToken).ConfigureAwait(false);
                var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IJobGrain>(job.JobId);
                try
                {
                    var progress = await grain.SubmitAsync(job).ConfigureAwait(false);
                    Console.WriteLine($"job {job.JobId}: {progress.ShardCount} shards of up to {job.ShardOrigins} origins ({origins} origins), {progress.ShardsDone} already done; output {job.OutputFolder}");
                }
                catch (InvalidOperationException ex)
                {
                    return ClusterErrors.Fail(ExitCodes.BadInput, ex.Message);
                }
                await client.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"submitted in {clock.Elapsed.TotalSeconds:0.00} s: inputs counted and hashed {hashed.TotalSeconds:0.00} s, stored {(storedAt - hashed).TotalSeconds:0.00} s{(stored ? "" : ", existing job resumed by its job grain")}"));
            return settings.Detach ? ExitCodes.Ok : await JobWatcher.WaitAsync(store, job.JobId, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Creates the output folder and writes a probe file there, so an unwritable folder fails now (exit 4).</summary>
    private static void CheckWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".geo-write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output folder {folder} is not writable: {ex.Message}", ex);
        }
    }
}
