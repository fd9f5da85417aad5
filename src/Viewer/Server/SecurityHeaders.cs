using Microsoft.AspNetCore.Http;

namespace Geo.Viewer.Server;

/// <summary>
/// Response headers of the viewer: no MIME sniffing, no caching, no framing, and a content security policy that lets the
/// page load only its own scripts (MapLibre's workers come from blob: URLs; the optional tile server is the one other origin).
/// Results files (report.html, GeoJSON) are sandboxed: no script runs in them, whatever they contain.
/// </summary>
internal static class SecurityHeaders
{
    public static void Apply(HttpContext ctx, string? tilesUrl)
    {
        var headers = ctx.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var tiles = TileOrigin(tilesUrl);
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data: blob:{tiles}; connect-src 'self'{tiles}; worker-src 'self' blob:; child-src 'self' blob:; "
            + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    public static void ApplyToResultsFile(HttpContext ctx) =>
        ctx.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

    /// <summary>" https://tile.example.org" from a tile template; a "{s}" subdomain becomes "*".</summary>
    private static string TileOrigin(string? tilesUrl)
    {
        if (tilesUrl is null)
        {
            return "";
        }
        var schemeEnd = tilesUrl.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return "";
        }
        var hostEnd = tilesUrl.IndexOf('/', schemeEnd + 3);
        var origin = hostEnd < 0 ? tilesUrl : tilesUrl[..hostEnd];
        return " " + System.Text.RegularExpressions.Regex.Replace(origin, @"\{[^}]*\}", "*");
    }
}
