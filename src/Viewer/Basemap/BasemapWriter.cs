using System.Globalization;
using System.Text.Json;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Viewer.Basemap;

/// <summary>Writes road lines as results/basemap.geojson (LineStrings, property <c>highway</c>) for the offline basemap.</summary>
public static class BasemapWriter
{
    /// <summary>Road classes kept by default (minor paths and service roads would swamp a regional map).</summary>
    public static readonly IReadOnlySet<string> DefaultHighways = new HashSet<string>(StringComparer.Ordinal)
    {
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
        "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
    };

    /// <summary>Writes the roads atomically; returns the number of lines written. <paramref name="highways"/> null keeps every class.</summary>
    public static int Write(IEnumerable<(GeoPoint[] Line, string Highway)> roads, string outPath, IReadOnlySet<string>? highways)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        int count = 0;
        AtomicFile.Write(outPath, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var (line, highway) in roads)
            {
                if (line.Length < 2 || (highways is not null && !highways.Contains(highway)))
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("highway", highway);
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "LineString");
                w.WriteStartArray("coordinates");
                foreach (var p in line)
                {
                    w.WriteStartArray();
                    w.WriteRawValue(Math.Round(p.Lon, 5).ToString("0.#####", CultureInfo.InvariantCulture));
                    w.WriteRawValue(Math.Round(p.Lat, 5).ToString("0.#####", CultureInfo.InvariantCulture));
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                count++;
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return count;
    }
}
