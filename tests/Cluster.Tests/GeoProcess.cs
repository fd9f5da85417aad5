using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;

namespace Geo.Cluster.Tests;

/// <summary>Runs the built command line (<c>dotnet geo.dll</c>) as a separate process: silos and one-shot commands.</summary>
public sealed class GeoProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GeoProcess(Process process)
    {
        _process = process;
    }

    public static string GeoDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "geo.dll");

    public int Port { get; private init; }
    public int Id => _process.Id;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>Starts <c>geo cluster silo</c> on free loopback ports (fast failure detection for tests).</summary>
    public static GeoProcess StartSilo(string postgres, string data, string clusterId)
    {
        var port = FreePort();
        var process = Start(["cluster", "silo", "--postgres", postgres, "--data", data, "--cluster-id", clusterId, "--service-id", "geo-tests",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--gateway-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--probe-timeout", "2", "--threads", "1"]);
        var silo = new GeoProcess(process) { Port = port };
        process.OutputDataReceived += (_, e) => silo.Append(e.Data, true);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data, false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until the silo printed that it joined (or fails with its output).</summary>
    public void WaitJoined(TimeSpan timeout)
    {
        if (!_joined.Task.Wait(timeout))
        {
            Assert.Fail($"silo on port {Port} did not join within {timeout.TotalSeconds} s; exited: {_process.HasExited}\n{Output}");
        }
    }

    /// <summary>This silo's address as stored in geo_cluster_shard.silo starts with this.</summary>
    public string SiloPrefix => $"127.0.0.1:{Port}@";

    /// <summary>kill -9.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Runs a geo command to its end: exit code, stdout, stderr.</summary>
    public static (int Exit, string Out, string Error) Run(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill();
            Assert.Fail($"geo {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        // Spectre wraps long lines at the console width: compare messages with whitespace collapsed.
        return (process.ExitCode, Collapse(stdout.Result), Collapse(stderr.Result));
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Append(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (stdout && line.Contains("joined cluster", StringComparison.Ordinal))
        {
            _joined.TrySetResult();
        }
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(GeoDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static string Collapse(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
