using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.RoutingServer.Osrm;

/// <summary>
/// Parses <c>/{service}/v1/{profile}/{coordinates}[.json]?option=value&amp;...</c> as osrm-routed does, where coordinates are
/// <c>lon,lat;lon,lat</c>, <c>polyline(...)</c> or <c>polyline6(...)</c>. A POST may instead carry a JSON body
/// <c>{"coordinates": [[lon, lat], ...], "sources": [0, 1], "annotations": "duration,distance", ...}</c> whose members are
/// the same options (arrays of values become the <c>;</c>-separated lists of the query string).
/// </summary>
public static class RequestParser
{
    public static readonly string[] Services = ["table", "route", "nearest"];

    /// <summary>Parses the decoded path, the query options and the optional body.</summary>
    /// <exception cref="OsrmError">InvalidUrl, InvalidService, InvalidVersion, InvalidQuery or InvalidValue.</exception>
    public static OsrmRequest Parse(string path, IEnumerable<KeyValuePair<string, string[]>> query, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var parts = path.Trim('/').Split('/');
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0)
        {
            throw OsrmError.Url($"URL must look like /{{service}}/v1/{{profile}}/{{coordinates}} (services: {string.Join(", ", Services)}); got '{path}'.");
        }
        var service = parts[0];
        if (!Services.Contains(service))
        {
            throw new OsrmError(OsrmError.InvalidService, $"Service '{service}' not found; this server offers {string.Join(", ", Services)}.");
        }
        if (parts[1] != "v1")
        {
            throw new OsrmError(OsrmError.InvalidVersion, $"Service version '{parts[1]}' not found; only v1 is served.");
        }
        var transit = Profiles.IsTransit(parts[2]);
        var mode = TravelMode.Walk;
        if (!transit && !Profiles.TryParse(parts[2], out mode))
        {
            throw OsrmError.Url($"Unknown profile '{parts[2]}'. Valid profiles: {Profiles.ValidNames}.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (values.Length != 1)
            {
                throw new OsrmError(OsrmError.InvalidQuery, $"Option '{key}' is given {values.Length} times; give it once.");
            }
            options[key] = values[0];
        }

        GeoPoint[]? coordinates = parts.Length == 4 ? ParseCoordinates(parts[3]) : null;
        if (body.Length > 0)
        {
            var fromBody = ParseBody(body, options);
            if (coordinates is not null && fromBody is not null)
            {
                throw new OsrmError(OsrmError.InvalidQuery, "Coordinates are given both in the URL and in the body; give them once.");
            }
            coordinates ??= fromBody;
        }
        if (coordinates is null || coordinates.Length == 0)
        {
            throw OsrmError.Url("No coordinates: put lon,lat;lon,lat after the profile, or POST a JSON body with \"coordinates\": [[lon, lat], ...].");
        }
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (!coordinates[i].IsValid || double.IsInfinity(coordinates[i].Lon) || double.IsInfinity(coordinates[i].Lat))
            {
                throw OsrmError.Value($"Invalid coordinate value at index {i}: longitude must be in [-180, 180] and latitude in [-90, 90] (lon,lat order).");
            }
        }
        return new OsrmRequest(service, mode, coordinates, options, transit);
    }

    /// <summary>lon,lat;lon,lat (optionally ending in .json), polyline(...) or polyline6(...).</summary>
    public static GeoPoint[] ParseCoordinates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith(".json", StringComparison.Ordinal))
        {
            text = text[..^5];
        }
        foreach (var (prefix, precision) in new[] { ("polyline6(", 6), ("polyline(", 5) })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (!text.EndsWith(')') || !Polyline.TryDecode(text[prefix.Length..^1], precision, out var decoded) || decoded.Length == 0)
                {
                    throw OsrmError.Url($"URL string malformed: '{prefix}...)' is not a valid encoded polyline.");
                }
                return decoded;
            }
        }
        var pairs = text.Split(';');
        var points = new GeoPoint[pairs.Length];
        var position = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            var comma = pairs[i].IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !TryNumber(pairs[i].AsSpan(0, comma), out var lon) || !TryNumber(pairs[i].AsSpan(comma + 1), out var lat))
            {
                throw OsrmError.Url($"URL string malformed close to position {position}: coordinate {i} is '{Shorten(pairs[i])}', expected lon,lat.");
            }
            points[i] = new GeoPoint(lon, lat);
            position += pairs[i].Length + 1;
        }
        return points;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>Adds the body's options (a member also in the query string is an error); returns its coordinates, if any.</summary>
    private static GeoPoint[]? ParseBody(ReadOnlySpan<byte> body, Dictionary<string, string> options)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new OsrmError(OsrmError.InvalidQuery, "The body is not valid JSON (" + ex.Message + ").");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OsrmError(OsrmError.InvalidQuery, "The body must be a JSON object such as {\"coordinates\": [[lon, lat], ...]}.");
            }
            GeoPoint[]? coordinates = null;
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name == "coordinates")
                {
                    coordinates = BodyCoordinates(member.Value);
                    continue;
                }
                if (!options.TryAdd(member.Name, BodyValue(member.Name, member.Value)))
                {
                    throw new OsrmError(OsrmError.InvalidQuery, $"Option '{member.Name}' is given in both the URL and the body; give it once.");
                }
            }
            return coordinates;
        }
    }

    private static GeoPoint[] BodyCoordinates(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new OsrmError(OsrmError.InvalidQuery, "\"coordinates\" must be an array of [lon, lat] pairs.");
        }
        var points = new GeoPoint[value.GetArrayLength()];
        var i = 0;
        foreach (var pair in value.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || pair[0].ValueKind != JsonValueKind.Number || pair[1].ValueKind != JsonValueKind.Number)
            {
                throw new OsrmError(OsrmError.InvalidQuery, $"\"coordinates\"[{i}] must be a [lon, lat] pair of numbers.");
            }
            points[i++] = new GeoPoint(pair[0].GetDouble(), pair[1].GetDouble());
        }
        return points;
    }

    /// <summary>The query-string form of a body member: arrays become ;-separated lists (null = empty item).</summary>
    private static string BodyValue(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Array:
                var text = new StringBuilder();
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(name == "annotations" ? ',' : ';');
                    }
                    first = false;
                    if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        throw new OsrmError(OsrmError.InvalidQuery, $"\"{name}\" must be a value or an array of values.");
                    }
                    text.Append(item.ValueKind == JsonValueKind.Null ? "" : BodyValue(name, item));
                }
                return text.ToString();
            default:
                throw new OsrmError(OsrmError.InvalidQuery, $"\"{name}\" must be a string, number, boolean or array.");
        }
    }
}
