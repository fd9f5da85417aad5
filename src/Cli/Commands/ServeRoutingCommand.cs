using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Geo.Core;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using Geo.RoutingServer;
using Spectre.Console;
using Spectre.Console.Cli;
using Geo.RoutingServer.Engines;

namespace Geo.Cli.Commands;

/// <summary><c>geo serve-routing</c>: an OSRM v5 compatible routing server (table, route, nearest) over a .geonet network.</summary>
public sealed class ServeRoutingCommand : AsyncCommand<ServeRoutingCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--network <GEONET>")]
        [Description("Street network file from 'geo build-network' (.geonet). Required. Hierarchies are loaded from (or built once and saved as) <network>.<mode>.<band>.ch beside it.")]
        public string? Network { get; init; }

        [CommandOption("--port <PORT>")]
        [Description("TCP port (0 = any free port). Default: 5000, as osrm-routed.")]
        public int Port { get; init; } = 5000;

        [CommandOption("--host <ADDRESS>")]
        [Description("IP address to bind. Default: 127.0.0.1 (this computer only); any other address serves your network and prints a warning.")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--max-table-size <N>")]
        [Description("Largest table: sources x destinations at most N x N (osrm-routed --max-table-size). Default: 2000.")]
        public int MaxTableSize { get; init; } = 2_000;

        [CommandOption("--max-viaroute-size <N>")]
        [Description("Most coordinates in one route request. Default: 500.")]
        public int MaxViarouteSize { get; init; } = 500;

        [CommandOption("--max-snap-metres <METRES>")]
        [Description("A coordinate farther than this from a routable street gets NoSegment (a request's radiuses override it). Default: 1000.")]
        public double MaxSnapMetres { get; init; } = 1_000;

        [CommandOption("--time-limit <SECONDS>")]
        [Description("A request still computing after this many seconds is stopped and answered with TooBig. Default: 60.")]
        public double TimeLimitSeconds { get; init; } = 60;

        [CommandOption("--max-request-mb <MB>")]
        [Description("Largest request URL or body, in MB. Default: 8.")]
        public int MaxRequestMb { get; init; } = 8;

        [CommandOption("--gtfs <ZIP>")]
        [Description("GTFS feed zip(s) for the transit table (/table/v1/transit/...); repeat for several feeds. Needs --date. Default: none (no transit profile).")]
        public string[] Gtfs { get; init; } = [];

        [CommandOption("--date <YYYY-MM-DD>")]
        [Description("Service date of the transit timetable, e.g. 2024-03-05. Required with --gtfs.")]
        public string? Date { get; init; }

        [CommandOption("--time-band <BAND>")]
        [Description("Car time band: off_peak, am_peak, inter_peak or pm_peak. Default: off_peak.")]
        public string TimeBand { get; init; } = "off_peak";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var networkPath = string.IsNullOrWhiteSpace(settings.Network) ? throw new UsageException("--network <GEONET> is required.") : settings.Network;
        if (!TimeBands.TryParse(settings.TimeBand, out var band))
        {
            throw new UsageException($"unknown --time-band '{settings.TimeBand}'; valid bands: {TimeBands.ValidNames}.");
        }
        if (settings.MaxRequestMb is < 1 or > 1024)
        {
            throw new UsageException("--max-request-mb must be between 1 and 1024.");
        }
        var options = new RoutingServerOptions
        {
            Host = settings.Host,
            Port = settings.Port,
            MaxTableSize = settings.MaxTableSize,
            MaxViarouteSize = settings.MaxViarouteSize,
            MaxSnapMetres = settings.MaxSnapMetres,
            RequestTimeLimit = settings.TimeLimitSeconds > 0 ? TimeSpan.FromSeconds(settings.TimeLimitSeconds) : throw new UsageException("--time-limit must be positive."),
            MaxRequestBytes = settings.MaxRequestMb << 20,
            CarTimeBand = band,
        };
        try
        {
            options.Validate();
            BindAddress.Parse(options.Host);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        DateOnly? date = null;
        if (settings.Gtfs.Length > 0 || settings.Date is not null)
        {
            date = settings.Gtfs.Length == 0 ? throw new UsageException("--date goes with --gtfs <ZIP> (the transit timetable's feeds).")
                : DateOnly.TryParseExact(settings.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new UsageException($"--date '{settings.Date}' must be YYYY-MM-DD (the transit service date), e.g. 2024-03-05.");
        }

        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        var network = StreetNetwork.Load(networkPath);
        var engine = RoutingEngine.Load(network, networkPath, band, stage => err.MarkupLine("[grey]" + Markup.Escape(stage) + "[/]"));
        if (date is { } serviceDate)
        {
            var issues = new IssueLog();
            engine.Transit = TransitEngine.Load(network, settings.Gtfs, serviceDate, issues, stage => err.MarkupLine("[grey]transit: " + Markup.Escape(stage) + "[/]"));
            TransitIssues.Write(issues);
        }
        var server = GeoRoutingServer.Create(engine, options);
        await using (server.ConfigureAwait(false))
        {
            if (!server.IsLoopbackOnly)
            {
                err.MarkupLine("[yellow]warning:[/] binding to " + Markup.Escape(settings.Host)
                    + " lets other computers on your network query this server. Use the default 127.0.0.1 unless you mean to share it.");
            }
            try
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new UsageException("cannot listen on " + settings.Host + ":" + settings.Port.ToString(CultureInfo.InvariantCulture) + " (" + ex.Message + "); try another --port");
            }
            Console.WriteLine($"Geo routing server (OSRM v5 API: table, route, nearest) at {server.Address}  loaded in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s  (Ctrl+C to stop)");
            Console.WriteLine($"  e.g. {server.Address}table/v1/driving/-1.2976,50.7107;-1.1627,50.6476?annotations=duration,distance");
            if (date is not null)
            {
                Console.WriteLine($"  public transport: {server.Address}table/v1/transit/-1.2976,50.7107;-1.1627,50.6476?departure=07:00-10:00&percentiles=25,50,75");
            }
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }
}
