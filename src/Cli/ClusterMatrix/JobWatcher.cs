using Geo.Core;
using System.Globalization;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Geo.Cli.Output;
using Spectre.Console;

namespace Geo.Cli.ClusterMatrix;

/// <summary>Shows a job's progress from PostgreSQL until it is done or failed (the job runs on without us).</summary>
public static class JobWatcher
{
    public static async Task<JobProgress?> ReadAsync(ClusterStore store, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var job = await store.LoadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        return job is null ? null : JobProgress.From(job, await store.LoadShardsAsync(jobId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// How often the watcher reads the job even without a notification (<see cref="JobEvents"/>): notifications make
    /// it see each change at once; this only bounds the delay should one be lost.
    /// </summary>
    public static readonly TimeSpan FallbackPoll = TimeSpan.FromSeconds(5);

    public static async Task<int> WaitAsync(ClusterStore store, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var events = await JobEvents.StartAsync(store.ConnectionString).ConfigureAwait(false);
        var last = string.Empty;
        while (true)
        {
            var next = events.NextChange;
            var progress = await ReadAsync(store, jobId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"job '{jobId}' disappeared from the database");
            var line = Line(progress);
            if (line != last)
            {
                Console.Error.WriteLine(line);
                last = line;
            }
            if (progress.State == JobState.Done)
            {
                Console.WriteLine($"job {jobId} done: {progress.ShardCount} shards in {progress.OutputFolder} (manifest.json lists them with row counts and SHA-256)");
                return ExitCodes.Ok;
            }
            if (progress.State == JobState.Failed)
            {
                return ClusterErrors.Fail(ExitCodes.Failed, $"job {jobId} stopped: {progress.Error} (fix it, then 'geo cluster resume {jobId}')");
            }
            await JobEvents.WaitAsync(next, FallbackPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    public static string Line(JobProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        const int width = 30;
        var fraction = p.ShardCount == 0 ? 1 : (double)p.ShardsDone / p.ShardCount;
        var filled = (int)Math.Round(fraction * width);
        var eta = p.EtaSeconds is { } s ? $", ETA {Duration(s)}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction:P0} {p.ShardsDone}/{p.ShardCount} shards, {p.ShardsRunning} running{eta} ({p.State})");
    }

    public static void WriteStatus(JobProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        Console.WriteLine($"job {p.JobId}: {Line(p)}");
        var table = new Table().AddColumn("Silo").AddColumn(new TableColumn("Shards").RightAligned())
            .AddColumn(new TableColumn("Origins").RightAligned()).AddColumn(new TableColumn("Origins/s").RightAligned());
        foreach (var s in p.Silos)
        {
            table.AddRow(Markup.Escape(s.Silo), N(s.Shards), N(s.Origins), s.OriginsPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
        }
        ConsoleTables.Write(table);
        AnsiConsole.WriteLine($"origins {N(p.OriginsDone)} of {N(p.OriginCount)}; output {p.OutputFolder}");
        if (p.Error is not null)
        {
            AnsiConsole.MarkupLine("[red]error:[/] " + Markup.Escape(p.Error));
        }
    }

    private static string Duration(double seconds) =>
        seconds < 120 ? $"{seconds:0} s" : seconds < 7200 ? $"{seconds / 60:0} min" : $"{seconds / 3600:0.0} h";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
