using Geo.Core;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>geo cluster silo|submit|status|resume: national matrices on an Orleans cluster (PostgreSQL membership).</summary>
public static class ClusterBranch
{
    public static void Configure(IConfigurator<CommandSettings> cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        cluster.SetDescription("Spread a matrix job over several machines (Orleans silos, membership and job state in PostgreSQL); resumable, survives a silo dying.");
        cluster.AddCommand<ClusterSiloCommand>("silo").WithDescription("Start a silo on this machine: joins the cluster and computes shards of running jobs.")
            .WithExample("cluster", "silo", "--postgres", "\"Host=db;Username=geo;Password=secret;Database=geo\"", "--data", "/shared/data", "--cluster-id", "geo-prod", "--service-id", "geo", "--host", "10.0.0.5");
        cluster.AddCommand<ClusterSubmitCommand>("submit").WithDescription("Submit a matrix job (JSON) and follow it; resubmitting skips shards already written and verified.")
            .WithExample("cluster", "submit", "job.json", "--postgres", "\"Host=db;Username=geo;Password=secret;Database=geo\"", "--cluster-id", "geo-prod", "--service-id", "geo");
        cluster.AddCommand<ClusterStatusCommand>("status").WithDescription("Progress of a job: shards done, per-silo throughput, ETA (read from PostgreSQL).")
            .WithExample("cluster", "status", "england-lsoa-gp-car", "--postgres", "\"Host=db;Username=geo;Password=secret;Database=geo\"");
        cluster.AddCommand<ClusterResumeCommand>("resume").WithDescription("Re-check a job's written shards (recompute missing or corrupt ones) and continue it.")
            .WithExample("cluster", "resume", "england-lsoa-gp-car", "--postgres", "\"Host=db;Username=geo;Password=secret;Database=geo\"", "--cluster-id", "geo-prod", "--service-id", "geo");
    }
}
