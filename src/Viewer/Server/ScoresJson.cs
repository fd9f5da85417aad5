using System.Text.Json;
using Geo.Viewer.Results;

namespace Geo.Viewer.Server;

/// <summary>Compact column-wise JSON for /api/scores: zoneIds, minutes, change, site, status (null for missing numbers).</summary>
internal static class ScoresJson
{
    public static byte[] Write(ScoreSet set)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("option", set.Option);
            w.WriteString("mode", set.Mode);
            w.WriteString("service", set.Service);
            w.WriteNumber("count", set.Count);
            w.WriteStartArray("zoneIds");
            foreach (string z in set.ZoneIds)
            {
                w.WriteStringValue(z);
            }

            w.WriteEndArray();
            Numbers(w, "minutes", set.Minutes);
            Numbers(w, "change", set.ChangeMinutes);
            w.WriteStartArray("site");
            foreach (string? s in set.SiteIds)
            {
                if (s is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStringValue(s);
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("status");
            foreach (string s in set.Statuses)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteNumberValue(Math.Round(v, 2));
            }
        }

        w.WriteEndArray();
    }
}
