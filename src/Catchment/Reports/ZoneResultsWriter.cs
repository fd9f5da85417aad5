using System.Globalization;
using Geo.Catchment.Scoring;
using Geo.Core;
using Parquet;
using Parquet.Schema;

namespace Geo.Catchment.Reports;

/// <summary>
/// Writes zone_results.csv / .parquet (long: one row per option x mode x service x zone) per the results contract:
/// option_id, mode, service, zone_id, site_id, minutes, km, interchanges, cost_gbp, carbon_kg, change_minutes, next_site_id,
/// next_minutes, status, and the added column generalised_cost_gbp. Missing numbers are empty (CSV) or null (Parquet), never 0.
/// </summary>
public static class ZoneResultsWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "option_id", "mode", "service", "zone_id", "site_id", "minutes", "km", "interchanges", "cost_gbp", "carbon_kg",
        "change_minutes", "next_site_id", "next_minutes", "status", "generalised_cost_gbp",
    ];

    public static string StatusText(ZoneStatus status) => status switch
    {
        ZoneStatus.Ok => "ok",
        ZoneStatus.Unreachable => "unreachable",
        _ => "unsnapped",
    };

    public static void WriteCsv(string path, ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteText(path, w =>
        {
            w.Write(string.Join(',', Columns));
            w.Write('\n');
            var zones = result.Zones;
            var sites = result.Sites;
            foreach (var b in result.Blocks)
            {
                var prefix = CsvText.Escape(b.OptionId) + "," + CsvText.Escape(b.Mode) + "," + CsvText.Escape(b.Service) + ",";
                for (var z = 0; z < b.Count; z++)
                {
                    w.Write(prefix);
                    w.Write(CsvText.Escape(zones.Codes[z]));
                    w.Write(',');
                    w.Write(b.Site[z] >= 0 ? CsvText.Escape(sites[b.Site[z]].Id) : "");
                    w.Write(',');
                    Number(w, b.Minutes[z], "0.####");
                    w.Write(',');
                    Number(w, b.Km[z], "0.###");
                    w.Write(',');
                    Number(w, b.Interchanges[z], "0.##");
                    w.Write(',');
                    Number(w, b.CostGbp[z], "0.00");
                    w.Write(',');
                    Number(w, b.CarbonKg[z], "0.####");
                    w.Write(',');
                    Number(w, b.ChangeMinutes[z], "0.####");
                    w.Write(',');
                    w.Write(b.NextSite[z] >= 0 ? CsvText.Escape(sites[b.NextSite[z]].Id) : "");
                    w.Write(',');
                    Number(w, b.NextMinutes[z], "0.####");
                    w.Write(',');
                    w.Write(StatusText(b.Status[z]));
                    w.Write(',');
                    Number(w, b.GeneralisedCostGbp[z], "0.00");
                    w.Write('\n');
                }
            }
        });
    }

    public static void WriteParquet(string path, ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fields = new DataField[]
        {
            new DataField<string>("option_id"), new DataField<string>("mode"), new DataField<string>("service"),
            new DataField<string>("zone_id"), new DataField<string>("site_id", true), new DataField<double?>("minutes"),
            new DataField<double?>("km"), new DataField<double?>("interchanges"), new DataField<double?>("cost_gbp"),
            new DataField<double?>("carbon_kg"), new DataField<double?>("change_minutes"), new DataField<string>("next_site_id", true),
            new DataField<double?>("next_minutes"), new DataField<string>("status"), new DataField<double?>("generalised_cost_gbp"),
        };
        var schema = new ParquetSchema(fields);
        AtomicFile.Write(path, stream => WriteParquetAsync(stream, schema, fields, result).GetAwaiter().GetResult());
    }

    private static async Task WriteParquetAsync(Stream stream, ParquetSchema schema, DataField[] fields, ScoringResult result)
    {
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        var zones = result.Zones;
        var sites = result.Sites;
        foreach (var b in result.Blocks)
        {
            var n = b.Count;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], Repeat(b.OptionId, n)).ConfigureAwait(false);
            await group.WriteAsync(fields[1], Repeat(b.Mode, n)).ConfigureAwait(false);
            await group.WriteAsync(fields[2], Repeat(b.Service, n)).ConfigureAwait(false);
            await group.WriteAsync(fields[3], zones.Codes).ConfigureAwait(false);
            await group.WriteAsync(fields[4], SiteIds(b.Site, sites)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[5], Nullable(b.Minutes)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[6], Nullable(b.Km)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[7], Nullable(b.Interchanges)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[8], Nullable(b.CostGbp)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[9], Nullable(b.CarbonKg)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[10], Nullable(b.ChangeMinutes)).ConfigureAwait(false);
            await group.WriteAsync(fields[11], SiteIds(b.NextSite, sites)).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[12], Nullable(b.NextMinutes)).ConfigureAwait(false);
            await group.WriteAsync(fields[13], b.Status.Select(StatusText).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<double>(fields[14], Nullable(b.GeneralisedCostGbp)).ConfigureAwait(false);
        }
    }

    private static string[] Repeat(string value, int n)
    {
        var a = new string[n];
        Array.Fill(a, value);
        return a;
    }

    private static string?[] SiteIds(int[] site, Inputs.SiteTable sites)
    {
        var a = new string?[site.Length];
        for (var i = 0; i < site.Length; i++)
        {
            a[i] = site[i] >= 0 ? sites[site[i]].Id : null;
        }
        return a;
    }

    private static double?[] Nullable(double[] values)
    {
        var a = new double?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            a[i] = double.IsNaN(values[i]) ? null : values[i];
        }
        return a;
    }

    private static void Number(TextWriter w, double value, string format)
    {
        if (!double.IsNaN(value))
        {
            w.Write(value.ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
