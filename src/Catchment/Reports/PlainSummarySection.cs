using System.Globalization;
using System.Net;
using System.Text;
using Geo.Catchment.Equality;

namespace Geo.Catchment.Reports;

/// <summary>
/// The plain-English summary at the top of report.html: for each option, mode and service, who gains and who loses and by
/// how much, and the groups affected most (largest difference from the whole population; small groups left out).
/// </summary>
internal static class PlainSummarySection
{
    private const int GroupsNamed = 3;

    public static void Append(StringBuilder h, AppraisalSummary summary, IReadOnlyDictionary<string, string> names)
    {
        if (summary.Options.Count < 2)
        {
            return;
        }
        var baseline = summary.Options[0].Id;
        var unit = summary.WeightedBy == "demand" ? "patients (demand)" : "people";
        h.Append("<h2>Summary</h2>");
        foreach (var option in summary.Options.Skip(1))
        {
            var rank = summary.Ranking.FirstOrDefault(r => r.Option == option.Id);
            h.Append("<h3>").Append(E(option.Name)).Append("</h3>");
            if (rank is not null)
            {
                h.Append("<p>Ranked ").Append(rank.Rank.ToString(CultureInfo.InvariantCulture)).Append(" of ")
                 .Append(summary.Ranking.Count.ToString(CultureInfo.InvariantCulture)).Append(" (score ").Append(N(rank.Score, "0.0")).Append(" of 100).</p>");
            }
            h.Append("<ul>");
            foreach (var mode in summary.Modes)
            {
                foreach (var service in summary.Services)
                {
                    var m = summary.Metrics.FirstOrDefault(x => x.Option == option.Id && x.Mode == mode && x.Service == service);
                    var b = summary.Metrics.FirstOrDefault(x => x.Option == baseline && x.Mode == mode && x.Service == service);
                    if (m is null || b is null)
                    {
                        continue;
                    }
                    h.Append("<li><b>").Append(E(service)).Append(" by ").Append(E(mode)).Append("</b>: ");
                    h.Append("the mean journey goes from ").Append(N(b.MeanMinutes, "0.0")).Append(" to ").Append(N(m.MeanMinutes, "0.0"))
                     .Append(" minutes (").Append(N(m.MeanChange, "+0.0;-0.0;0.0")).Append("). ");
                    h.Append(N(m.WorseOff, "#,0")).Append(' ').Append(unit).Append(" (").Append(Share(m.WorseOff, m.Population)).Append(") travel longer, ")
                     .Append(N(m.Worse10, "#,0")).Append(" of them by more than 10 minutes; ")
                     .Append(N(m.BetterOff, "#,0")).Append(" (").Append(Share(m.BetterOff, m.Population)).Append(") travel less");
                    if (m.NewlyUnreachable > 0)
                    {
                        h.Append("; ").Append(N(m.NewlyUnreachable, "#,0")).Append(" can no longer reach a site");
                    }
                    h.Append(". ");
                    var groups = summary.Equality
                        .Where(e => e.Option == option.Id && e.Mode == mode && e.Service == service && !e.SmallGroup && e.MeanChange is not null && e.OverallMeanChange is not null)
                        .Select(e => (Row: e, Excess: e.MeanChange!.Value - e.OverallMeanChange!.Value))
                        .ToList();
                    var losers = groups.Where(g => g.Excess > 0.05 && g.Row.MeanChange > 0).OrderByDescending(g => g.Excess).Take(GroupsNamed).ToList();
                    var gainers = groups.Where(g => g.Excess < -0.05 && g.Row.MeanChange < 0).OrderBy(g => g.Excess).Take(GroupsNamed).ToList();
                    if (losers.Count > 0)
                    {
                        h.Append("Affected most: ").Append(E(string.Join("; ", losers.Select(g => Label(g.Row) + " " + N(g.Row.MeanChange, "+0.0;-0.0;0.0") + " min"))))
                         .Append(" (whole population ").Append(N(m.MeanChange, "+0.0;-0.0;0.0")).Append("). ");
                    }
                    if (gainers.Count > 0)
                    {
                        h.Append("Gain most: ").Append(E(string.Join("; ", gainers.Select(g => Label(g.Row) + " " + N(g.Row.MeanChange, "+0.0;-0.0;0.0") + " min")))).Append(". ");
                    }
                    var flags = summary.Equality.Count(e => e.Option == option.Id && e.Mode == mode && e.Service == service && e.Flag);
                    h.Append(flags == 0 ? "No group is flagged." : N(flags, "#,0") + (flags == 1 ? " group is" : " groups are") + " flagged (see the equality table).");
                    h.Append("</li>");
                }
            }
            h.Append("</ul>");
        }
        h.Append("<p class=\"note\">").Append(E(summary.RankingMethod)).Append(". Minutes are door to site, one way; ")
         .Append(E(summary.TimeBandRule)).Append(".</p>");
    }

    /// <summary>A group in words: "IMD quintile 1 (most deprived)", "ward Brooklands (Trafford)", "aged 65+".</summary>
    internal static string Label(EqualityRow e) => e.Dimension switch
    {
        "imd_quintile" => "IMD quintile " + e.Group + (e.Group == "1" ? " (most deprived)" : e.Group == "5" ? " (least deprived)" : ""),
        "core20" => e.Group == "core20" ? "Core20 (most deprived 20%)" : "outside Core20",
        "age" => e.Group == "65+" ? "aged 65+" : "aged under 65",
        "ward" => "ward " + (e.GroupName ?? e.Group),
        "local_authority" => "local authority " + (e.GroupName ?? e.Group),
        _ => e.Dimension + " " + (e.GroupName ?? e.Group),
    };

    private static string Share(double part, double whole) => whole > 0 ? (part / whole).ToString("0%", CultureInfo.InvariantCulture) : "–";

    private static string N(double? value, string format) =>
        value is double v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string N(int value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
