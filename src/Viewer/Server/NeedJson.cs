using System.Text.Json;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Viewer.Server;

/// <summary>
/// The viewer's need maps: /api/need-maps lists need_maps.json (key, title, layer); /api/need?key= gives one map's values per
/// zone with the classes, computed by <see cref="NeedValues"/> and <see cref="MapClassification.Need"/> as for the static maps.
/// </summary>
internal static class NeedJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static List<NeedMapSpec> Specs(ResultsFolder results)
    {
        if (results.NeedMapsJson is not { } bytes)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<NeedMapSpec>>(bytes, NeedMapSpec.Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static byte[] List(ResultsFolder results) =>
        JsonSerializer.SerializeToUtf8Bytes(Specs(results).Select(s => new { key = s.Key, title = s.Title, layer = s.Layer.ToString().ToLowerInvariant() }), Options);

    /// <exception cref="ArgumentException">Unknown key, or the map cannot be computed from these results.</exception>
    public static byte[] Values(ResultsFolder results, string key)
    {
        var spec = Specs(results).Find(s => s.Key == key)
            ?? throw new ArgumentException("unknown need map '" + key + "'; valid: " + string.Join(", ", Specs(results).Select(s => s.Key)));
        var need = NeedValues.For(results, spec.ToRequest());
        var cls = MapClassification.Need(need.Title, need.Values, counts: spec.Layer == MapLayer.Points);
        var body = new
        {
            key,
            title = need.Title,
            zoneIds = results.Zones.Select(z => z.GetString("zone_id")),
            values = need.Values.Select(v => double.IsNaN(v) ? (double?)null : v),
            breaks = cls.Breaks,
            colours = cls.Colours,
            labels = cls.Labels,
            pointSet = spec.PointSet,
            points = need.Points.Select(p => new[] { p.Lon, p.Lat }),
            pointsOutside = need.PointsOutside,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body, Options);
    }
}
