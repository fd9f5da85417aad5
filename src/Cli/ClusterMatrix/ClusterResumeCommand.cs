using Geo.Core;
using System.ComponentModel;
using Geo.Cluster.Grains;
using Geo.Cluster.Hosting;
using Geo.Cluster.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>geo cluster resume: re-check a job's written shards and continue it (also after it failed).</summary>
public sealed class ClusterResumeCommand : Command<ClusterResumeCommand.Settings>
{
    public sealed class Settings : ClusterConnectionSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("Job id, or the job file.")]
        public string Job { get; init; } = string.Empty;

        [CommandOption("--detach")]
        [Description("Return once resumed instead of following the job.")]
        public bool Detach { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = settings.ToClusterSettings();
        var jobId = JobId(settings.Job);
        return ClusterErrors.Run(async () =>
        {
            await ClusterSchema.EnsureAsync(cluster.Postgres, cancellationToken).ConfigureAwait(false);
            var store = new ClusterStore(cluster.Postgres);
            if (await store.LoadJobAsync(jobId, cancellationToken).ConfigureAwait(false) is null)
            {
                return ClusterErrors.Fail(ExitCodes.BadInput, $"no job '{jobId}' in the database");
            }
            using (var client = ClusterHost.BuildClient(cluster))
            {
                await client.StartAsync(cancellationToken).ConfigureAwait(false);
                var progress = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IJobGrain>(jobId).ResumeAsync().ConfigureAwait(false);
                Console.WriteLine($"job {jobId}: {progress.ShardsDone} of {progress.ShardCount} shards written and verified; continuing");
                await client.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            return settings.Detach ? ExitCodes.Ok : await JobWatcher.WaitAsync(store, jobId, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>A job id, or the id inside a job file.</summary>
    internal static string JobId(string jobOrFile) =>
        File.Exists(jobOrFile) && jobOrFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JobFileReader.Read(jobOrFile).JobId
        : string.IsNullOrWhiteSpace(jobOrFile) ? throw new UsageException("<JOB> is required (a job id or job file).") : jobOrFile;
}
