using Geo.Core;

namespace Geo.Viewer.Server;

/// <summary>Settings for <see cref="GeoViewerServer"/>.</summary>
public sealed record ViewerServerOptions
{
    /// <summary>Results folder written by <c>geo appraise</c>/<c>geo run</c>.</summary>
    public required string ResultsFolder { get; init; }

    /// <summary>IP address to bind; 127.0.0.1 by default. "localhost" means 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (see <see cref="GeoViewerServer.Address"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Optional online raster tile URL template with {z}/{x}/{y}, drawn under the zones; null = offline only.</summary>
    public string? TilesUrl { get; init; }

    /// <summary>Host names (besides the bound address and localhost) that browsers may use to reach the viewer (<c>--allow-host</c>).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> for an invalid host, port or tile URL.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ResultsFolder);
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException("port must be between 0 and 65535, got " + Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _ = BindAddress.Parse(Host);
        foreach (var name in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => c is ':' or '/' or ' ' or '*'))
            {
                throw new ArgumentException("--allow-host takes a host name such as geo.example.org (no port, scheme or wildcard), got '" + name + "'");
            }
        }
        if (TilesUrl is { } t && (!(t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || !t.Contains("{z}", StringComparison.Ordinal) || !t.Contains("{x}", StringComparison.Ordinal) || !t.Contains("{y}", StringComparison.Ordinal)))
        {
            throw new ArgumentException("tile URL must be http(s) and contain {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png");
        }
    }
}
