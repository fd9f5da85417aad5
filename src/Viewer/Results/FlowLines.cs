using System.Text.Json;

namespace Geo.Viewer.Results;

/// <summary>
/// Visits as flow lines for "where patients travel from": one straight line per (zone, site) pair from the zone's centre
/// (<see cref="ResultsFolder.ZoneCentres"/>) to the site in sites.geojson, with the pair's visits summed (property <c>visits</c>).
/// Rows whose zone or site is not in the results are counted as unmatched, never drawn silently elsewhere.
/// </summary>
public static class FlowLines
{
    public const string VisitsProperty = "visits";

    public static List<GeoFeature> Build(ResultsFolder results, IEnumerable<(string ZoneId, string SiteId, double Count)> visits, out double unmatchedVisits)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(visits);
        var centres = results.ZoneCentres();
        var sites = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var f in results.Sites)
        {
            if (f.Kind == GeoGeometryKind.Point && f.Parts.Count > 0 && f.GetString("site_id") is { } id)
            {
                sites.TryAdd(id, f.Parts[0]);
            }
        }
        var totals = new Dictionary<(string Zone, string Site), double>();
        var order = new List<(string Zone, string Site)>();
        unmatchedVisits = 0;
        foreach (var (zone, site, count) in visits)
        {
            if (!centres.ContainsKey(zone) || !sites.ContainsKey(site))
            {
                unmatchedVisits += count;
                continue;
            }
            if (!totals.TryGetValue((zone, site), out var sum))
            {
                order.Add((zone, site));
            }
            totals[(zone, site)] = sum + count;
        }
        var lines = new List<GeoFeature>(order.Count);
        foreach (var key in order)
        {
            var a = centres[key.Zone];
            var b = sites[key.Site];
            lines.Add(new GeoFeature(GeoGeometryKind.Line, [new[] { a[0], a[1], b[0], b[1] }], new Dictionary<string, object?>
            {
                ["zone_id"] = key.Zone,
                ["site_id"] = key.Site,
                [VisitsProperty] = totals[key],
            }));
        }
        return lines;
    }

    /// <summary>The lines as a GeoJSON FeatureCollection (flows.geojson).</summary>
    public static byte[] ToGeoJson(IReadOnlyList<GeoFeature> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var f in lines)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("zone_id", f.GetString("zone_id"));
                w.WriteString("site_id", f.GetString("site_id"));
                w.WriteNumber(VisitsProperty, f.GetNumber(VisitsProperty));
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "LineString");
                w.WriteStartArray("coordinates");
                var p = f.Parts[0];
                for (var i = 0; i + 1 < p.Length; i += 2)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(Math.Round(p[i], 6));
                    w.WriteNumberValue(Math.Round(p[i + 1], 6));
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
