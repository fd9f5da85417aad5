using Geo.Cluster.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Geo.Cluster.Hosting;

/// <summary>Builds a Geo silo host and a client, both with ADO.NET (PostgreSQL, Npgsql) clustering.</summary>
public static class ClusterHost
{
    public const string Invariant = "Npgsql";

    public static IHost BuildSilo(ClusterSettings settings, SiloDataOptions data, IMatrixShardComputer computer, LogLevel logLevel)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("Orleans", logLevel > LogLevel.Warning ? logLevel : LogLevel.Warning);
        // Start-up notes about server GC and watchdog stalls on a busy shared machine are noise for users.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = settings.Postgres;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            // Listen on the configured address only (never on every interface).
            silo.ConfigureEndpoints(settings.Host, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = settings.ProbeTimeout;
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(Math.Max(5, settings.ProbeTimeout.TotalSeconds * 2));
                o.TableRefreshTimeout = TimeSpan.FromSeconds(Math.Max(2, settings.ProbeTimeout.TotalSeconds * 2));
            });
            silo.Services.AddGeoSiloServices(settings.Postgres, data, computer);
        });
        return builder.Build();
    }

    public static IHost BuildClient(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = settings.Postgres;
            });
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
        });
        return builder.Build();
    }
}
