using System.ComponentModel;
using System.Net;
using Geo.Cluster.Hosting;
using Geo.Cluster.Jobs;
using Geo.Cluster.Store;
using Geo.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace Geo.Cli.ClusterMatrix;

/// <summary>geo cluster silo: run an Orleans silo that computes shards until stopped (Ctrl+C or SIGTERM).</summary>
public sealed class ClusterSiloCommand : Command<ClusterSiloCommand.Settings>
{
    public sealed class Settings : ClusterConnectionSettings
    {
        [CommandOption("--data <FOLDER>")]
        [Description("Folder holding the jobs' inputs (networks, points, GTFS); job paths are relative to it. Required.")]
        public string? Data { get; init; }

        [CommandOption("--host <ADDRESS>")]
        [Description("The only address the silo listens on and advertises (an IP of this machine reachable by the other silos). Default: 127.0.0.1.")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--port <PORT>")]
        [Description("Silo-to-silo port. Default: 11111.")]
        public int Port { get; init; } = 11111;

        [CommandOption("--gateway-port <PORT>")]
        [Description("Port for clients (geo cluster submit/resume). Default: 30000.")]
        public int GatewayPort { get; init; } = 30000;

        [CommandOption("--slots <N>")]
        [Description("Shards computed at once (each uses --threads). Default: 1.")]
        public int Slots { get; init; } = 1;

        [CommandOption("--writers <N>")]
        [Description("Shards per slot written at once while the next is routed; each holds its rows in memory until written. More help when writing takes longer than routing (car). Default: 1.")]
        public int Writers { get; init; } = 1;

        [CommandOption("--threads <N>")]
        [Description("Worker threads per shard. Default: 0 = all cores.")]
        public int Threads { get; init; }

        [CommandOption("--probe-timeout <SECONDS>")]
        [Description("Membership probe timeout; a silo missing 3 probes is declared dead and its shards re-assigned. Default: 5.")]
        public double ProbeTimeoutSeconds { get; init; } = 5;

        [CommandOption("--verbose")]
        [Description("Log each shard and Orleans information messages.")]
        public bool Verbose { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = settings.ToClusterSettings();
        if (!IPAddress.TryParse(settings.Host, out var host))
        {
            throw new UsageException($"--host '{settings.Host}' must be an IP address of this machine, e.g. 10.0.0.5.");
        }
        if (settings.Port is < 1 or > 65535 || settings.GatewayPort is < 1 or > 65535 || settings.Port == settings.GatewayPort)
        {
            throw new UsageException("--port and --gateway-port must be two different ports between 1 and 65535.");
        }
        if (settings.Slots is < 1 or > 64 || settings.Writers is < 1 or > 64 || settings.Threads < 0 || !(settings.ProbeTimeoutSeconds is >= 0.5 and <= 600))
        {
            throw new UsageException("--slots and --writers must be 1-64, --threads 0 or more, --probe-timeout 0.5-600 seconds.");
        }
        var data = string.IsNullOrWhiteSpace(settings.Data) ? throw new UsageException("--data <FOLDER> is required (the folder with the jobs' inputs).") : Path.GetFullPath(settings.Data);
        if (!Directory.Exists(data))
        {
            throw new InputFileException(data, null, null, "--data folder not found");
        }
        return ClusterErrors.Run(async () =>
        {
            await ClusterSchema.EnsureAsync(cluster.Postgres, cancellationToken).ConfigureAwait(false);
            using var silo = ClusterHost.BuildSilo(
                cluster with { Host = host, SiloPort = settings.Port, GatewayPort = settings.GatewayPort, ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds) },
                new SiloDataOptions { DataFolder = data, Slots = settings.Slots, Writers = settings.Writers },
                new MatrixShardComputer(settings.Threads),
                settings.Verbose ? LogLevel.Information : LogLevel.Warning);
            try
            {
                await silo.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or OrleansException)
            {
                return ClusterErrors.Fail(ExitCodes.Failed, $"silo could not start on {host}:{settings.Port} (gateway {settings.GatewayPort}): {ex.Message}");
            }
            Console.WriteLine($"silo {host}:{settings.Port} (gateway {settings.GatewayPort}) joined cluster '{cluster.ClusterId}' service '{cluster.ServiceId}'; data {data}. Ctrl+C to leave.");
            await silo.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
    }
}
