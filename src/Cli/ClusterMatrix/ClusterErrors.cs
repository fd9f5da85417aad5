using Geo.Core;
using Geo.Cluster.Store;
using Spectre.Console;

namespace Geo.Cli.ClusterMatrix;

/// <summary>Cluster failures as one clear line and an exit code (other errors go on to ErrorReporter).</summary>
public static class ClusterErrors
{
    public static int Run(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body().GetAwaiter().GetResult();
        }
        catch (ClusterDatabaseException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (OrleansException ex)
        {
            return Fail(ExitCodes.Failed, "cannot reach the cluster (is a 'geo cluster silo' with the same --cluster-id and --service-id running?): " + ex.Message);
        }
    }

    public static int Fail(int code, string message)
    {
        Stderr.MarkupLine("[red]error:[/] " + Markup.Escape(message));
        return code;
    }

    public static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
