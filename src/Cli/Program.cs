using Geo.Cli.Commands;
using Spectre.Console.Cli;

namespace Geo.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("geo");
            config.PropagateExceptions();
            // Each command registers itself in its own line below (one line per command).
            config.AddCommand<VersionCommand>("version").WithDescription("Print the Geo version.");
        });
        return ErrorReporter.Run(() => app.Run(args));
    }
}
