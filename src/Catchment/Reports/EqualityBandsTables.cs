using System.Globalization;
using System.Net;
using System.Text;
using Geo.Catchment.Equality;
using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Reports;

/// <summary>
/// "Who is how far away" tables: for each IMD quintile and each census group (ethnicity, disability, sex, households
/// without a car, ...), the people (or households, or demand) in each travel-time band under each option.
/// </summary>
internal static class EqualityBandsTables
{
    public static void Append(StringBuilder h, AppraisalSummary summary, Dictionary<string, string> names, string mode, string service)
    {
        var rows = summary.Equality.Where(e => e.Mode == mode && e.Service == service).ToList();
        Table(h, rows.Where(e => e.Dimension == "imd_quintile").ToList(), "IMD quintile",
            summary.WeightedBy == "demand" ? "Demand" : "People", names, mode, service, "imd-bands");
        foreach (var dimension in rows.Where(IsCensus).Select(e => e.Dimension).Distinct(StringComparer.Ordinal))
        {
            var group = rows.Where(e => e.Dimension == dimension).ToList();
            var unit = group[0].Unit == CensusSpec.Households ? "Households" : "People";
            Table(h, group, dimension.Replace('_', ' '), unit, names, mode, service, "census-bands-" + dimension);
        }
    }

    /// <summary>A census row: weighted by its own counts (a unit), and not the age split.</summary>
    public static bool IsCensus(EqualityRow e) => e.Unit is not null && e.Dimension != "age";

    private static void Table(StringBuilder h, List<EqualityRow> rows, string dimension, string unit, Dictionary<string, string> names,
        string mode, string service, string slug)
    {
        if (rows.Count == 0)
        {
            return;
        }
        h.Append("<h3>").Append(E(unit)).Append(" by travel time and ").Append(E(dimension)).Append(": ").Append(E(service)).Append(" by ").Append(E(mode))
         .Append("</h3><table data-name=\"").Append(E(slug + "-" + service + "-" + mode)).Append("\"><tr><th class=\"l\">Option</th><th class=\"l\">")
         .Append(E(char.ToUpperInvariant(dimension[0]) + dimension[1..])).Append("</th>");
        foreach (var band in AppraisalAggregates.Bands)
        {
            h.Append("<th>").Append(E(HtmlReport.BandLabel(band.Name))).Append("</th>");
        }
        h.Append("<th>Unreachable</th><th>Total</th><th>Worse &gt;10</th></tr>");
        foreach (var e in rows)
        {
            h.Append(e.SmallGroup ? "<tr class=\"small\">" : "<tr>").Append("<td class=\"l\">").Append(E(names.GetValueOrDefault(e.Option, e.Option))).Append("</td><td class=\"l\">")
             .Append(E(e.Group + (e.Dimension != "imd_quintile" ? "" : e.Group == "1" ? " (most deprived)" : e.Group == "5" ? " (least deprived)" : "")
                + (e.SmallGroup ? " - small group" : ""))).Append("</td>");
            foreach (var band in AppraisalAggregates.Bands)
            {
                h.Append("<td>").Append(F(e.Bands is { } b && b.TryGetValue(band.Name, out var v) ? v : double.NaN)).Append("</td>");
            }
            h.Append("<td>").Append(F(e.Bands is { } u && u.TryGetValue("unreachable", out var un) ? un : double.NaN)).Append("</td><td>")
             .Append(F(e.Population)).Append("</td><td>").Append(F(e.Worse10)).Append("</td></tr>");
        }
        h.Append("</table><p class=\"note\">").Append(E(unit)).Append(" in each group by the option's travel time to the nearest open site; ")
         .Append("<b>Worse &gt;10</b> those more than 10 minutes worse off than the baseline or newly unable to reach a site (0 for the baseline).")
         .Append(rows[0].Unit is null ? "" : " Each zone counts its census count of the group, so a zone adds to several groups.").Append("</p>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string F(double value) => double.IsNaN(value) ? "&ndash;" : value.ToString("#,0", CultureInfo.InvariantCulture);
}
