using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Geo.Core;

namespace Geo.Catchment.Reports;

/// <summary>
/// The site-placement section of report.html, read from the placement.json that <c>geo place</c> / <c>geo run</c> wrote:
/// the problem and solver (with its bound and gap), the sites chosen, and coverage and mean time by group; or, when the
/// placement has no selection (placement.json has a "reason"), its status and the reason.
/// </summary>
internal static class PlacementReportSection
{
    public static void Append(StringBuilder h, string placementJsonPath)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(placementJsonPath));
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InputFileException(placementJsonPath, (int?)ex.LineNumber + 1, null, "not valid JSON: " + ex.Message);
        }

        if (root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            // No selection (infeasible or no solution found): say so and why, and show no sites or coverage.
            h.Append("<h2>Site placement</h2><p><strong>No placement: ").Append(E(Text(root, "status").Replace('_', ' ')))
             .Append(".</strong> ").Append(E(Text(root, "problem"))).Append(" by ").Append(E(Text(root, "mode")))
             .Append(", ").Append(Number(root, "p", "0")).Append(" new site(s): ").Append(E(reason.GetString() ?? ""))
             .Append(". The other results in this report do not depend on the placement.</p>");
            return;
        }
        h.Append("<h2>Site placement</h2><p>")
         .Append(E(Text(root, "problem"))).Append(" by ").Append(E(Text(root, "mode")))
         .Append(", need = <code>").Append(E(Text(root, "need"))).Append("</code>")
         .Append(", ").Append(Number(root, "p", "0")).Append(" new site(s)");
        if (Number(root, "thresholdMinutes", "0.#") is var threshold && threshold != "&ndash;")
        {
            h.Append(", threshold ").Append(threshold).Append(" min");
        }
        h.Append(". Solver: ").Append(E(Text(root, "solver"))).Append(", status ").Append(E(Text(root, "status")))
         .Append(", objective ").Append(Number(root, "objective", "#,0.##")).Append(" (").Append(E(Text(root, "objectiveDescription")))
         .Append("), bound ").Append(Number(root, "bound", "#,0.##")).Append(", gap ").Append(Percent(root, "gap")).Append(".</p>");

        h.Append("<table><tr><th class=\"l\">Site</th><th class=\"l\">Kind</th></tr>");
        AppendSites(h, root, "existingSites", "existing");
        AppendSites(h, root, "newSites", "new");
        h.Append("</table>");

        if (root.TryGetProperty("groups", out var groups) && groups.ValueKind == JsonValueKind.Array)
        {
            h.Append("<table><tr><th class=\"l\">Group</th><th>Need</th><th>Mean minutes</th><th>Worst minutes</th><th>Covered</th></tr>");
            foreach (var group in groups.EnumerateArray())
            {
                h.Append("<tr><td class=\"l\">").Append(E(Text(group, "dimension"))).Append(' ').Append(E(Text(group, "group")))
                 .Append("</td><td>").Append(Number(group, "weight", "#,0")).Append("</td><td>").Append(Number(group, "meanMinutes", "0.0"))
                 .Append("</td><td>").Append(Number(group, "maxMinutes", "0.0")).Append("</td><td>").Append(Percent(group, "coveredShare"))
                 .Append("</td></tr>");
            }
            h.Append("</table>");
        }
    }

    private static void AppendSites(StringBuilder h, JsonElement root, string property, string kind)
    {
        if (!root.TryGetProperty(property, out var sites) || sites.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var site in sites.EnumerateArray())
        {
            h.Append("<tr><td class=\"l\">").Append(E(Text(site, "name"))).Append("</td><td class=\"l\">").Append(kind).Append("</td></tr>");
        }
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static string Number(JsonElement element, string property, string format) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture)
            : "&ndash;";

    private static string Percent(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString("0.0%", CultureInfo.InvariantCulture)
            : "&ndash;";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
