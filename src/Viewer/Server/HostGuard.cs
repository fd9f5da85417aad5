using System.Net;

namespace Geo.Viewer.Server;

/// <summary>
/// DNS-rebinding guard: a page on evil.example whose name is re-pointed at 127.0.0.1 reaches the viewer with
/// <c>Host: evil.example</c>. Only the bound address, loopback names and addresses, and names given with <c>--allow-host</c>
/// are served; when bound to every interface (0.0.0.0 or ::) any IP address is accepted, names still only when allowed.
/// </summary>
public sealed class HostGuard
{
    private readonly IPAddress _bound;
    private readonly HashSet<string> _names;

    public HostGuard(IPAddress bound, IEnumerable<string> allowedNames)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(allowedNames);
        _bound = bound;
        _names = new HashSet<string>(allowedNames.Select(n => n.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase) { "localhost" };
    }

    /// <summary>True when a request with this Host header (name or address, optional port) may be served.</summary>
    public bool IsAllowed(string? hostHeader)
    {
        if (string.IsNullOrWhiteSpace(hostHeader))
        {
            return false;
        }
        var host = StripPort(hostHeader.Trim());
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (IPAddress.TryParse(host, out var ip) && IsAddressLiteral(host))
        {
            return IPAddress.IsLoopback(ip) || ip.Equals(_bound) || _bound.Equals(IPAddress.Any) || _bound.Equals(IPAddress.IPv6Any);
        }
        return _names.Contains(host.TrimEnd('.'));
    }

    /// <summary>"1.2.3.4" or an IPv6 literal; IPAddress.TryParse also takes forms such as "1" or "0x7f.1" that browsers treat as names.</summary>
    private static bool IsAddressLiteral(string host) =>
        host.Contains(':', StringComparison.Ordinal) || (host.Count(c => c == '.') == 3 && host.All(c => char.IsAsciiDigit(c) || c == '.'));

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? host : host[..(end + 1)];
        }
        var colon = host.LastIndexOf(':');
        return colon >= 0 && host.IndexOf(':', StringComparison.Ordinal) == colon ? host[..colon] : host;
    }
}
