using Geo.Routing.Profiles;

using Geo.Routing.Streets;

namespace Geo.RoutingServer.Engines;

/// <summary>Settings of <see cref="GeoRoutingServer"/>; the size limits mirror osrm-routed's options of the same names.</summary>
public sealed record RoutingServerOptions
{
    /// <summary>IP address to bind; loopback unless the user asks otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 = any free port (tests).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>A table may have at most this many sources times destinations squared (osrm-routed --max-table-size).</summary>
    public int MaxTableSize { get; init; } = 2_000;

    /// <summary>Most coordinates in a route request (osrm-routed --max-viaroute-size).</summary>
    public int MaxViarouteSize { get; init; } = 500;

    /// <summary>Most results of a nearest request (osrm-routed --max-nearest-size).</summary>
    public int MaxNearestSize { get; init; } = 100;

    /// <summary>A coordinate farther than this from a routable street gets NoSegment, unless its radius says otherwise.</summary>
    public double MaxSnapMetres { get; init; } = 1_000;

    /// <summary>Largest request: URL (request line) and body, in bytes.</summary>
    public int MaxRequestBytes { get; init; } = 8 << 20;

    /// <summary>A request still computing after this long is stopped and answered with TooBig.</summary>
    public TimeSpan RequestTimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Car time band (walk and cycle have one).</summary>
    public TimeBand CarTimeBand { get; init; } = TimeBand.OffPeak;

    /// <summary>Worker threads per table request; 0 = all cores.</summary>
    public int ThreadsPerRequest { get; init; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTableSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxViarouteSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNearestSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSnapMetres);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeLimit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(ThreadsPerRequest);
    }
}
