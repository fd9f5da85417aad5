using Geo.Cli.Commands;
using NUnit.Framework;
using Spectre.Console.Cli;

namespace Geo.Cli.Tests.Commands;

/// <summary>`geo serve`: option validation and exit codes through <see cref="Program.Main"/>; a real start on port 0 in process.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ServeCommandTests
{
    private sealed class NoRemaining : IRemainingArguments
    {
        public ILookup<string, string?> Parsed { get; } = Array.Empty<string>().ToLookup(x => x, x => (string?)x);
        public IReadOnlyList<string> Raw { get; } = [];
    }

    [Test]
    public void Serve_MissingResultsFolder_Exit3()
    {
        string missing = Path.Combine(Path.GetTempPath(), "geo-no-such-results-" + Guid.NewGuid().ToString("N"));
        var (exit, error) = ViewerCommandResults.Geo("serve", "--results", missing, "--port", "0");
        Assert.That(exit, Is.EqualTo(3));
        Assert.That(error, Does.Contain("results folder not found"));
    }

    [TestCase("--port", "70000", "port")]
    [TestCase("--port", "-1", "port")]
    [TestCase("--host", "not-an-address", "host")]
    [TestCase("--tiles", "ftp://tiles/{z}/{x}/{y}", "tile URL")]
    public void Serve_BadOption_Exit2NamingIt(string option, string value, string named)
    {
        var (exit, error) = ViewerCommandResults.Geo("serve", "--results", ViewerCommandResults.Folder, option, value);
        Assert.That(exit, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain(named));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Serve_PortZero_ServesPageAndStatusUntilCancelled(CancellationToken testToken)
    {
        string results = ViewerCommandResults.Folder;
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(TextWriter.Synchronized(output));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        Task<int> serve;
        string address;
        try
        {
            var settings = new ServeCommand.Settings { Results = results, Port = 0 };
            var context = new CommandContext(["serve"], new NoRemaining(), "serve", null);
            serve = Task.Run(() => new ServeCommand().ExecuteAsync(context, settings, cts.Token), testToken);
            address = string.Empty;
            while (!serve.IsCompleted)
            {
                string text = output.ToString();
                int at = text.IndexOf("running at ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    address = text[(at + 11)..].Split(' ', '\n')[0].Trim();
                    break;
                }

                await Task.Delay(50, testToken);
            }

            Assert.That(address, Does.StartWith("http://127.0.0.1:"), "address printed; serve task state: " + serve.Status + " " + serve.Exception);
            Assert.That(address, Does.Not.EndWith(":0/"), "port 0 resolves to a real port");
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            string page = await http.GetStringAsync(new Uri("/", UriKind.Relative), testToken);
            Assert.That(page, Does.Contain("<html").IgnoreCase);
            string status = await http.GetStringAsync(new Uri("/api/status", UriKind.Relative), testToken);
            Assert.That(status, Does.Contain("\"options\""));
        }
        finally
        {
            await cts.CancelAsync();
            Console.SetOut(previous);
        }

        Assert.That(await serve, Is.Zero, "exit code after Ctrl+C");
    }
}
