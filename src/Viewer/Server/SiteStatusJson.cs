using System.Text.Json;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Viewer.Server;

/// <summary>
/// /api/site-statuses: every site's status for every option and service, worked out here by <see cref="SiteStatusResolver"/>
/// (the rule the static maps use), so the page draws what the server says and keeps no copy of the rule.
/// <code>{ "drawOrder": ["candidate", ...], "labels": { "closed": "closing", ... }, "sites": { "H1": { "A|outpatients": "closed", ... } } }</code>
/// Keys are "option|service" (service empty when the results have none); a status of "none" means not drawn.
/// </summary>
internal static class SiteStatusJson
{
    public static byte[] Write(ResultsFolder results)
    {
        ArgumentNullException.ThrowIfNull(results);
        string[] optionIds = [.. results.Options.Select(o => o.Id)];
        string baselineId = optionIds.Length > 0 ? optionIds[0] : "baseline";
        IReadOnlyList<string> services = results.Services.Count > 0 ? results.Services : [string.Empty];
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteStartArray("drawOrder");
            foreach (string status in SiteStatuses.DrawOrder)
            {
                w.WriteStringValue(status);
            }

            w.WriteEndArray();
            w.WriteStartObject("labels");
            foreach (string status in SiteStatuses.DrawOrder)
            {
                w.WriteString(status, SiteStatuses.Label(status));
            }

            w.WriteEndObject();
            w.WriteStartObject("sites");
            foreach (var site in results.Sites)
            {
                if (site.GetString("site_id") is not { } id)
                {
                    continue;
                }

                w.WriteStartObject(id);
                foreach (string option in optionIds)
                {
                    foreach (string service in services)
                    {
                        w.WriteString(option + "|" + service, SiteStatusResolver.StatusFor(site, option, service, baselineId, optionIds));
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return ms.ToArray();
    }
}
