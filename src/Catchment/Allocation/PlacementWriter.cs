using Geo.Catchment.Scenarios;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Catchment.Allocation;

/// <summary>
/// Writes a <see cref="PlacementResult"/> to a folder (results/placement/ in the results contract), every file through
/// <see cref="AtomicFile"/> after all contents are built in memory:
/// <list type="bullet">
/// <item>chosen_sites.csv: site_id, site_name, kind (existing|new), lon, lat, zones, need, mean_minutes, capacity.</item>
/// <item>allocation.csv: zone_id, site_id, minutes, need (one row per zone; several under split capacitated assignment; empty site and minutes when unreachable).</item>
/// <item>placement.geojson: open sites as points (site_id, site_name, kind, zones, need, mean_minutes) and, when asked and zone points are known, zone-to-site LineStrings (zone_id, site_id, minutes, need).</item>
/// <item>placement.json: problem, parameters, solver, status, objective, bound, gap, seconds, sites, groups (coverage and mean minutes overall, by IMD quintile, Core20 and report group), equity values and notes.</item>
/// </list>
/// Missing numbers are empty cells / JSON null, never 0. A result without a selection (infeasible, no solution found) writes
/// placement.json only, with its status and reason, so the report and viewer can say why there is no placement.
/// </summary>
public static class PlacementWriter
{
    public const string ChosenSitesFile = "chosen_sites.csv";
    public const string AllocationFile = "allocation.csv";
    public const string GeoJsonFile = "placement.geojson";
    public const string JsonFile = "placement.json";

    /// <summary>Writes the files and returns their paths.</summary>
    public static IReadOnlyList<string> Write(PlacementResult result, string outFolder, PlacementGeography? geography = null, bool allocationLines = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(outFolder);
        geography ??= new PlacementGeography();
        var json = BuildJson(result, geography);
        if (!result.HasSelection)
        {
            Directory.CreateDirectory(outFolder);
            AtomicFile.Write(Path.Combine(outFolder, JsonFile), s => s.Write(json));
            return [Path.Combine(outFolder, JsonFile)];
        }
        var siteStats = SiteStats(result);
        var sites = BuildChosenSites(result, geography, siteStats);
        var allocation = BuildAllocation(result);
        var geojson = BuildGeoJson(result, geography, siteStats, allocationLines);
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, ChosenSitesFile), sites);
        AtomicFile.WriteAllText(Path.Combine(outFolder, AllocationFile), allocation);
        AtomicFile.Write(Path.Combine(outFolder, GeoJsonFile), s => s.Write(geojson));
        AtomicFile.Write(Path.Combine(outFolder, JsonFile), s => s.Write(json));
        return [.. new[] { ChosenSitesFile, AllocationFile, GeoJsonFile, JsonFile }.Select(name => Path.Combine(outFolder, name))];
    }

    private static Dictionary<int, (int Zones, double Need, double WeightedMinutes)> SiteStats(PlacementResult result)
    {
        var stats = new Dictionary<int, (int Zones, double Need, double WeightedMinutes)>();
        foreach (var site in result.OpenSites)
        {
            stats[site] = (0, 0, 0);
        }
        foreach (var a in result.Allocations)
        {
            if (a.Site >= 0 && stats.TryGetValue(a.Site, out var s))
            {
                stats[a.Site] = (s.Zones + 1, s.Need + a.Need, s.WeightedMinutes + a.Need * a.Minutes);
            }
        }
        return stats;
    }

    private static string BuildChosenSites(PlacementResult result, PlacementGeography geography, Dictionary<int, (int Zones, double Need, double WeightedMinutes)> stats)
    {
        var problem = result.Problem;
        var text = new StringBuilder("site_id,site_name,kind,lon,lat,zones,need,mean_minutes,capacity\n");
        foreach (var site in result.OpenSites)
        {
            var point = geography.SitePoints?[site];
            var (zones, need, weighted) = stats[site];
            text.Append(CsvText.Escape(problem.Matrix.DestinationIds[site])).Append(',')
                .Append(CsvText.Escape(geography.SiteNames?[site] ?? "")).Append(',')
                .Append(problem.IsExisting[site] ? "existing" : "new").Append(',')
                .Append(Number(point?.Lon)).Append(',').Append(Number(point?.Lat)).Append(',')
                .Append(zones.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(need)).Append(',')
                .Append(need > 0 ? Number(weighted / need) : "").Append(',')
                .Append(problem.Capacity is null ? "" : Number(problem.Capacity[site])).Append('\n');
        }
        return text.ToString();
    }

    private static string BuildAllocation(PlacementResult result)
    {
        var problem = result.Problem;
        var text = new StringBuilder("zone_id,site_id,minutes,need\n");
        foreach (var a in result.Allocations)
        {
            text.Append(CsvText.Escape(problem.Matrix.OriginIds[a.Zone])).Append(',')
                .Append(a.Site >= 0 ? CsvText.Escape(problem.Matrix.DestinationIds[a.Site]) : "").Append(',')
                .Append(Number(a.Minutes)).Append(',')
                .Append(Number(a.Need)).Append('\n');
        }
        return text.ToString();
    }

    private static byte[] BuildGeoJson(PlacementResult result, PlacementGeography geography, Dictionary<int, (int Zones, double Need, double WeightedMinutes)> stats, bool lines)
    {
        var problem = result.Problem;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var site in result.OpenSites)
            {
                if (geography.SitePoints?[site] is not { } point)
                {
                    continue;
                }
                var (zones, need, weighted) = stats[site];
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(point.Lon);
                w.WriteNumberValue(point.Lat);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("site_id", problem.Matrix.DestinationIds[site]);
                w.WriteString("site_name", geography.SiteNames?[site] ?? "");
                w.WriteString("kind", problem.IsExisting[site] ? "existing" : "new");
                w.WriteNumber("zones", zones);
                WriteNumber(w, "need", need);
                WriteNumber(w, "mean_minutes", need > 0 ? weighted / need : double.NaN);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (lines && geography.ZonePoints is { } zonePoints)
            {
                foreach (var a in result.Allocations)
                {
                    if (a.Site < 0 || zonePoints[a.Zone] is not { } from || geography.SitePoints?[a.Site] is not { } to)
                    {
                        continue;
                    }
                    w.WriteStartObject();
                    w.WriteString("type", "Feature");
                    w.WriteStartObject("geometry");
                    w.WriteString("type", "LineString");
                    w.WriteStartArray("coordinates");
                    foreach (var p in new[] { from, to })
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(p.Lon);
                        w.WriteNumberValue(p.Lat);
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteStartObject("properties");
                    w.WriteString("zone_id", problem.Matrix.OriginIds[a.Zone]);
                    w.WriteString("site_id", problem.Matrix.DestinationIds[a.Site]);
                    WriteNumber(w, "minutes", a.Minutes);
                    WriteNumber(w, "need", a.Need);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] BuildJson(PlacementResult result, PlacementGeography geography)
    {
        var problem = result.Problem;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("problem", PlacementProblem.KindName(problem.Kind));
            w.WriteString("mode", problem.Matrix.Mode);
            w.WriteNumber("p", problem.NewSites);
            WriteNumber(w, "thresholdMinutes", problem.ThresholdMinutes);
            w.WriteString("need", problem.NeedExpression);
            if (problem.Kind == PlacementProblemKind.CapacitatedPMedian)
            {
                w.WriteString("assignment", problem.SplitAssignment ? "split" : "single");
            }
            w.WriteStartObject("constraints");
            WriteNumber(w, "core20MinShare", problem.Core20MinShare ?? double.NaN);
            WriteNumber(w, "maxQuintileMeanMinutes", problem.MaxQuintileMeanMinutes ?? double.NaN);
            w.WriteEndObject();
            w.WriteString("solver", result.Solver);
            w.WriteString("status", result.Status.ToCode());
            if (result.Reason is { } reason)
            {
                w.WriteString("reason", reason);
            }
            WriteNumber(w, "objective", result.Objective);
            w.WriteString("objectiveDescription", result.ObjectiveDescription);
            WriteNumber(w, "bound", result.Bound);
            WriteNumber(w, "gap", result.Gap);
            WriteNumber(w, "seconds", result.Seconds);
            w.WriteNumber("zones", problem.ZoneCount);
            w.WriteNumber("candidates", Enumerable.Range(0, problem.SiteCount).Count(j => problem.IsCandidate[j] && !problem.IsExisting[j]));
            WriteSites(w, "existingSites", result.OpenSites.Where(s => problem.IsExisting[s]), problem, geography);
            WriteSites(w, "newSites", result.NewSites, problem, geography);
            WriteNumber(w, "core20CoveredShare", result.Core20CoveredShare ?? double.NaN);
            WriteNumber(w, "worstQuintileMeanMinutes", result.WorstQuintileMeanMinutes ?? double.NaN);
            w.WriteStartArray("groups");
            foreach (var g in result.Groups)
            {
                w.WriteStartObject();
                w.WriteString("dimension", g.Dimension);
                w.WriteString("group", g.Group);
                WriteNumber(w, "weight", g.Weight);
                WriteNumber(w, "meanMinutes", g.MeanMinutes);
                WriteNumber(w, "maxMinutes", g.MaxMinutes);
                WriteNumber(w, "coveredShare", g.CoveredShare ?? double.NaN);
                WriteNumber(w, "unreachableWeight", g.UnreachableWeight);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                w.WriteStringValue(note);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteSites(Utf8JsonWriter w, string name, IEnumerable<int> sites, PlacementProblem problem, PlacementGeography geography)
    {
        w.WriteStartArray(name);
        foreach (var site in sites)
        {
            w.WriteStartObject();
            w.WriteString("id", problem.Matrix.DestinationIds[site]);
            w.WriteString("name", geography.SiteNames?[site] ?? "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
