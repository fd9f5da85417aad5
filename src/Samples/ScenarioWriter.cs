using System.Text.Json;
using Geo.Core;

namespace Geo.Samples;

/// <summary>
/// Writes scenario.json for the sample region, following the shared scenario contract: four modes, outpatients and
/// urgent care, a baseline and three options, the transit date and window, a p-median placement block, care-home providers, need maps (% of households without a car, % disabled) and car isochrones.
/// </summary>
internal static class ScenarioWriter
{
    public const string Outpatients = "outpatients";
    public const string UrgentCare = "urgent_care";

    /// <summary>The options: id, name and the services at each open site. The first is the baseline.</summary>
    public static IReadOnlyList<(string Id, string Name, (string Site, string[] Services)[] Sites)> Options { get; } =
    [
        ("baseline", "Current: outpatients at both hospitals",
            [("H1", [Outpatients, UrgentCare]), ("H2", [Outpatients, UrgentCare])]),
        ("A", "Centralise outpatients at Harrowby General Hospital",
            [("H1", [Outpatients, UrgentCare]), ("H2", [UrgentCare])]),
        ("B", "Move Kingsford outpatients to Kingsford Health Centre (C2)",
            [("H1", [Outpatients, UrgentCare]), ("H2", [UrgentCare]), ("C2", [Outpatients])]),
        ("C", "Add an outpatient clinic at Amberleigh Health Centre (C3)",
            [("H1", [Outpatients, UrgentCare]), ("H2", [Outpatients, UrgentCare]), ("C3", [Outpatients])]),
    ];

    public static void Write(string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
            w.WriteStartObject();
            w.WriteString("name", "Sample region (SYNTHETIC): where should outpatient clinics be?");

            w.WriteStartObject("network");
            w.WriteString("osm", "region.osm.pbf");
            w.WriteNull("speeds");
            w.WriteString("timeBand", "off_peak");
            w.WriteNumber("maxSnapMetres", 1000);
            w.WriteEndObject();

            w.WriteStartObject("transit");
            w.WriteStartArray("gtfs");
            w.WriteStringValue("bus-gtfs.zip");
            w.WriteEndArray();
            w.WriteString("date", GtfsFeedWriter.ServiceDate);
            w.WriteString("window", "07:00-10:00");
            w.WriteNull("fares");
            w.WriteNumber("maxWalkMinutes", 20);
            w.WriteEndObject();

            w.WriteStartObject("zones");
            w.WriteString("file", "zones.csv");
            w.WriteString("id", "zone_id");
            w.WriteString("name", "zone_name");
            w.WriteString("lon", "lon");
            w.WriteString("lat", "lat");
            w.WriteNull("easting");
            w.WriteNull("northing");
            w.WriteString("population", "population");
            w.WriteString("age65plus", "age65plus");
            w.WriteString("imdDecile", "imd_decile");
            w.WriteString("imdRank", "imd_rank");
            w.WriteString("ward", "ward");
            w.WriteString("localAuthority", "local_authority");
            w.WriteString("boundaries", "zones.geojson");
            w.WriteString("boundaryId", "zone_id");
            CensusJoin(w);
            w.WriteNull("ageGroups");
            w.WriteEndObject();

            ScenarioJson.PointFile(w, "sites", "sites.csv", "site_id", "site_name");

            ScenarioJson.Strings(w, "modes", ScenarioJson.AllModes);
            ScenarioJson.Strings(w, "services", [Outpatients, UrgentCare]);

            w.WritePropertyName("baseline");
            ScenarioJson.Option(w, Options[0].Id, Options[0].Name, Options[0].Sites);
            w.WriteStartArray("options");
            for (var i = 1; i < Options.Count; i++)
            {
                ScenarioJson.Option(w, Options[i].Id, Options[i].Name, Options[i].Sites);
            }
            w.WriteEndArray();

            w.WriteNull("demand");
            w.WriteNull("costs");
            w.WriteNull("matrices");

            ScenarioJson.PMedianOfThree(w, "community_sites.csv", "site_id", "site_name");

            ScenarioJson.PointFile(w, "providers", "care_homes.csv", "id", "name");

            // Need maps: the share of households without a car and of disabled residents (census groups), besides the
            // residents per km² and care homes per zone every run with boundaries draws; car isochrones around the sites.
            w.WriteStartObject("needMaps");
            w.WriteStartArray("percent");
            w.WriteStringValue("households_no_car");
            w.WriteStringValue("disabled");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("isochrones");
            w.WriteStartArray("modes");
            w.WriteStringValue("car");
            w.WriteEndArray();
            w.WriteStartArray("minutes");
            w.WriteNumberValue(10);
            w.WriteNumberValue(20);
            w.WriteNumberValue(30);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>The census.csv join and the census breakdowns the equality tables weight by (column = join target).</summary>
    private static void CensusJoin(Utf8JsonWriter w)
    {
        var columns = SampleCsvWriter.CensusHeader.Split(',')[1..];
        w.WriteStartArray("joins");
        w.WriteStartObject();
        w.WriteString("file", SampleGenerator.CensusFile);
        w.WriteString("key", "zone_id");
        w.WriteStartObject("columns");
        foreach (var column in columns)
        {
            w.WriteString(column, column);
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("census");
        Census(w, "ethnicity", "people", [("White", "ethnic_white"), ("Asian", "ethnic_asian"), ("Black", "ethnic_black"), ("Mixed", "ethnic_mixed"), ("Other", "ethnic_other")]);
        Census(w, "disability", "people", [("disabled", "disabled")]);
        Census(w, "sex", "people", [("female", "female"), ("male", "male")]);
        Census(w, "car_availability", "households", [("no car", "households_no_car"), ("car or van", "households_with_car")]);
        w.WriteEndArray();
    }

    private static void Census(Utf8JsonWriter w, string dimension, string unit, (string Label, string Column)[] groups)
    {
        w.WriteStartObject();
        w.WriteString("dimension", dimension);
        w.WriteString("unit", unit);
        w.WriteStartObject("groups");
        foreach (var (label, column) in groups)
        {
            w.WriteString(label, column);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }


}
