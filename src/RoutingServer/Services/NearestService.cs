using System.IO.Pipelines;
using Geo.RoutingServer.Osrm;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Services;

/// <summary>
/// OSRM's nearest service: where one coordinate snaps onto the network, with the OSM nodes at the ends of that segment.
/// Only number=1 is supported (the snapper finds the single nearest segment).
/// </summary>
public static class NearestService
{
    public static async Task WriteAsync(OsrmRequest request, ModeEngine engine, RoutingServerOptions settings, PipeWriter pipe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pipe);
        var options = new OptionReader(request, settings.MaxSnapMetres);
        var number = options.Number("number") ?? 1;
        options.RejectUnknown();
        if (request.Coordinates.Length != 1)
        {
            throw OsrmError.Options("Only one input coordinate is supported by the nearest service.");
        }
        if (number < 1 || number != Math.Floor(number))
        {
            throw OsrmError.Value("number must be a whole number >= 1.");
        }
        if (number > settings.MaxNearestSize)
        {
            throw new OsrmError(OsrmError.TooBig, $"Number of results {number} is higher than current maximum ({settings.MaxNearestSize}).");
        }
        if (number > 1)
        {
            throw new OsrmError(OsrmError.NotImplemented, "Only number=1 is supported: this server finds the single nearest segment.");
        }
        var snap = engine.SnapAll(request.Coordinates, options.RadiiMetres, cancellation)[0];
        var edge = snap.EdgeIndex;
        long[] nodes = [engine.Network.OsmNodeId(engine.Mode, engine.EdgeSource(edge)), engine.Network.OsmNodeId(engine.Mode, engine.Graph.EdgeTarget[edge])];

        using var writer = OsrmJson.CreateWriter(pipe);
        writer.WriteStartObject();
        writer.WriteString("code", "Ok");
        writer.WriteStartArray("waypoints");
        OsrmJson.WriteWaypoint(writer, snap, options.GenerateHints, nodes);
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
    }
}
