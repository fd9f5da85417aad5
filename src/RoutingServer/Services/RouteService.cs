using System.IO.Pipelines;
using System.Text.Json;
using Geo.Routing.Geometry;
using Geo.Routing.Matrices;
using Geo.Routing.Streets;
using Geo.RoutingServer.Osrm;
using Geo.RoutingServer.Engines;

namespace Geo.RoutingServer.Services;

/// <summary>
/// OSRM's route service: the fastest route through the coordinates in order, one leg per pair, with its overview
/// geometry (polyline, polyline6 or GeoJSON). The geometry runs edge by edge through the network's vertices (the
/// hierarchy's shortcuts unpacked); every OSM node of a routable way is a vertex and each edge is one segment between
/// consecutive nodes, so the line follows the road's shape as mapped.
/// One route is returned even when alternatives are asked for (OSRM does not promise any). Steps, annotations and
/// waypoints are not supported (NotImplemented).
/// </summary>
public static class RouteService
{
    private sealed record Leg(int DurationMs, int LengthMm, List<GeoPoint> Points);

    public static async Task WriteAsync(OsrmRequest request, ModeEngine engine, RoutingServerOptions settings, PipeWriter pipe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pipe);
        var options = new OptionReader(request, settings.MaxSnapMetres);
        var geometries = options.Text("geometries") ?? "polyline";
        if (geometries is not ("polyline" or "polyline6" or "geojson"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"geometries must be polyline, polyline6 or geojson, got '{geometries}'.");
        }
        // simplified is answered with the full geometry (already one point per network vertex).
        var overview = options.Text("overview") ?? "simplified";
        if (overview is not ("simplified" or "full" or "false"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"overview must be simplified, full or false, got '{overview}'.");
        }
        var alternatives = options.Text("alternatives");
        if (alternatives is not (null or "true" or "false") && !int.TryParse(alternatives, out _))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"alternatives must be true, false or a number, got '{alternatives}'.");
        }
        if (options.Boolean("steps", false))
        {
            throw new OsrmError(OsrmError.NotImplemented, "steps=true is not supported: the network keeps no street names or turn instructions.");
        }
        if (options.Text("annotations") is { } annotations && annotations != "false")
        {
            throw new OsrmError(OsrmError.NotImplemented, "Route annotations are not supported; use annotations=false or leave it out.");
        }
        if (options.Text("waypoints") is not null)
        {
            throw new OsrmError(OsrmError.NotImplemented, "The waypoints option is not supported; every coordinate is a waypoint.");
        }
        var continueStraight = options.Text("continue_straight");
        if (continueStraight is not (null or "default" or "true" or "false"))
        {
            throw new OsrmError(OsrmError.InvalidQuery, $"continue_straight must be default, true or false, got '{continueStraight}'.");
        }
        options.RejectUnknown();
        if (request.Coordinates.Length < 2)
        {
            throw OsrmError.Options("A route needs at least two coordinates.");
        }
        if (request.Coordinates.Length > settings.MaxViarouteSize)
        {
            throw new OsrmError(OsrmError.TooBig, $"Number of entries {request.Coordinates.Length} is higher than current maximum ({settings.MaxViarouteSize}).");
        }

        var snaps = engine.SnapAll(request.Coordinates, options.RadiiMetres, cancellation);
        var legs = new Leg[snaps.Length - 1];
        var search = engine.RentPathSearch();
        try
        {
            var vertices = new List<int>();
            for (var i = 0; i < legs.Length; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                legs[i] = FindLeg(engine, search, vertices, snaps[i], snaps[i + 1])
                    ?? throw new OsrmError(OsrmError.NoRoute, $"Impossible route between points {i} and {i + 1}.");
            }
        }
        finally
        {
            engine.ReturnPathSearch(search);
        }

        using var writer = OsrmJson.CreateWriter(pipe);
        writer.WriteStartObject();
        writer.WriteString("code", "Ok");
        writer.WriteStartArray("routes");
        writer.WriteStartObject();
        if (overview != "false")
        {
            WriteGeometry(writer, legs, geometries);
        }
        writer.WriteStartArray("legs");
        foreach (var leg in legs)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("steps");
            writer.WriteEndArray();
            writer.WriteString("summary", "");
            WriteTotals(writer, leg.DurationMs, leg.LengthMm);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("weight_name", "duration");
        WriteTotals(writer, legs.Sum(l => (long)l.DurationMs), legs.Sum(l => (long)l.LengthMm));
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (!options.SkipWaypoints)
        {
            OsrmJson.WriteWaypoints(writer, "waypoints", snaps, options.GenerateHints);
        }
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// The fastest way between two snapped points: through the network, or straight along a shared two-way segment when
    /// that is faster (the same rule as the matrix, so route and table agree).
    /// </summary>
    private static Leg? FindLeg(ModeEngine engine, Geo.Routing.Paths.PathSearch search, List<int> vertices, SnapResult from, SnapResult to)
    {
        var found = engine.Paths.TryFind(search, from.Outbound, to.Inbound, vertices, out var duration, out var length);
        if (SameEdgeTravel.Applies(from, to))
        {
            var (direct, directLength) = SameEdgeTravel.Direct(engine.Graph, from, to);
            if (!found || direct < duration || (direct == duration && directLength < length))
            {
                return new Leg(direct, directLength, [from.SnappedPoint, to.SnappedPoint]);
            }
        }
        if (!found)
        {
            return null;
        }
        var points = new List<GeoPoint>(vertices.Count + 2) { from.SnappedPoint };
        foreach (var v in vertices)
        {
            points.Add(engine.VertexPoint(v));
        }
        points.Add(to.SnappedPoint);
        return new Leg(duration, length, points);
    }

    private static void WriteTotals(Utf8JsonWriter writer, long durationMs, long lengthMm)
    {
        writer.WritePropertyName("weight");
        OsrmJson.WriteThousandths(writer, durationMs);
        writer.WritePropertyName("duration");
        OsrmJson.WriteThousandths(writer, durationMs);
        writer.WritePropertyName("distance");
        OsrmJson.WriteThousandths(writer, lengthMm);
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Leg[] legs, string geometries)
    {
        var points = new List<GeoPoint>();
        foreach (var leg in legs)
        {
            foreach (var p in leg.Points)
            {
                if (points.Count == 0 || points[^1] != p)
                {
                    points.Add(p);
                }
            }
        }
        if (points.Count == 1)
        {
            points.Add(points[0]); // a LineString needs two points, as OSRM gives for a zero-length route
        }
        if (geometries == "geojson")
        {
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "LineString");
            writer.WriteStartArray("coordinates");
            foreach (var p in points)
            {
                OsrmJson.WriteLocation(writer, p);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("geometry", Polyline.Encode(points, geometries == "polyline6" ? 6 : 5));
        }
    }
}
