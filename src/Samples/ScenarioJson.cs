using System.Text.Json;

namespace Geo.Samples;

/// <summary>The scenario.json blocks both generated regions write (sample and national), so the two stay in one shape.</summary>
internal static class ScenarioJson
{
    public static readonly string[] AllModes = ["car", "walk", "cycle", "transit"];

    /// <summary>A point file block: file, id and name columns, WGS84 lon/lat columns.</summary>
    public static void PointFile(Utf8JsonWriter w, string property, string file, string id, string name)
    {
        w.WriteStartObject(property);
        w.WriteString("file", file);
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteString("lon", "lon");
        w.WriteString("lat", "lat");
        w.WriteEndObject();
    }

    /// <summary>One option (or the baseline): id, name and the services at each open site.</summary>
    public static void Option(Utf8JsonWriter w, string id, string name, IEnumerable<(string Site, string[] Services)> sites)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteStartObject("sites");
        foreach (var (site, services) in sites)
        {
            w.WriteStartArray(site);
            foreach (var service in services)
            {
                w.WriteStringValue(service);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Strings(Utf8JsonWriter w, string property, IEnumerable<string> values)
    {
        w.WriteStartArray(property);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    /// <summary>The p-median placement of 3 sites both regions ask for (car, 15 minutes, need weighting the over-65s double).</summary>
    public static void PMedianOfThree(Utf8JsonWriter w, string candidatesFile, string id, string name)
    {
        w.WriteStartObject("placement");
        w.WriteString("problem", "pmedian");
        w.WriteString("mode", "car");
        w.WriteNumber("p", 3);
        w.WriteNumber("threshold", 15);
        w.WriteString("need", "population*1 + age65plus*2");
        PointFile(w, "candidates", candidatesFile, id, name);
        w.WriteStartArray("existing");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
