using Geo.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli;

/// <summary>Maps exceptions to a one-line message on stderr and a documented exit code.</summary>
public static class ErrorReporter
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CommandParseException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (CommandRuntimeException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (UsageException ex)
        {
            return Fail(ExitCodes.Usage, ex.Message);
        }
        catch (InputFileException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (FileNotFoundException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(ExitCodes.OutputFailed, ex.Message);
        }
        catch (ComputationException ex)
        {
            return Fail(ExitCodes.Failed, ex.Message);
        }
        catch (IOException ex)
        {
            return Fail(ExitCodes.OutputFailed, ex.Message);
        }
    }

    private static int Fail(int code, string message)
    {
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stderr.MarkupLine("[red]error:[/] " + Markup.Escape(message));
        return code;
    }
}
