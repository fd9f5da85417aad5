using Spectre.Console.Cli;
using Geo.Core;

namespace Geo.Cli.Commands;

public sealed class VersionCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine("geo " + typeof(VersionCommand).Assembly.GetName().Version);
        return ExitCodes.Ok;
    }
}
