using System.Text;
using Geo.Routing.Geometry;

namespace Geo.RoutingServer.Osrm;

/// <summary>
/// Google's encoded polyline format, as OSRM uses it: latitude then longitude, each as the zig-zag varint of the
/// difference to the previous point, 5 (polyline) or 6 (polyline6) decimal places.
/// </summary>
public static class Polyline
{
    public static string Encode(IReadOnlyList<GeoPoint> points, int precision)
    {
        ArgumentNullException.ThrowIfNull(points);
        var factor = Math.Pow(10, precision);
        var text = new StringBuilder(points.Count * 8);
        long lastLat = 0, lastLon = 0;
        foreach (var p in points)
        {
            var lat = (long)Math.Round(p.Lat * factor, MidpointRounding.AwayFromZero);
            var lon = (long)Math.Round(p.Lon * factor, MidpointRounding.AwayFromZero);
            Append(text, lat - lastLat);
            Append(text, lon - lastLon);
            lastLat = lat;
            lastLon = lon;
        }
        return text.ToString();
    }

    /// <summary>Decodes lon/lat points; false on a malformed string.</summary>
    public static bool TryDecode(string encoded, int precision, out GeoPoint[] points)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var factor = Math.Pow(10, precision);
        var result = new List<GeoPoint>();
        long lat = 0, lon = 0;
        var i = 0;
        while (i < encoded.Length)
        {
            if (!TryRead(encoded, ref i, out var dLat) || !TryRead(encoded, ref i, out var dLon))
            {
                points = [];
                return false;
            }
            lat += dLat;
            lon += dLon;
            result.Add(new GeoPoint(lon / factor, lat / factor));
        }
        points = [.. result];
        return true;
    }

    private static void Append(StringBuilder text, long value)
    {
        var v = value < 0 ? ~(value << 1) : value << 1;
        while (v >= 0x20)
        {
            text.Append((char)((0x20 | (v & 0x1f)) + 63));
            v >>= 5;
        }
        text.Append((char)(v + 63));
    }

    private static bool TryRead(string text, ref int i, out long value)
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            if (i >= text.Length || shift > 60)
            {
                value = 0;
                return false;
            }
            var b = text[i++] - 63;
            if (b is < 0 or > 63)
            {
                value = 0;
                return false;
            }
            result |= (long)(b & 0x1f) << shift;
            shift += 5;
            if (b < 0x20)
            {
                break;
            }
        }
        value = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
        return true;
    }
}
