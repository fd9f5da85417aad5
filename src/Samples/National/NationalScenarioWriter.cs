using System.Text.Json;
using Geo.Core;

namespace Geo.Samples.National;

/// <summary>
/// scenario.json for a generated region: all four modes, one service (outpatients) at the hospitals, a baseline with every
/// hospital open and an option closing the smallest town's hospital, and a p-median placement of 3 clinics among the GP sites.
/// </summary>
internal static class NationalScenarioWriter
{
    private const string Outpatients = "outpatients";

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
            ScenarioJson.PointFile(w, "sites", NationalGenerator.HospitalsFile, "site_id", "site_name");
            ScenarioJson.Strings(w, "modes", ScenarioJson.AllModes);
            ScenarioJson.Strings(w, "services", [Outpatients]);
            w.WritePropertyName("baseline");
            Option(w, "baseline", "Current: every hospital runs outpatients", hospitalIds);
            w.WriteStartArray("options");
            Option(w, "A", "Close outpatients at " + hospitalIds[^1], hospitalIds.Take(hospitalIds.Count - 1).ToList());
            w.WriteEndArray();
            ScenarioJson.PMedianOfThree(w, NationalGenerator.GpFile, "site_id", "site_name");
            w.WriteEndObject();
        });
    }

    private static void Option(Utf8JsonWriter w, string id, string name, IEnumerable<string> open) =>
        ScenarioJson.Option(w, id, name, open.Select(site => (site, (string[])[Outpatients])));
}
