using System.IO.Compression;
using System.Net;
using Geo.Core;
using Geo.RoutingServer.Osrm;
using Geo.RoutingServer.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer;

/// <summary>
/// An OSRM v5 compatible HTTP server (table, route, nearest) over a loaded <see cref="RoutingEngine"/>: ASP.NET Core on
/// Kestrel, 127.0.0.1 by default, keep-alive, gzip/brotli when the client asks, requests served in parallel. Errors are
/// answered as osrm-routed does (HTTP 400, {"code", "message"}), never with a stack trace.
/// </summary>
public sealed class GeoRoutingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GeoRoutingServer(RoutingEngine engine, RoutingServerOptions options)
    {
        Engine = engine;
        Options = options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(GeoRoutingServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestLineSize = options.MaxRequestBytes;
            k.Limits.MaxRequestBufferSize = options.MaxRequestBytes + (64 << 10);
            k.Listen(BindAddress.Parse(options.Host), options.Port);
        });
        builder.Services.AddResponseCompression(c =>
        {
            c.Providers.Add<BrotliCompressionProvider>();
            c.Providers.Add<GzipCompressionProvider>();
            c.MimeTypes = ["application/json"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        _app = builder.Build();
        _app.UseResponseCompression();
        _app.Run(HandleAsync);
    }

    public RoutingEngine Engine { get; }
    public RoutingServerOptions Options { get; }

    /// <summary>Base address after <see cref="StartAsync"/> (the real port when 0 was asked for).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>True when bound to a loopback address only.</summary>
    public bool IsLoopbackOnly => IPAddress.IsLoopback(BindAddress.Parse(Options.Host));

    public static GeoRoutingServer Create(RoutingEngine engine, RoutingServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        BindAddress.Parse(options.Host);
        return new GeoRoutingServer(engine, options);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var first = addresses?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:" + Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Address = new Uri(first.EndsWith('/') ? first : first + "/");
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(Options.RequestTimeLimit);
        var cancellation = limit.Token;
        try
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
            {
                throw OsrmError.Url($"Method {context.Request.Method} is not served; use GET (or POST with a JSON body).");
            }
            var body = HttpMethods.IsPost(context.Request.Method) ? await ReadBodyAsync(context.Request, cancellation).ConfigureAwait(false) : [];
            var request = RequestParser.Parse(context.Request.Path.Value ?? "/",
                context.Request.Query.Select(q => new KeyValuePair<string, string[]>(q.Key, q.Value.Select(v => v ?? "").ToArray())), body);
            var engine = Engine.For(request.Mode);
            context.Response.ContentType = "application/json; charset=utf-8";
            var pipe = context.Response.BodyWriter;
            await (request.Transit ? TransitTableService.WriteAsync(request, engine, Engine.Transit, Options, pipe, cancellation) : request.Service switch
            {
                "table" => TableService.WriteAsync(request, engine, Options, pipe, cancellation),
                "route" => RouteService.WriteAsync(request, engine, Options, pipe, cancellation),
                _ => NearestService.WriteAsync(request, engine, Options, pipe, cancellation),
            }).ConfigureAwait(false);
        }
        catch (OsrmError error)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, error.Code, error.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException error)
        {
            // Kestrel's limits: body over MaxRequestBodySize (413) or a malformed body.
            var tooLarge = error.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await ErrorAsync(context, error.StatusCode, tooLarge ? OsrmError.TooBig : OsrmError.InvalidQuery,
                tooLarge ? $"The request is larger than this server's limit of {Options.MaxRequestBytes} bytes." : error.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (OperationCanceledException)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, OsrmError.TooBig,
                $"The request took longer than this server's limit of {Options.RequestTimeLimit.TotalSeconds:0.#} s; split it into smaller requests.").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A server answers every request: an unexpected failure becomes a 500 with one line, no trace.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"geo serve-routing: internal error on {context.Request.Path}: {error.GetType().Name}: {error.Message}").ConfigureAwait(false);
            await ErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalError", "The server failed to answer this request; it has been logged.").ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        if (context.Response.HasStarted)
        {
            context.Abort(); // half a response must not look whole
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using (var writer = OsrmJson.CreateWriter(context.Response.BodyWriter))
        {
            OsrmJson.WriteError(writer, code, message);
        }
        await context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }
}
