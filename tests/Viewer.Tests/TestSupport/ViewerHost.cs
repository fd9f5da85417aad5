using System.Net.Sockets;
using System.Text;
using Geo.Viewer.Server;

namespace Geo.Viewer.Tests.TestSupport;

/// <summary>A started <see cref="GeoViewerServer"/> on a free loopback port, with an HttpClient and a raw-socket GET.</summary>
internal sealed class ViewerHost : IAsyncDisposable
{
    private ViewerHost(GeoViewerServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.Address };
    }

    public GeoViewerServer Server { get; }
    public HttpClient Http { get; }

    public static async Task<ViewerHost> StartAsync(string resultsFolder, string? tilesUrl = null)
    {
        var server = GeoViewerServer.Create(new ViewerServerOptions { ResultsFolder = resultsFolder, Port = 0, TilesUrl = tilesUrl });
        await server.StartAsync().ConfigureAwait(false);
        return new ViewerHost(server);
    }

    /// <summary>Sends the request target exactly as given (HttpClient would normalise dot segments) and returns the status code.</summary>
    public async Task<(int Status, string Body)> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Address.Host, Server.Address.Port).ConfigureAwait(false);
        using var stream = tcp.GetStream();
        byte[] request = Encoding.ASCII.GetBytes("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync().ConfigureAwait(false);
        string statusLine = response.Split("\r\n", 2)[0];
        int status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        int bodyAt = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyAt >= 0 ? response[(bodyAt + 4)..] : string.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
