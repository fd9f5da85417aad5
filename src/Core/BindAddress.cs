using System.Net;

namespace Geo.Core;

/// <summary>The address a local server (web map, routing server) binds to.</summary>
public static class BindAddress
{
    /// <summary>An IP address; "localhost" is 127.0.0.1. Host names are refused (bind to an address, not a name).</summary>
    public static IPAddress Parse(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        return IPAddress.TryParse(host, out var ip)
            ? ip
            : throw new ArgumentException("host must be an IP address such as 127.0.0.1 (or 0.0.0.0 for all interfaces), got '" + host + "'");
    }
}
