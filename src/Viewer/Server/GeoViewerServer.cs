using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Geo.Core;
using Geo.Viewer.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Geo.Viewer.Server;

/// <summary>
/// Local, read-only web map over a results folder (ASP.NET Core minimal API on Kestrel, 127.0.0.1 by default).
/// Results are loaded once at <see cref="Create"/>; files that are missing or corrupt are reported by /api/status
/// and by the failing endpoint, and shown on the page as an error banner.
/// </summary>
public sealed class GeoViewerServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string, string, string), byte[]> _scoreCache = new();
    private readonly ConcurrentDictionary<string, byte[]> _needCache = new(StringComparer.Ordinal);
    private readonly StaticAssets _assets = new();
    private readonly HostGuard _hosts;

    private GeoViewerServer(ViewerServerOptions options, ResultsFolder results)
    {
        Options = options;
        Results = results;
        _hosts = new HostGuard(BindAddress.Parse(options.Host), options.AllowedHosts);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(GeoViewerServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(BindAddress.Parse(options.Host), options.Port));
        _app = builder.Build();
        MapEndpoints(_app);
    }

    public ViewerServerOptions Options { get; }
    public ResultsFolder Results { get; }

    /// <summary>True when bound to a loopback address only.</summary>
    public bool IsLoopbackOnly => IPAddress.IsLoopback(BindAddress.Parse(Options.Host));

    /// <summary>Base address after <see cref="StartAsync"/> (actual port when 0 was requested), e.g. http://127.0.0.1:8080/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Validates options and loads the results folder (throws <see cref="DirectoryNotFoundException"/> if absent).</summary>
    public static GeoViewerServer Create(ViewerServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new GeoViewerServer(options, ResultsFolder.Load(options.ResultsFolder));
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string first = addresses?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:" + Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Address = new Uri(first.EndsWith('/') ? first : first + "/");
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Completes when the host shuts down (Ctrl+C) or the token is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private void MapEndpoints(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            SecurityHeaders.Apply(ctx, Options.TilesUrl);
            if (!_hosts.IsAllowed(ctx.Request.Headers.Host.ToString()))
            {
                await Error(ctx, StatusCodes.Status403Forbidden, "refused: the Host header '" + ctx.Request.Headers.Host + "' is not this viewer's address or localhost; to reach it by another name start geo serve with --allow-host <name>", null).ConfigureAwait(false);
                return;
            }

            string raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "/";
            if (!PathGuard.IsSafeRawPath(raw))
            {
                await Error(ctx, StatusCodes.Status400BadRequest, "refused: the request path contains '..', an encoded dot, slash or backslash, or a drive letter; only files inside the results folder are served", null).ConfigureAwait(false);
                return;
            }

            await next(ctx).ConfigureAwait(false);
        });

        app.MapGet("/api/status", Status);
        app.MapGet("/api/summary", ctx => Results.SummaryJson is { } s
            ? Bytes(ctx, s, "application/json; charset=utf-8")
            : FileError(ctx, ResultsFolder.SummaryFile));
        app.MapGet("/api/zones", ctx => Results.ErrorFor(ResultsFolder.ZonesFile) is null
            ? Bytes(ctx, Results.ZonesGeoJson, "application/geo+json; charset=utf-8")
            : FileError(ctx, ResultsFolder.ZonesFile));
        app.MapGet("/api/sites", ctx => Optional(ctx, ResultsFolder.SitesFile, Results.SitesGeoJson));
        app.MapGet("/api/site-statuses", ctx => Bytes(ctx, SiteStatusJson.Write(Results), "application/json; charset=utf-8"));
        app.MapGet("/api/placement", ctx => Optional(ctx, ResultsFolder.PlacementFile, Results.PlacementGeoJson));
        app.MapGet("/api/isochrones", ctx => Bytes(ctx, Results.IsochronesGeoJson, "application/geo+json; charset=utf-8"));
        app.MapGet("/api/basemap", ctx => Optional(ctx, ResultsFolder.BasemapFile, Results.BasemapGeoJson));
        app.MapGet("/api/scores", Scores);
        app.MapGet("/api/need-maps", ctx => Bytes(ctx, NeedJson.List(Results), "application/json; charset=utf-8"));
        app.MapGet("/api/need", Need);
        app.MapGet("/api/flows", ctx => Optional(ctx, ResultsFolder.FlowsFile, Results.FlowsGeoJson));
        app.MapGet("/api/{**rest}", ctx => Error(ctx, StatusCodes.Status404NotFound,
            "unknown endpoint; valid: /api/status, /api/summary, /api/zones, /api/sites, /api/site-statuses, /api/scores?option=&mode=&service=, /api/placement, /api/isochrones, /api/basemap, /api/need-maps, /api/need?key=, /api/flows", null));
        app.MapGet("/files/{**path}", ResultsFile);
        app.MapGet("/", ctx => Asset(ctx, "index.html"));
        app.MapGet("/{**path}", ctx => Asset(ctx, (string?)ctx.Request.RouteValues["path"] ?? "index.html"));
    }

    private Task Status(HttpContext ctx)
    {
        var zoneAttributes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var z in Results.Zones)
        {
            foreach (var (k, v) in z.Properties)
            {
                if (v is double)
                {
                    zoneAttributes.Add(k);
                }
            }
        }

        var body = new
        {
            scenario = Results.ScenarioName,
            options = Results.Options.Select(o => new { id = o.Id, name = o.Name }),
            modes = Results.Modes,
            services = Results.Services,
            errors = Results.Errors.Select(e => new { file = e.File, problem = e.Problem, required = e.Required }),
            zoneCount = Results.Zones.Count,
            siteCount = Results.Sites.Count,
            numericZoneAttributes = zoneAttributes,
            hasBasemap = Results.BasemapRoads.Count > 0,
            hasPlacement = File.Exists(Path.Combine(Results.Root, ResultsFolder.PlacementFile)),
            hasIsochrones = Directory.Exists(Path.Combine(Results.Root, ResultsFolder.IsochroneFolder)),
            hasFlows = Results.Flows.Count > 0,
            tilesUrl = Options.TilesUrl,
        };
        return Bytes(ctx, JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions), "application/json; charset=utf-8");
    }

    private Task Need(HttpContext ctx)
    {
        string key = ctx.Request.Query["key"].ToString();
        try
        {
            return Bytes(ctx, _needCache.GetOrAdd(key, k => NeedJson.Values(Results, k)), "application/json; charset=utf-8");
        }
        catch (ArgumentException ex)
        {
            return Error(ctx, StatusCodes.Status404NotFound, ex.Message, ResultsFolder.NeedMapsFile);
        }
    }

    private Task Scores(HttpContext ctx)
    {
        if (Results.ZoneResults is not { } table)
        {
            return FileError(ctx, ResultsFolder.ZoneResultsFile);
        }

        string option = ctx.Request.Query["option"].ToString();
        string mode = ctx.Request.Query["mode"].ToString();
        string service = ctx.Request.Query["service"].ToString();
        if (service.Length == 0 && table.Services.Count > 0)
        {
            service = table.Services[0];
        }

        if (!table.Options.Contains(option))
        {
            return Error(ctx, StatusCodes.Status404NotFound, "unknown option '" + option + "'; valid options: " + string.Join(", ", table.Options), null);
        }

        if (!table.Modes.Contains(mode))
        {
            return Error(ctx, StatusCodes.Status404NotFound, "unknown mode '" + mode + "'; valid modes: " + string.Join(", ", table.Modes), null);
        }

        if (!table.Services.Contains(service))
        {
            return Error(ctx, StatusCodes.Status404NotFound, "unknown service '" + service + "'; valid services: " + string.Join(", ", table.Services), null);
        }

        if (!table.TryGet(option, mode, service, out var set))
        {
            return Error(ctx, StatusCodes.Status404NotFound, "zone_results.csv has no rows for option " + option + ", mode " + mode + ", service " + service, ResultsFolder.ZoneResultsFile);
        }

        byte[] json = _scoreCache.GetOrAdd((option, mode, service), _ => ScoresJson.Write(set));
        return Bytes(ctx, json, "application/json; charset=utf-8");
    }

    private async Task ResultsFile(HttpContext ctx)
    {
        string rel = (string?)ctx.Request.RouteValues["path"] ?? string.Empty;
        if (!PathGuard.TryResolve(Results.Root, rel, out string full))
        {
            await Error(ctx, StatusCodes.Status400BadRequest, "refused: '" + rel + "' is not a relative path inside the results folder", null).ConfigureAwait(false);
            return;
        }

        if (!File.Exists(full) || PathGuard.IsHiddenOrTemporary(rel))
        {
            await Error(ctx, StatusCodes.Status404NotFound, "no such file in the results folder: " + rel, rel).ConfigureAwait(false);
            return;
        }

        SecurityHeaders.ApplyToResultsFile(ctx);

        ctx.Response.ContentType = StaticAssets.ContentType(full);
        await ctx.Response.SendFileAsync(full).ConfigureAwait(false);
    }

    private Task Asset(HttpContext ctx, string path)
    {
        if (_assets.TryGet(path, out byte[] bytes))
        {
            return Bytes(ctx, bytes, StaticAssets.ContentType(path));
        }

        return Error(ctx, StatusCodes.Status404NotFound, "no such page: /" + path, null);
    }

    private Task Optional(HttpContext ctx, string file, byte[] bytes) =>
        Results.ErrorFor(file) is null ? Bytes(ctx, bytes, "application/geo+json; charset=utf-8") : FileError(ctx, file);

    private Task FileError(HttpContext ctx, string file)
    {
        var e = Results.ErrorFor(file);
        string problem = e?.Problem ?? "not available";
        return Error(ctx, StatusCodes.Status500InternalServerError, file + ": " + problem, file);
    }

    private static Task Bytes(HttpContext ctx, byte[] bytes, string contentType)
    {
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes).AsTask();
    }

    private static Task Error(HttpContext ctx, int status, string message, string? file)
    {
        ctx.Response.StatusCode = status;
        return Bytes(ctx, JsonSerializer.SerializeToUtf8Bytes(new { error = message, file }, JsonOptions), "application/json; charset=utf-8");
    }
}
