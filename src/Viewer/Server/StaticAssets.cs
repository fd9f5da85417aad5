using System.Reflection;

namespace Geo.Viewer.Server;

/// <summary>The page's files (wwwroot/**), embedded in Geo.Viewer.dll.</summary>
internal sealed class StaticAssets
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public StaticAssets()
    {
        var asm = typeof(StaticAssets).Assembly;
        foreach (string name in asm.GetManifestResourceNames())
        {
            if (!name.StartsWith("wwwroot/", StringComparison.Ordinal))
            {
                continue;
            }

            using var s = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            _files[name["wwwroot/".Length..]] = ms.ToArray();
        }
    }

    public int Count => _files.Count;

    public bool TryGet(string path, out byte[] bytes) => _files.TryGetValue(path, out bytes!);

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".geojson" => "application/geo+json; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".txt" or ".md" => "text/plain; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".gpkg" => "application/geopackage+sqlite3",
        _ => "application/octet-stream",
    };

    internal static Assembly Assembly => typeof(StaticAssets).Assembly;
}
