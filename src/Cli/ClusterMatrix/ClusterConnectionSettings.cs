using Geo.Core;
using System.ComponentModel;
using Geo.Cluster.Hosting;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>Options shared by the cluster commands: the database, and the ids that name the cluster.</summary>
public class ClusterDatabaseSettings : CommandSettings
{
    [CommandOption("--postgres <CONNECTION>")]
    [Description("PostgreSQL connection string (Npgsql), e.g. Host=db;Port=5432;Username=geo;Password=...;Database=geo. Holds cluster membership and job state. Required.")]
    public string? Postgres { get; init; }

    public string RequirePostgres() =>
        string.IsNullOrWhiteSpace(Postgres) ? throw new UsageException("--postgres <CONNECTION> is required (e.g. Host=127.0.0.1;Username=geo;Password=geo;Database=geo).") : Postgres;
}

/// <summary>Database plus the cluster's required ids (no defaults, so nobody joins a stranger's cluster by accident).</summary>
public class ClusterConnectionSettings : ClusterDatabaseSettings
{
    [CommandOption("--cluster-id <ID>")]
    [Description("Orleans cluster id; silos and clients join only a cluster with the same id. Required.")]
    public string? ClusterId { get; init; }

    [CommandOption("--service-id <ID>")]
    [Description("Orleans service id; must match too. Required.")]
    public string? ServiceId { get; init; }

    public ClusterSettings ToClusterSettings() => new()
    {
        Postgres = RequirePostgres(),
        ClusterId = string.IsNullOrWhiteSpace(ClusterId) ? throw new UsageException("--cluster-id <ID> is required (the same on every silo and client).") : ClusterId,
        ServiceId = string.IsNullOrWhiteSpace(ServiceId) ? throw new UsageException("--service-id <ID> is required (the same on every silo and client).") : ServiceId,
    };
}
