using System.Globalization;
using System.Net;
using System.Text;
using Geo.Catchment.Equality;
using Geo.Core;
using ScottPlot;

namespace Geo.Catchment.Reports;

/// <summary>
/// Writes the self-contained report.html from an <see cref="AppraisalSummary"/>: ranking, headline tables, S-curves and bar
/// charts as embedded PNG data URIs (ScottPlot), equality tables with flags, assumptions, and any maps/*.png found in the
/// results folder (embedded too); a plain-English summary first and the methods-and-data section with attribution last.
/// Every table gets a "Download CSV" link (a small script builds the CSV from the table as shown). <see cref="Regenerate"/> rebuilds it from summary.json, e.g. after <c>geo map</c>.
/// </summary>
public static class HtmlReport
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
    ];

    /// <summary>Rebuilds report.html in <paramref name="resultsFolder"/> from its summary.json, maps/*.png and placement/placement.json.</summary>
    public static void Regenerate(string resultsFolder)
    {
        ArgumentNullException.ThrowIfNull(resultsFolder);
        var summary = AppraisalSummary.Read(Path.Combine(resultsFolder, "summary.json"));
        Write(Path.Combine(resultsFolder, "report.html"), summary, Path.Combine(resultsFolder, "maps"), Path.Combine(resultsFolder, "placement"));
    }

    public static void Write(string path, AppraisalSummary summary, string? mapsFolder, string? placementFolder = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        AtomicFile.WriteAllText(path, Render(summary, mapsFolder, placementFolder));
    }

    public static string Render(AppraisalSummary summary, string? mapsFolder, string? placementFolder = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var names = summary.Options.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(summary.Scenario)).Append("</title>");
        h.Append("<style>body{font-family:Arial,Helvetica,sans-serif;margin:2em;max-width:1100px;color:#222}")
         .Append("table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:0.85em}th,td{border:1px solid #bbb;padding:4px 8px;text-align:right}")
         .Append("th{background:#e8eef4}td.l,th.l{text-align:left}tr.flag td{background:#fde2e1}img{max-width:100%}")
         .Append(".note{color:#555;font-size:0.9em}h2{border-bottom:2px solid #005eb8;padding-bottom:4px}tr.small td{color:#777;font-style:italic}")
         .Append("a.csv{display:block;font-size:0.8em;margin:-1.2em 0 1.5em}dl.methods dt{font-weight:bold;margin-top:0.5em}")
         .Append("footer.attribution{border-top:1px solid #bbb;margin-top:2em;padding-top:0.5em;font-size:0.85em;color:#444}@media print{a.csv{display:none}}</style></head><body>");
        h.Append("<h1>").Append(E(summary.Scenario)).Append("</h1>");
        h.Append("<p class=\"note\">Generated ").Append(summary.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
         .Append(" UTC &middot; ").Append(summary.ZoneCount.ToString(CultureInfo.InvariantCulture)).Append(" zones &middot; ")
         .Append(summary.SiteCount.ToString(CultureInfo.InvariantCulture)).Append(" sites &middot; weighted by ").Append(E(summary.WeightedBy))
         .Append(" &middot; modes: ").Append(E(string.Join(", ", summary.Modes))).Append(" &middot; services: ")
         .Append(E(string.Join(", ", summary.Services))).Append("</p>");
        h.Append("<p class=\"note attribution\">").Append(E(Geo.Core.Attribution.OpenStreetMap))
         .Append(". ONS and MHCLG data: Open Government Licence v3.0. Sources, dates and licences: <a href=\"#methods\">Methods and data</a>.</p>");
        PlainSummarySection.Append(h, summary, names);

        h.Append("<h2>Options ranking</h2><table data-name=\"ranking\"><tr><th>Rank</th><th class=\"l\">Option</th><th class=\"l\">Name</th><th>Score</th></tr>");
        foreach (var r in summary.Ranking)
        {
            h.Append("<tr><td>").Append(r.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"l\">").Append(E(r.Option))
             .Append("</td><td class=\"l\">").Append(E(names.GetValueOrDefault(r.Option, r.Option))).Append("</td><td>").Append(F(r.Score, "0.0")).Append("</td></tr>");
        }
        h.Append("</table><p class=\"note\">").Append(E(summary.RankingMethod)).Append("</p>");

        if (summary.Sites.Count > 0)
        {
            h.Append("<h2>Sites by option</h2><table data-name=\"sites\"><tr><th class=\"l\">Site</th><th class=\"l\">Kind</th>");
            foreach (var option in summary.Options)
            {
                h.Append("<th class=\"l\">").Append(E(option.Name)).Append("</th>");
            }
            h.Append("</tr>");
            foreach (var site in summary.Sites)
            {
                h.Append("<tr><td class=\"l\">").Append(E(site.Name)).Append("</td><td class=\"l\">").Append(E(site.Kind)).Append("</td>");
                foreach (var option in summary.Options)
                {
                    h.Append("<td class=\"l\">").Append(E(site.Status.GetValueOrDefault(option.Id, ""))).Append("</td>");
                }
                h.Append("</tr>");
            }
            h.Append("</table>");
        }

        foreach (var mode in summary.Modes)
        {
            foreach (var service in summary.Services)
            {
                var rows = summary.Metrics.Where(m => m.Mode == mode && m.Service == service).ToList();
                h.Append("<h2>").Append(E(service)).Append(" by ").Append(E(mode)).Append("</h2>");
                var annual = rows.Any(r => r.Annual is not null);
                h.Append("<table data-name=\"").Append(E(Slug("headline", service, mode))).Append("\"><tr><th class=\"l\">Option</th><th>Weight</th><th>Mean min</th><th>Median</th><th>P90</th><th>Mean change</th>")
                 .Append("<th>Better off</th><th>Worse off</th><th>Worse &gt;5</th><th>Worse &gt;10</th><th>Worse &gt;20</th><th>Unreachable</th>");
                foreach (var band in AppraisalAggregates.Bands)
                {
                    h.Append("<th>").Append(E(BandLabel(band.Name))).Append("</th>");
                }
                h.Append("<th>Mean cost &pound;</th><th>Mean kgCO2e</th>");
                if (annual)
                {
                    h.Append("<th>Visits a year</th><th>Cost a year &pound;</th><th>kgCO2e a year</th>");
                }
                h.Append("</tr>");
                foreach (var m in rows)
                {
                    h.Append("<tr><td class=\"l\">").Append(E(names.GetValueOrDefault(m.Option, m.Option))).Append("</td><td>").Append(F(m.Population, "#,0"))
                     .Append("</td><td>").Append(F(m.MeanMinutes, "0.0")).Append("</td><td>").Append(F(m.MedianMinutes, "0.0"))
                     .Append("</td><td>").Append(F(m.P90Minutes, "0.0")).Append("</td><td>").Append(F(m.MeanChange, "+0.0;-0.0;0.0"))
                     .Append("</td><td>").Append(F(m.BetterOff, "#,0")).Append("</td><td>").Append(F(m.WorseOff, "#,0"))
                     .Append("</td><td>").Append(F(m.Worse5, "#,0")).Append("</td><td>").Append(F(m.Worse10, "#,0")).Append("</td><td>").Append(F(m.Worse20, "#,0"))
                     .Append("</td><td>").Append(F(m.UnreachablePopulation, "#,0")).Append("</td>");
                    foreach (var band in AppraisalAggregates.Bands)
                    {
                        h.Append("<td>").Append(F(m.Bands.TryGetValue(band.Name, out var v) ? v : double.NaN, "#,0")).Append("</td>");
                    }
                    h.Append("<td>").Append(F(m.MeanCostGbp, "0.00")).Append("</td><td>").Append(F(m.MeanCarbonKg, "0.00")).Append("</td>");
                    if (annual)
                    {
                        h.Append("<td>").Append(F(m.Annual?.Visits, "#,0")).Append("</td><td>").Append(F(m.Annual?.CostGbp, "#,0"))
                         .Append("</td><td>").Append(F(m.Annual?.CarbonKg, "#,0")).Append("</td>");
                    }
                    h.Append("</tr>");
                }
                h.Append("</table><p class=\"note\">Weight: ").Append(E(summary.WeightedBy == "demand" ? "demand (patients)" : "people (residents)"))
                 .Append(". Better/worse off: weight whose time falls/rises against the baseline; worse &gt;N includes those who can no longer reach a site. ")
                 .Append("Bands: ").Append(E(summary.TimeBandRule)).Append(". Money and carbon are per visit")
                 .Append(annual ? "; yearly totals = visits a year x per-visit figures (unreachable zones excluded)." : ".").Append("</p>");
                Image(h, SCurve(rows, names, mode, service), $"S-curve: share of {summary.WeightedBy} within each travel time");
                Image(h, MeanBars(rows, mode, service), "Mean and 90th percentile minutes by option (option ids; names in the ranking table)");
                var imd = summary.Equality.Where(e => e.Mode == mode && e.Service == service && e.Dimension == "imd_quintile").ToList();
                if (imd.Count > 0 && summary.Options.Count > 1)
                {
                    Image(h, ChangeByQuintile(imd, summary, names, mode, service), "Mean change in minutes by IMD quintile (1 = most deprived)");
                }
                EqualityBandsTables.Append(h, summary, names, mode, service);
                EqualityTable(h, summary, names, mode, service);
            }
        }

        var placementJson = placementFolder is null ? null : Path.Combine(placementFolder, "placement.json");
        if (placementJson is not null && File.Exists(placementJson))
        {
            PlacementReportSection.Append(h, placementJson);
        }

        if (mapsFolder is not null && Directory.Exists(mapsFolder))
        {
            var maps = Directory.GetFiles(mapsFolder, "*.png").OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (maps.Count > 0)
            {
                h.Append("<h2>Maps</h2>");
                foreach (var map in maps)
                {
                    h.Append("<figure class=\"map\"><img alt=\"").Append(E(Path.GetFileNameWithoutExtension(map))).Append("\" src=\"data:image/png;base64,")
                     .Append(Convert.ToBase64String(File.ReadAllBytes(map))).Append("\"><figcaption>").Append(E(Path.GetFileNameWithoutExtension(map)))
                     .Append("</figcaption></figure>");
                }
            }
        }

        if (summary.Methods is { } methods)
        {
            MethodsSection.Append(h, methods);
        }
        h.Append("<h2>Assumptions</h2><ul>");
        h.Append("<li>Each zone is served by the open site providing the service with the shortest travel time (or its fixed allocation).</li>");
        h.Append("<li>Percentiles are weighted: the smallest time reached by at least that share of the weight.</li>");
        h.Append("<li>Worse-by counts include zones that become unreachable.</li>");
        h.Append("<li>Equality flag: ").Append(E(summary.EqualityRule)).Append(".</li>");
        if (summary.Costs is { } c)
        {
            h.Append("<li>Money and carbon per visit (").Append(F(c.JourneysPerVisit, "0.#")).Append(" journeys): car &pound;")
             .Append(F(c.CarGbpPerMile, "0.00")).Append(" per mile + &pound;").Append(F(c.CarParkingGbpPerVisit, "0.00"))
             .Append(" parking; public transport fare from the matrix or &pound;").Append(F(c.TransitFlatFareGbp, "0.00"))
             .Append(" per journey; kgCO2e per km: ").Append(E(string.Join(", ", c.KgCo2ePerKm.Select(k => k.Key + " " + F(k.Value, "0.###")))))
             .Append(".</li>");
        }
        foreach (var (mode, estimated) in summary.KmEstimated)
        {
            if (estimated)
            {
                h.Append("<li>").Append(E(mode)).Append(": the matrix has no distances, so km (and cost and carbon) are straight-line km &times; detour factor.</li>");
            }
        }
        h.Append("</ul><footer class=\"attribution\">");
        foreach (var line in summary.Methods?.Attribution ?? [Geo.Core.Attribution.OpenStreetMap])
        {
            h.Append("<div>").Append(E(line)).Append("</div>");
        }
        h.Append("</footer><script>").Append(CsvScript).Append("</script></body></html>\n");
        return h.ToString();
    }

    private static void EqualityTable(StringBuilder h, AppraisalSummary summary, Dictionary<string, string> names, string mode, string service)
    {
        var rows = summary.Equality.Where(e => e.Mode == mode && e.Service == service && e.Option != summary.Options[0].Id).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        const int MaxOtherFlags = 40;
        var core = rows.Where(IsCore).ToList();
        var otherFlags = rows.Where(e => e.Flag && !IsCore(e))
            .OrderByDescending(e => (e.MeanChange ?? 0) - (e.OverallMeanChange ?? 0)).ToList();
        var headline = core.Concat(otherFlags.Take(MaxOtherFlags)).ToList();
        h.Append("<h3>Equality impact: ").Append(E(service)).Append(" by ").Append(E(mode)).Append("</h3><table data-name=\"").Append(E(Slug("equality", service, mode)))
         .Append("\"><tr><th class=\"l\">Option</th><th class=\"l\">Dimension</th><th class=\"l\">Group</th><th class=\"l\">Name</th><th>Zones</th><th>Residents</th><th>Weight</th>")
         .Append("<th>Mean min</th><th>Mean change</th><th>Whole-population change</th><th>Ratio</th><th>Worse &gt;10</th><th class=\"l\">Flag</th></tr>");
        foreach (var e in headline)
        {
            h.Append(e.Flag ? "<tr class=\"flag\">" : e.SmallGroup ? "<tr class=\"small\">" : "<tr>").Append("<td class=\"l\">").Append(E(names.GetValueOrDefault(e.Option, e.Option)))
             .Append("</td><td class=\"l\">").Append(E(e.Dimension)).Append("</td><td class=\"l\">").Append(E(e.Group)).Append("</td><td class=\"l\">")
             .Append(E(e.GroupName == e.Group ? "" : e.GroupName)).Append("</td><td>").Append(F(e.Zones, "#,0")).Append("</td><td>").Append(F(e.Residents, "#,0")).Append(e.Unit == Scenarios.CensusSpec.Households ? " households" : "").Append("</td><td>")
             .Append(F(e.Population, "#,0")).Append(e.Unit == Scenarios.CensusSpec.Households ? " households" : "").Append("</td><td>").Append(F(e.MeanMinutes, "0.0")).Append("</td><td>").Append(F(e.MeanChange, "+0.0;-0.0;0.0"))
             .Append("</td><td>").Append(F(e.OverallMeanChange, "+0.0;-0.0;0.0")).Append("</td><td>").Append(F(e.Ratio, "0.00"))
             .Append("</td><td>").Append(F(e.Worse10, "#,0")).Append("</td><td class=\"l\">").Append(e.Flag ? "FLAG" : e.SmallGroup ? "small group" : "").Append("</td></tr>");
        }
        h.Append("</table>");
        var hidden = rows.Count - headline.Count;
        if (hidden > 0)
        {
            h.Append("<p class=\"note\">").Append(hidden.ToString(CultureInfo.InvariantCulture))
             .Append(" further rows (unflagged groups").Append(otherFlags.Count > MaxOtherFlags ? ", and flagged groups beyond the 40 largest excesses" : "")
             .Append(" for wards, local authorities and other columns) are in summary.json.</p>");
        }
        h.Append("<p class=\"note\">Columns: <b>Group</b> the key (area code, IMD quintile 1 = most deprived, Core20 = IMD deciles 1-2); <b>Name</b> the area's name and local authority; ")
         .Append("<b>Zones</b> and <b>Residents</b> the group's size; <b>Weight</b> the ").Append(E(summary.WeightedBy == "demand" ? "demand" : "residents"))
         .Append(" the figures are weighted by, except for age and census groups (ethnicity, disability, sex, households without a car), which count the group's own people ")
         .Append("(or households) in each zone and are compared with the whole resident population; <b>Mean min</b> the weighted mean journey under the option; <b>Mean change</b> against the baseline (+ = longer); ")
         .Append("<b>Whole-population change</b> the same for everyone; <b>Ratio</b> group change / whole-population change (only when everyone's journeys lengthen); ")
         .Append("<b>Worse &gt;10</b> weight more than 10 minutes worse off or newly unable to reach a site; <b>Flag</b>: ").Append(E(summary.EqualityRule)).Append(".</p>");
    }

    /// <summary>Rows always shown: IMD quintiles, Core20, age and census groups (wards, local authorities and other columns only when flagged).</summary>
    private static bool IsCore(EqualityRow e) => e.Dimension is "imd_quintile" or "core20" || e.Unit is not null;

    /// <summary>A band key as a heading: "0-15" -> "0 to 15 min", "15-30" -> "over 15 to 30 min", "60+" -> "over 60 min".</summary>
    internal static string BandLabel(string band)
    {
        if (band.EndsWith('+'))
        {
            return "over " + band[..^1] + " min";
        }
        var dash = band.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? band : (band[..dash] == "0" ? "0" : "over " + band[..dash]) + " to " + band[(dash + 1)..] + " min";
    }

    private static string Slug(string what, string service, string mode) => what + "-" + service + "-" + mode;

    /// <summary>Adds a "Download CSV" link after every table, built from the cells as shown (BOM so Excel reads UTF-8).</summary>
    private const string CsvScript =
        "document.querySelectorAll('table').forEach(function(t,i){var rows=Array.prototype.map.call(t.rows,function(r){return Array.prototype.map.call(r.cells,function(c){" +
        "var v=c.innerText.trim();if(v==='\u2013')v='';return /[\",\\n]/.test(v)?'\"'+v.replace(/\"/g,'\"\"')+'\"':v;}).join(',');});" +
        "var a=document.createElement('a');a.className='csv';a.textContent='Download CSV';a.download=(t.getAttribute('data-name')||('table-'+(i+1)))+'.csv';" +
        "a.href=URL.createObjectURL(new Blob(['\\ufeff'+rows.join('\\r\\n')],{type:'text/csv'}));t.parentNode.insertBefore(a,t.nextSibling);});";

    private static byte[] SCurve(List<OptionMetrics> rows, Dictionary<string, string> names, string mode, string service)
    {
        var plot = new Plot();
        for (var i = 0; i < rows.Count; i++)
        {
            var ys = rows[i].SCurvePercent.ToArray();
            var xs = Enumerable.Range(0, ys.Length).Select(x => (double)x).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, Palette[i % Palette.Length]);
            line.LegendText = names.GetValueOrDefault(rows[i].Option, rows[i].Option);
            line.LineWidth = 2;
        }
        plot.Title($"{service} by {mode}: cumulative share reaching a site");
        plot.XLabel("Travel time (minutes)");
        plot.YLabel("% within time");
        var end = 0;
        foreach (var row in rows)
        {
            var curve = row.SCurvePercent;
            var final = curve.Count > 0 ? curve[^1] : 0;
            var t = 0;
            while (t < curve.Count - 1 && curve[t] < final - 1e-9)
            {
                t++;
            }
            end = Math.Max(end, t);
        }
        plot.Axes.SetLimits(0, Math.Max(30, end + 10), 0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(900, 450, ImageFormat.Png);
    }

    private static byte[] MeanBars(List<OptionMetrics> rows, string mode, string service)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            bars.Add(new Bar { Position = i * 3, Value = rows[i].MeanMinutes ?? 0, FillColor = Palette[0] });
            bars.Add(new Bar { Position = i * 3 + 1, Value = rows[i].P90Minutes ?? 0, FillColor = Palette[1] });
            ticks.Add(new Tick(i * 3 + 0.5, rows[i].Option)); // ids: long option names overlap on the axis
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "mean", FillColor = Palette[0] });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "90th percentile", FillColor = Palette[1] });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title($"{service} by {mode}: minutes by option");
        plot.YLabel("Minutes");
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(900, 400, ImageFormat.Png);
    }

    private static byte[] ChangeByQuintile(List<EqualityRow> rows, AppraisalSummary summary, Dictionary<string, string> names, string mode, string service)
    {
        var plot = new Plot();
        var options = summary.Options.Skip(1).ToList();
        var width = options.Count + 1;
        var bars = new List<Bar>();
        for (var o = 0; o < options.Count; o++)
        {
            for (var q = 1; q <= 5; q++)
            {
                var row = rows.FirstOrDefault(r => r.Option == options[o].Id && r.Group == q.ToString(CultureInfo.InvariantCulture));
                bars.Add(new Bar { Position = (q - 1) * width + o, Value = row?.MeanChange ?? 0, FillColor = Palette[o % Palette.Length] });
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names.GetValueOrDefault(options[o].Id, options[o].Id), FillColor = Palette[o % Palette.Length] });
        }
        plot.Add.Bars(bars);
        var low = Math.Min(0, bars.Min(b => b.Value));
        var high = Math.Max(0, bars.Max(b => b.Value));
        var pad = Math.Max(0.5, (high - low) * 0.15);
        plot.Axes.SetLimitsY(low - (low < 0 ? pad : 0), high + pad);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        var ticks = Enumerable.Range(1, 5).Select(q => new Tick((q - 1) * width + (options.Count - 1) / 2.0, "IMD Q" + q.ToString(CultureInfo.InvariantCulture))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title($"{service} by {mode}: mean change vs baseline by deprivation");
        plot.YLabel("Minutes (+ = longer)");
        return plot.GetImageBytes(900, 400, ImageFormat.Png);
    }

    private static void Image(StringBuilder h, byte[] png, string caption)
    {
        h.Append("<figure><img alt=\"").Append(E(caption)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png))
         .Append("\"><figcaption class=\"note\">").Append(E(caption)).Append("</figcaption></figure>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string F(double? value, string format) =>
        value is double v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "&ndash;";
}
