using System.Net;

namespace Geo.Cluster.Hosting;

/// <summary>How to reach and join a cluster: PostgreSQL for membership and job state, required ids, and endpoints.</summary>
public sealed record ClusterSettings
{
    public required string Postgres { get; init; }

    /// <summary>Orleans ClusterId: silos and clients join only a cluster with the same id (required, no default).</summary>
    public required string ClusterId { get; init; }

    /// <summary>Orleans ServiceId: must also match (required, no default).</summary>
    public required string ServiceId { get; init; }

    /// <summary>The one address the silo listens on and advertises to the others. Default 127.0.0.1 (this machine only).</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Port clients (geo cluster submit/resume) connect to. Default 30000.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Membership probe timeout: a silo missing 3 probes in a row is declared dead. Default 5 s.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
