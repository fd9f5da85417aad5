using System.Text.Json;
using Geo.Core;

namespace Geo.Samples.National;

/// <summary>
/// scenario.json for a generated region: all four modes, one service (outpatients) at the hospitals, a baseline with every
/// hospital open and an option closing the smallest town's hospital, and a p-median placement of 3 clinics among the GP sites.
/// </summary>
internal static class NationalScenarioWriter
{
    public static void Write(string path, string name, IReadOnlyList<string> hospitalIds)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
            w.WriteStartObject();
            w.WriteString("name", name + " (SYNTHETIC network and timetable): which hospital could close?");
            w.WriteStartObject("network");
            w.WriteString("osm", NationalGenerator.OsmFile);
            w.WriteString("timeBand", "off_peak");
            w.WriteNumber("maxSnapMetres", 1000);
            w.WriteEndObject();
            w.WriteStartObject("transit");
            w.WriteStartArray("gtfs");
            w.WriteStringValue(NationalGenerator.GtfsFile);
            w.WriteEndArray();
            w.WriteString("date", GtfsFeedWriter.ServiceDate);
            w.WriteString("window", "07:00-08:00");
            w.WriteNumber("maxWalkMinutes", 15);
            w.WriteEndObject();
            w.WriteStartObject("zones");
            w.WriteString("file", NationalGenerator.ZonesFile);
            w.WriteString("id", "zone_id");
            w.WriteString("name", "zone_name");
            w.WriteString("lon", "lon");
            w.WriteString("lat", "lat");
            w.WriteString("population", "population");
            w.WriteString("age65plus", "age65plus");
            w.WriteString("imdDecile", "imd_decile");
            w.WriteEndObject();
            PointFile(w, "sites", NationalGenerator.HospitalsFile);
            w.WriteStartArray("modes");
            foreach (var mode in (string[])["car", "walk", "cycle", "transit"])
            {
                w.WriteStringValue(mode);
            }
            w.WriteEndArray();
            w.WriteStartArray("services");
            w.WriteStringValue("outpatients");
            w.WriteEndArray();
            w.WritePropertyName("baseline");
            Option(w, "baseline", "Current: every hospital runs outpatients", hospitalIds);
            w.WriteStartArray("options");
            Option(w, "A", "Close outpatients at " + hospitalIds[^1], hospitalIds.Take(hospitalIds.Count - 1).ToList());
            w.WriteEndArray();
            w.WriteStartObject("placement");
            w.WriteString("problem", "pmedian");
            w.WriteString("mode", "car");
            w.WriteNumber("p", 3);
            w.WriteNumber("threshold", 15);
            w.WriteString("need", "population*1 + age65plus*2");
            PointFile(w, "candidates", NationalGenerator.GpFile);
            w.WriteStartArray("existing");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static void PointFile(Utf8JsonWriter w, string property, string file)
    {
        w.WriteStartObject(property);
        w.WriteString("file", file);
        w.WriteString("id", "site_id");
        w.WriteString("name", "site_name");
        w.WriteString("lon", "lon");
        w.WriteString("lat", "lat");
        w.WriteEndObject();
    }

    private static void Option(Utf8JsonWriter w, string id, string name, IReadOnlyList<string> open)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteStartObject("sites");
        foreach (var site in open)
        {
            w.WriteStartArray(site);
            w.WriteStringValue("outpatients");
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
