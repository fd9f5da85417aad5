using System.Globalization;
using Geo.Core;
using Spectre.Console.Cli;

namespace Geo.Cli;

/// <summary>
/// Maps exceptions to a one-line message on stderr and a documented exit code. Anything unexpected is a bug: exit 70
/// with one line naming what failed and the log file holding the full trace (printed too with <c>--debug</c>).
/// Never a stack trace on the console otherwise.
/// </summary>
public static class ErrorReporter
{
    /// <summary>The global option that prints the full trace of an internal error.</summary>
    public const string DebugOption = "--debug";

    /// <summary>Print traces of internal errors on stderr (set by <c>--debug</c> or GEO_DEBUG=1).</summary>
    public static bool Debug { get; set; }

    private static int installed;

    public static int Run(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        InstallLastResortHandler();
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            return Report(ex);
        }
    }

    /// <summary>The exit code and message for <paramref name="ex"/>, written to stderr.</summary>
    public static int Report(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var known = Classify(Unwrap(ex));
        if (known is { } k)
        {
            return Fail(k.Code, k.Message);
        }
        var log = WriteLog(ex);
        var where = ex.TargetSite is { } site ? " in " + site.DeclaringType?.Name + "." + site.Name : "";
        var logNote = log is null ? "the log could not be written" : "full log: " + log;
        var code = Fail(ExitCodes.Internal,
            $"internal error ({ex.GetType().Name}{where}): {FirstLine(ex.Message)}; {logNote}. This is a bug in geo: please report it with the log.");
        if (Debug)
        {
            Console.Error.WriteLine(ex.ToString());
        }
        return code;
    }

    private static (int Code, string Message)? Classify(Exception ex) => ex switch
    {
        CommandParseException or CommandRuntimeException or UsageException => (ExitCodes.Usage, ex.Message),
        InputFileException or FileNotFoundException or DirectoryNotFoundException => (ExitCodes.BadInput, ex.Message),
        OutputException => (ExitCodes.OutputFailed, ex.Message),
        UnauthorizedAccessException => (ExitCodes.OutputFailed, "cannot write (permission denied): " + ex.Message),
        ComputationException => (ExitCodes.Failed, ex.Message),
        IOException io when OutputException.IsDiskFull(io) => (ExitCodes.OutputFailed, "the disk is full: " + ex.Message),
        PathTooLongException => (ExitCodes.OutputFailed, ex.Message),
        IOException => (ExitCodes.OutputFailed, ex.Message),
        _ => null,
    };

    /// <summary>Parallel loops wrap the real failure: report the first inner one when it is the only kind.</summary>
    private static Exception Unwrap(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: > 0 } agg)
        {
            ex = agg.InnerExceptions[0];
        }
        return ex;
    }

    private static string? WriteLog(Exception ex)
    {
        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "geo-logs");
            Directory.CreateDirectory(folder);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, $"geo-error-{stamp}-{Environment.ProcessId}.log");
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"geo {typeof(ErrorReporter).Assembly.GetName().Version}\ncommand line: {Environment.CommandLine}\ntime (UTC): {DateTime.UtcNow:O}\n\n{ex}\n"));
            return path;
        }
        catch (Exception logEx) when (logEx is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>An exception on a thread nobody joins would print a trace and abort: report it like any other, then exit 70.</summary>
    private static void InstallLastResortHandler()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var code = e.ExceptionObject is Exception ex ? Report(ex) : Fail(ExitCodes.Internal, "internal error: " + e.ExceptionObject);
            Environment.Exit(code == ExitCodes.Ok ? ExitCodes.Internal : code);
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static int Fail(int code, string message)
    {
        // Plain text: a console renderer would wrap a long message over several lines.
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
