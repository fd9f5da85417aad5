using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text.Json;
using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.RoutingServer.Osrm;

/// <summary>Pieces of OSRM responses written straight into the response pipe (no intermediate objects).</summary>
public static class OsrmJson
{
    /// <summary>Flushes the pipe once this much JSON is pending, so large tables stream instead of buffering whole.</summary>
    private const int FlushBytes = 64 * 1024;

    public static Utf8JsonWriter CreateWriter(PipeWriter pipe) => new(pipe, new JsonWriterOptions { SkipValidation = true });

    /// <summary>A whole number of units (ms, mm) as thousandths: 123456 -> 123.456, 1500 -> 1.5, 2000 -> 2.</summary>
    public static void WriteThousandths(Utf8JsonWriter writer, long units)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[32];
        var whole = Math.DivRem(units, 1000, out var fraction);
        Utf8Formatter.TryFormat(whole, buffer, out var length);
        if (fraction != 0)
        {
            buffer[length++] = (byte)'.';
            buffer[length++] = (byte)('0' + (fraction / 100));
            buffer[length++] = (byte)('0' + (fraction / 10 % 10));
            buffer[length++] = (byte)('0' + (fraction % 10));
            while (buffer[length - 1] == '0')
            {
                length--;
            }
        }
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    /// <summary>[lon, lat] rounded to 6 decimals, as OSRM writes locations.</summary>
    public static void WriteLocation(Utf8JsonWriter writer, GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(Math.Round(point.Lon, 6));
        writer.WriteNumberValue(Math.Round(point.Lat, 6));
        writer.WriteEndArray();
    }

    /// <summary>An OSRM waypoint object: hint (when asked), distance from the input to the snapped point, name, location.</summary>
    public static void WriteWaypoint(Utf8JsonWriter writer, SnapResult snap, bool hint, long[]? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snap);
        writer.WriteStartObject();
        if (nodes is not null)
        {
            writer.WriteStartArray("nodes");
            foreach (var node in nodes)
            {
                writer.WriteNumberValue(node);
            }
            writer.WriteEndArray();
        }
        if (hint)
        {
            // OSRM's hints are opaque snapping shortcuts; this server snaps afresh, so its hints are empty.
            writer.WriteString("hint", "");
        }
        writer.WriteNumber("distance", Math.Round(snap.DistanceMetres, 3));
        writer.WriteString("name", ""); // street names are not kept in the network
        writer.WritePropertyName("location");
        WriteLocation(writer, snap.SnappedPoint);
        writer.WriteEndObject();
    }

    public static void WriteWaypoints(Utf8JsonWriter writer, string name, IEnumerable<SnapResult> snaps, bool hint)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snaps);
        writer.WriteStartArray(name);
        foreach (var snap in snaps)
        {
            WriteWaypoint(writer, snap, hint);
        }
        writer.WriteEndArray();
    }

    /// <summary>Hands pending JSON to the pipe and, once enough has gathered, sends it.</summary>
    public static async ValueTask FlushIfFullAsync(Utf8JsonWriter writer, PipeWriter pipe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pipe);
        if (writer.BytesPending >= FlushBytes)
        {
            writer.Flush();
            await pipe.FlushAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>The error body osrm-routed sends: {"code": ..., "message": ...}.</summary>
    public static void WriteError(Utf8JsonWriter writer, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
