using System.Globalization;
using Geo.Routing.Geometry;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using NUnit.Framework;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Tests;

/// <summary>
/// The synthetic sample region (data-samples/region.osm.pbf) loaded once, served by a real Kestrel on 127.0.0.1 with an
/// ephemeral port, plus its zone and site points.
/// </summary>
public static class SampleServer
{
    private static readonly Lazy<(StreetNetwork, RoutingEngine)> Loaded = new(() =>
    {
        var network = StreetNetwork.BuildFromPbf(Path.Combine(RepoRoot, "data-samples", "region.osm.pbf"));
        return (network, RoutingEngine.Load(network, null, TimeBand.OffPeak));
    });

    public static StreetNetwork Network => Loaded.Value.Item1;

    public static RoutingEngine Engine => Loaded.Value.Item2;

    /// <summary>Starts a server on an ephemeral loopback port; dispose it at the end of the fixture.</summary>
    public static async Task<GeoRoutingServer> StartAsync(RoutingServerOptions? options = null)
    {
        var server = GeoRoutingServer.Create(Engine, (options ?? new RoutingServerOptions()) with { Host = "127.0.0.1", Port = 0 });
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>The sample's 100 zone points (lon, lat) in file order.</summary>
    public static IReadOnlyList<GeoPoint> Zones() => Points("zones.csv");

    /// <summary>The sample's 9 sites (hospitals and candidate sites).</summary>
    public static IReadOnlyList<GeoPoint> Sites() => Points("sites.csv");

    private static List<GeoPoint> Points(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "data-samples", file));
        var header = lines[0].Split(',');
        int lon = Array.IndexOf(header, "lon"), lat = Array.IndexOf(header, "lat");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(c => new GeoPoint(double.Parse(c[lon], CultureInfo.InvariantCulture), double.Parse(c[lat], CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above the test folder.");
        }
    }

    /// <summary>lon,lat;lon,lat with invariant formatting, as clients write coordinates.</summary>
    public static string CoordinateList(IEnumerable<GeoPoint> points, string format = "R") =>
        string.Join(';', points.Select(p => p.Lon.ToString(format, CultureInfo.InvariantCulture) + "," + p.Lat.ToString(format, CultureInfo.InvariantCulture)));
}
