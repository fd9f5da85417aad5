using Geo.Core;
using System.ComponentModel;
using Geo.Cluster.Store;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>geo cluster status: a job's progress, read from PostgreSQL (works with no silo running).</summary>
public sealed class ClusterStatusCommand : Command<ClusterStatusCommand.Settings>
{
    public sealed class Settings : ClusterDatabaseSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("Job id, or the job file.")]
        public string Job { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var postgres = settings.RequirePostgres();
        var jobId = ClusterResumeCommand.JobId(settings.Job);
        return ClusterErrors.Run(async () =>
        {
            await ClusterSchema.EnsureAsync(postgres, cancellationToken).ConfigureAwait(false);
            var progress = await JobWatcher.ReadAsync(new ClusterStore(postgres), jobId, cancellationToken).ConfigureAwait(false);
            if (progress is null)
            {
                return ClusterErrors.Fail(ExitCodes.BadInput, $"no job '{jobId}' in the database");
            }
            JobWatcher.WriteStatus(progress);
            return ExitCodes.Ok;
        });
    }
}
