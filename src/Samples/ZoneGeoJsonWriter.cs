using System.Text.Json;
using Geo.Core;

namespace Geo.Samples;

/// <summary>Writes zones.geojson: one Polygon feature per zone with properties zone_id and zone_name (coordinates to 6 decimals).</summary>
internal static class ZoneGeoJsonWriter
{
    public static void Write(string path, IReadOnlyList<SampleZone> zones, IReadOnlyList<(double Lon, double Lat)[]> rings)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(rings);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("name", "zones (SYNTHETIC sample region)");
            w.WriteStartArray("features");
            for (var i = 0; i < zones.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("zone_id", zones[i].ZoneId);
                w.WriteString("zone_name", zones[i].ZoneName);
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteStartArray();
                foreach (var (lon, lat) in rings[i])
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(Math.Round(lon, 6));
                    w.WriteNumberValue(Math.Round(lat, 6));
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
