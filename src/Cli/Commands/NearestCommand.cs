using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Cli.Output;
using Geo.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>geo nearest</c>: nearest site (and second nearest) with minutes for every provider (e.g. care homes, GP practices) or
/// zone in a matrix; with --visits, observed versus nearest (actual travel, travel to the nearest site, possible saving,
/// by visit, by zone and overall). Visits whose zone or site is not in the matrix are reported (count and first ids on
/// stderr, status unmatched_zone / unmatched_site in the outputs) and the rest are compared.
/// </summary>
public sealed class NearestCommand : Command<NearestCommand.Settings>
{
    public sealed class Settings : InputSettings
    {
        [CommandOption("--matrix <FILE>")]
        [Description("Travel-time matrix CSV in minutes from providers/zones (origins) to sites (destinations): long as written by `geo matrix` or wide")]
        public string? Matrix { get; init; }

        [CommandOption("--matrix-layout <LAYOUT>")]
        [Description("long, wide or auto. Default: auto")]
        public string MatrixLayout { get; init; } = "auto";

        [CommandOption("--matrix-origin <COLUMN>")]
        [Description("Origin column of the matrix. Default: origin_id (long), from_id or the first column (wide)")]
        public string? MatrixOrigin { get; init; }

        [CommandOption("--matrix-destination <COLUMN>")]
        [Description("Destination column of a long matrix. Default: destination_id")]
        public string? MatrixDestination { get; init; }

        [CommandOption("--matrix-minutes <COLUMN>")]
        [Description("Minutes column of a long matrix. Default: minutes")]
        public string? MatrixMinutes { get; init; }

        [CommandOption("--no-route <VALUE>")]
        [Description("Matrix value meaning 'no route' (e.g. 9999)")]
        public double? NoRoute { get; init; }

        [CommandOption("--providers <FILE>")]
        [Description("Providers CSV (e.g. care homes): an id column matching the matrix origins (--provider-id, default id, code, OrganisationCode, name), optional name. Default: every matrix origin")]
        public string? Providers { get; init; }

        [CommandOption("--provider-id <COLUMN>")]
        [Description("Provider id column in --providers")]
        public string? ProviderId { get; init; }

        [CommandOption("--site-ids <IDS>")]
        [Description("Only these comma-separated destination ids count as sites (e.g. the open sites). Default: all destinations")]
        public string? SiteIds { get; init; }

        [CommandOption("--visits <FILE>")]
        [Description("Observed vs nearest: visits CSV with patient zone (zone_id, zone, patient_zone, origin_id, lsoa21_code), site attended (site_id, site, site_attended, destination_id) and optional count (count, visits, n, patients; default 1). Zones or sites missing from the matrix are reported (count and first ids) and written with status unmatched_zone / unmatched_site; the rest are compared")]
        public string? Visits { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Output CSV: nearest site per provider, or per visit with --visits (then also <name>_by_zone.csv and <name>_summary.json). Default: nearest.csv")]
        public string Out { get; init; } = "nearest.csv";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var matrixPath = settings.Matrix ?? throw new UsageException("--matrix is required, e.g. --matrix care_homes_to_sites.csv");
        var clock = Stopwatch.StartNew();
        var raw = PlacementInputs.ReadMatrix(matrixPath, "car", settings.MatrixLayout, settings.MatrixOrigin, settings.MatrixDestination, settings.MatrixMinutes, settings.NoRoute, settings.Input);
        bool[]? mask = null;
        if (settings.SiteIds is not null)
        {
            var wanted = settings.SiteIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var unknown = wanted.Where(id => !raw.DestinationIds.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                throw new UsageException($"--site-ids: {string.Join(", ", unknown)} not among the matrix destinations");
            }
            mask = raw.DestinationIds.Select(wanted.Contains).ToArray();
        }
        var table = new Table().AddColumn("Item").AddColumn("Value");
        if (settings.Visits is not null)
        {
            RunVisits(raw, settings.Visits, mask, settings.Out, table, settings.Input);
        }
        else
        {
            RunNearest(raw, matrixPath, settings, mask, table);
        }
        table.AddRow("Time", clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s");
        ConsoleTables.Write(table);
        InputIssuesReport.Print(settings.Input.Issues, InputIssuesReport.WriteBeside(settings.Input.Issues, settings.Out));
        return ExitCodes.Ok;
    }

    private static void RunNearest(TravelMatrix raw, string matrixPath, Settings settings, bool[]? mask, Table table)
    {
        var matrix = raw;
        string[]? names = null;
        if (settings.Providers is not null)
        {
            var providers = CsvTable.Read(settings.Providers, requireSameWidth: true, settings.Input);
            var id = providers.RequireAny("provider id", settings.ProviderId, "id", "code", "OrganisationCode", "provider_id", "name");
            var name = providers.FindAny("name", "provider_name", "OrganisationName");
            var ids = Enumerable.Range(0, providers.Count).Select(r => providers.Cell(r, id)).ToArray();
            names = Enumerable.Range(0, providers.Count).Select(r => name >= 0 ? providers.Cell(r, name) : "").ToArray();
            matrix = PlacementInputs.Select(raw, matrixPath, ids, ids, raw.DestinationIds, settings.Providers);
        }
        var nearest = NearestSite.Find(matrix, mask);
        var text = new StringBuilder("provider_id,provider_name,site_id,minutes,second_site_id,second_minutes\n");
        var unreachable = 0;
        foreach (var n in nearest)
        {
            unreachable += n.Site < 0 ? 1 : 0;
            text.Append(CsvText.Escape(matrix.OriginIds[n.Origin])).Append(',').Append(CsvText.Escape(names?[n.Origin] ?? "")).Append(',')
                .Append(n.Site >= 0 ? CsvText.Escape(matrix.DestinationIds[n.Site]) : "").Append(',').Append(Number(n.Minutes)).Append(',')
                .Append(n.SecondSite >= 0 ? CsvText.Escape(matrix.DestinationIds[n.SecondSite]) : "").Append(',').Append(Number(n.SecondMinutes)).Append('\n');
        }
        AtomicFile.WriteAllText(settings.Out, text.ToString());
        var reached = nearest.Where(n => n.Site >= 0).Select(n => n.Minutes).ToList();
        table.AddRow("Providers", nearest.Length.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Without a route to any site", unreachable.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Mean minutes to nearest", reached.Count > 0 ? reached.Average().ToString("F1", CultureInfo.InvariantCulture) : "-");
        table.AddRow("Output", Markup.Escape(settings.Out));
    }

    private static void RunVisits(TravelMatrix matrix, string visitsPath, bool[]? mask, string outPath, Table table, InputOptions input)
    {
        var file = VisitReader.Read(visitsPath, matrix, input);
        var result = ObservedVsNearest.Compare(matrix, file.Matched, mask);
        var unmatchedZones = Distinct(file.Unmatched, VisitStatus.UnmatchedZone, u => u.ZoneId);
        var unmatchedSites = Distinct(file.Unmatched, VisitStatus.UnmatchedSite, u => u.SiteId);
        var rows = new StringBuilder("zone_id,site_attended,count,actual_minutes,nearest_site_id,nearest_minutes,saving_minutes,status\n");
        foreach (var v in result.Visits)
        {
            var status = double.IsNaN(v.SavingMinutes) ? VisitStatus.NoRoute : VisitStatus.Ok;
            rows.Append(CsvText.Escape(matrix.OriginIds[v.Visit.Zone])).Append(',').Append(CsvText.Escape(matrix.DestinationIds[v.Visit.Site])).Append(',')
                .Append(Number(v.Visit.Count)).Append(',').Append(Number(v.ActualMinutes)).Append(',')
                .Append(v.NearestSite >= 0 ? CsvText.Escape(matrix.DestinationIds[v.NearestSite]) : "").Append(',')
                .Append(Number(v.NearestMinutes)).Append(',').Append(Number(v.SavingMinutes)).Append(',').Append(status.ToCode()).Append('\n');
        }
        foreach (var u in file.Unmatched)
        {
            rows.Append(CsvText.Escape(u.ZoneId)).Append(',').Append(CsvText.Escape(u.SiteId)).Append(',').Append(Number(u.Count))
                .Append(",,,,,").Append(u.Status.ToCode()).Append('\n');
        }
        var byZone = new StringBuilder("zone_id,visits,mean_actual_minutes,mean_nearest_minutes,mean_saving_minutes,total_saving_minutes,share_at_nearest,visits_without_route,status\n");
        foreach (var z in result.ByZone)
        {
            byZone.Append(CsvText.Escape(matrix.OriginIds[z.Zone])).Append(',').Append(Number(z.Visits)).Append(',').Append(Number(z.MeanActualMinutes)).Append(',')
                .Append(Number(z.MeanNearestMinutes)).Append(',').Append(Number(z.MeanSavingMinutes)).Append(',').Append(Number(z.TotalSavingMinutes)).Append(',')
                .Append(Number(z.ShareAtNearest)).Append(',').Append(Number(z.VisitsWithoutRoute)).Append(',').Append(VisitStatus.Ok.ToCode()).Append('\n');
        }
        foreach (var (zoneId, visits) in unmatchedZones)
        {
            byZone.Append(CsvText.Escape(zoneId)).Append(',').Append(Number(visits)).Append(",,,,,,,").Append(VisitStatus.UnmatchedZone.ToCode()).Append('\n');
        }
        var overall = result.Overall;
        var summary = JsonSerializer.Serialize(new Dictionary<string, double?>
        {
            ["visits"] = overall.Visits,
            ["meanActualMinutes"] = Nullable(overall.MeanActualMinutes),
            ["meanNearestMinutes"] = Nullable(overall.MeanNearestMinutes),
            ["meanSavingMinutes"] = Nullable(overall.MeanSavingMinutes),
            ["totalSavingMinutes"] = Nullable(overall.TotalSavingMinutes),
            ["shareAtNearest"] = Nullable(overall.ShareAtNearest),
            ["visitsWithoutRoute"] = overall.VisitsWithoutRoute,
            ["unmatchedVisits"] = file.Unmatched.Sum(u => u.Count),
            ["unmatchedZones"] = unmatchedZones.Count,
            ["unmatchedSites"] = unmatchedSites.Count,
        }, new JsonSerializerOptions { WriteIndented = true });
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
        var stem = Path.GetFileNameWithoutExtension(outPath);
        AtomicFile.WriteAllText(outPath, rows.ToString());
        AtomicFile.WriteAllText(Path.Combine(folder, stem + "_by_zone.csv"), byZone.ToString());
        AtomicFile.WriteAllText(Path.Combine(folder, stem + "_summary.json"), summary);
        Warn(unmatchedZones, "zone(s) of the visits file are not origins of the matrix", VisitStatus.UnmatchedZone);
        Warn(unmatchedSites, "site(s) of the visits file are not destinations of the matrix", VisitStatus.UnmatchedSite);
        table.AddRow("Visits", Number(overall.Visits));
        table.AddRow("Visits not in the matrix (unmatched)", Number(file.Unmatched.Sum(u => u.Count)));
        table.AddRow("Mean actual minutes", Number(overall.MeanActualMinutes));
        table.AddRow("Mean minutes to nearest", Number(overall.MeanNearestMinutes));
        table.AddRow("Mean possible saving (minutes)", Number(overall.MeanSavingMinutes));
        table.AddRow("Share attending nearest", double.IsFinite(overall.ShareAtNearest) ? overall.ShareAtNearest.ToString("P1", CultureInfo.InvariantCulture) : "-");
        table.AddRow("Output", Markup.Escape(outPath));
    }

    /// <summary>Unmatched ids of one kind with their visit counts, in first-seen order.</summary>
    private static List<(string Id, double Visits)> Distinct(IReadOnlyList<UnmatchedVisit> unmatched, VisitStatus status, Func<UnmatchedVisit, string> id)
    {
        var order = new List<(string Id, double Visits)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in unmatched.Where(u => u.Status == status))
        {
            if (!index.TryGetValue(id(u), out var k))
            {
                index[id(u)] = k = order.Count;
                order.Add((id(u), 0));
            }
            order[k] = (order[k].Id, order[k].Visits + u.Count);
        }
        return order;
    }

    /// <summary>One line on stderr: how many ids, how many visits, the first few ids, and where they went.</summary>
    private static void Warn(List<(string Id, double Visits)> ids, string what, VisitStatus status)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var visits = ids.Sum(i => i.Visits);
        var first = string.Join(", ", ids.Take(5).Select(i => i.Id)) + (ids.Count > 5 ? $" and {ids.Count - 5} more" : "");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warning: {ids.Count} {what} ({Number(visits)} visit(s)): {first}; written as {status.ToCode()} rows and left out of the comparison"));
    }

    private static double? Nullable(double value) => double.IsFinite(value) ? value : null;

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
