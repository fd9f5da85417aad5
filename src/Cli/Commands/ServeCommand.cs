using System.ComponentModel;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Viewer.Server;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary><c>geo serve</c>: local, read-only web map over a results folder.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--results <FOLDER>")]
        [Description("Results folder written by `geo appraise` or `geo run`. Default: results")]
        public string Results { get; init; } = "results";

        [CommandOption("--port <PORT>")]
        [Description("TCP port to listen on (0 = any free port). Default: 8080")]
        public int Port { get; init; } = 8080;

        [CommandOption("--host <ADDRESS>")]
        [Description("IP address to bind. Default: 127.0.0.1 (this computer only). Any other address exposes the results to your network and prints a warning")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--allow-host <NAME>")]
        [Description("A host name browsers may use to reach the viewer besides its address and localhost (repeat for more). Other names are refused, against DNS rebinding. Default: none")]
        public string[] AllowHost { get; init; } = [];

        [CommandOption("--tiles <URL>")]
        [Description("Optional online raster tile URL template with {z}/{x}/{y}, offered as a layer under the zones. Default: none (offline roads basemap only)")]
        public string? Tiles { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new ViewerServerOptions { ResultsFolder = settings.Results, Port = settings.Port, Host = settings.Host, TilesUrl = settings.Tiles, AllowedHosts = settings.AllowHost };
        GeoViewerServer server;
        try
        {
            server = GeoViewerServer.Create(options);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        await using (server.ConfigureAwait(false))
        {
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (!server.IsLoopbackOnly)
            {
                err.MarkupLine("[yellow]warning:[/] binding to " + Markup.Escape(settings.Host)
                    + " makes the results readable by other computers on your network. Use the default 127.0.0.1 unless you mean to share them.");
            }

            var table = new Table().AddColumns("Results", "Value");
            table.AddRow("Folder", Markup.Escape(server.Results.Root));
            table.AddRow("Scenario", Markup.Escape(server.Results.ScenarioName));
            table.AddRow("Zones", server.Results.Zones.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Sites", server.Results.Sites.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("Options", Markup.Escape(string.Join(", ", server.Results.Options.Select(o => o.Id))));
            table.AddRow("Modes", Markup.Escape(string.Join(", ", server.Results.Modes)));
            foreach (var e in server.Results.Errors)
            {
                table.AddRow(e.Required ? "[red]error[/]" : "[yellow]warning[/]", Markup.Escape(e.ToString()));
            }

            err.Write(table);
            try
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new UsageException("cannot listen on " + settings.Host + ":" + settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (" + ex.Message + "); try another --port");
            }

            Console.WriteLine("Geo viewer running at " + server.Address + "  (Ctrl+C to stop)");
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
