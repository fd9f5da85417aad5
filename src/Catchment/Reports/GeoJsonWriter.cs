using System.Text;
using System.Text.Json;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using NetTopologySuite.Geometries;

namespace Geo.Catchment.Reports;

/// <summary>Writes zones.geojson and sites.geojson per the results contract (RFC 7946, WGS84).</summary>
public static class GeoJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One feature per zone (polygon if boundaries were given, else point) with the contract's properties plus extra columns.</summary>
    public static void WriteZones(string path, ZoneTable zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var options = Inputs.ZoneBoundaries.GeoJsonOptions();
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, WriterOptions);
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (var z = 0; z < zones.Count; z++)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                WriteGeometry(w, zones.Boundaries[z], zones.Points[z].Lon, zones.Points[z].Lat, options);
                w.WriteStartObject("properties");
                foreach (var (name, value) in ZoneProperties(zones, z))
                {
                    WriteValue(w, name, value);
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Points with site_id, site_name, kind (existing | candidate), status_&lt;option&gt; and services_&lt;option&gt; for every option including the baseline.</summary>
    public static void WriteSites(string path, SiteTable sites, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(scenario);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, WriterOptions);
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            for (var s = 0; s < sites.Count; s++)
            {
                var site = sites[s];
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                WriteGeometry(w, null, site.Point.Lon, site.Point.Lat, null);
                w.WriteStartObject("properties");
                w.WriteString("site_id", site.Id);
                w.WriteString("site_name", site.Name);
                w.WriteString("kind", SiteStatus.Kind(scenario, site.Id));
                foreach (var option in scenario.AllOptions)
                {
                    w.WriteString("status_" + option.Id, SiteStatus.Status(scenario, option, site.Id));
                }
                foreach (var option in scenario.AllOptions)
                {
                    w.WriteString("services_" + option.Id, option.Sites.TryGetValue(site.Id, out var services) ? string.Join(";", services) : "");
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    internal static IEnumerable<(string Name, object? Value)> ZoneProperties(ZoneTable zones, int z)
    {
        yield return ("zone_id", zones.Codes[z]);
        yield return ("zone_name", zones.Names[z]);
        yield return ("population", zones.Population[z]);
        yield return ("age65plus", Nan(zones.Age65Plus[z]));
        yield return ("imd_decile", zones.ImdDecile[z] > 0 ? zones.ImdDecile[z] : null);
        yield return ("imd_quintile", zones.ImdDecile[z] > 0 ? zones.ImdQuintile(z) : null);
        yield return ("imd_rank", zones.ImdRank[z] > 0 ? zones.ImdRank[z] : null);
        yield return ("ward", zones.Ward[z]);
        yield return ("local_authority", zones.LocalAuthority[z]);
        // Codes only when the scenario gives them (maps group wards and draw local authority boundaries by code).
        if (zones.HasWardCodes)
        {
            yield return ("ward_code", zones.WardCode[z]);
        }
        if (zones.HasLocalAuthorityCodes)
        {
            yield return ("local_authority_code", zones.LocalAuthorityCode[z]);
        }
        foreach (var column in zones.NumericColumns)
        {
            yield return (SnakeCase(column), Nan(zones.Numeric(column)[z]));
        }
        foreach (var column in zones.CategoryColumns)
        {
            var v = zones.Category(column)[z];
            yield return (SnakeCase(column), v.Length == 0 ? null : v);
        }
    }

    private static object? Nan(double v) => double.IsNaN(v) ? null : v;

    internal static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNull(name);
                break;
            case string s:
                w.WriteString(name, s);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case double d:
                w.WriteNumber(name, Math.Round(d, 6));
                break;
            default:
                w.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry? geometry, double lon, double lat, JsonSerializerOptions? options)
    {
        if (geometry is not null && options is not null)
        {
            JsonSerializer.Serialize(w, geometry, options);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", "Point");
        w.WriteStartArray("coordinates");
        w.WriteNumberValue(Math.Round(lon, 7));
        w.WriteNumberValue(Math.Round(lat, 7));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>"IMD_decile" -> "imd_decile", "ruralUrban" -> "rural_urban", "LSOA 2021 Name" -> "lsoa_2021_name".</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]) && sb.Length > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }
        return sb.ToString().Trim('_');
    }
}
