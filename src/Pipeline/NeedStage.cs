using System.Text.Json;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Pipeline;

/// <summary>
/// Before the maps (<c>geo run</c> and <c>geo appraise</c>): the need-map inputs of a results folder. need_points.geojson holds
/// the scenario's providers (labelled by their file name, e.g. "care homes") and <c>needMaps.points</c>; need_maps.json lists
/// the need maps: residents per km² and points per zone when the zones have boundaries, and each <c>needMaps.percent</c>
/// column (census groups as a share of their dimension); flows.geojson holds <c>needMaps.visits</c> as zone-to-site lines.
/// </summary>
public static class NeedStage
{
    public static List<NeedMapSpec> Write(Scenario scenario, string outFolder, List<string> files, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(warnings);
        var sets = new List<(string Label, IReadOnlyList<Site> Points)>();
        if (scenario.Providers is { } providers)
        {
            sets.Add((LabelOf(providers.File), SiteLoader.Read(providers, scenario.Resolve, scenario.Input)));
        }
        foreach (var p in scenario.NeedMaps?.Points ?? [])
        {
            sets.Add((p.Label, SiteLoader.Read(p.Points, scenario.Resolve, scenario.Input)));
        }

        var maps = new List<NeedMapSpec>();
        var hasBoundaries = scenario.Zones.Boundaries is not null;
        if (hasBoundaries)
        {
            maps.Add(new NeedMapSpec { Layer = MapLayer.Density, Title = "Residents per km²" });
            maps.AddRange(sets.Select(s => new NeedMapSpec { Layer = MapLayer.Points, PointSet = s.Label, Title = char.ToUpperInvariant(s.Label[0]) + s.Label[1..] + " per zone" }));
        }
        foreach (var column in scenario.NeedMaps?.Percent ?? [])
        {
            var per = PerColumns(scenario, column);
            maps.Add(new NeedMapSpec { Layer = MapLayer.Percent, Attribute = column, Per = per, Title = NeedValues.PercentTitle(column, per) });
        }

        if (sets.Count > 0)
        {
            var path = Path.Combine(outFolder, ResultsFolder.NeedPointsFile);
            AtomicFile.Write(path, stream => WritePoints(stream, sets));
            files.Add(path);
        }
        var mapsPath = Path.Combine(outFolder, ResultsFolder.NeedMapsFile);
        AtomicFile.Write(mapsPath, stream => JsonSerializer.Serialize(stream, maps, NeedMapSpec.Json));
        files.Add(mapsPath);

        if (scenario.NeedMaps?.Visits is { } visitsFile)
        {
            var rows = VisitReader.ReadRows(scenario.Resolve(visitsFile), scenario.Input);
            var results = ResultsFolder.Load(outFolder);
            var lines = FlowLines.Build(results, rows.Select(r => (r.ZoneId, r.SiteId, r.Count)), out var unmatched);
            if (unmatched > 0)
            {
                warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{visitsFile}: {unmatched:#,0.#} visits name a zone or site not in the results; they are not drawn as flows"));
            }
            var path = Path.Combine(outFolder, ResultsFolder.FlowsFile);
            AtomicFile.Write(path, stream => stream.Write(FlowLines.ToGeoJson(lines)));
            files.Add(path);
        }
        return maps;
    }

    /// <summary>Denominator columns of a percent map: residents for a people census group, the dimension's households for a household group, none otherwise (already a %).</summary>
    internal static IReadOnlyList<string> PerColumns(Scenario scenario, string column)
    {
        foreach (var census in scenario.Zones.Census ?? [])
        {
            if (census.Groups.Values.Contains(column, StringComparer.Ordinal))
            {
                return census.Unit == CensusSpec.Households ? [.. census.Groups.Values] : ["population"];
            }
        }
        return [];
    }

    /// <summary>A point file's legend label from its name: "data/care_homes.csv" -> "care homes".</summary>
    internal static string LabelOf(string file) => Path.GetFileNameWithoutExtension(file).Replace('_', ' ').Replace('-', ' ');

    private static void WritePoints(Stream stream, List<(string Label, IReadOnlyList<Site> Points)> sets)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var (label, points) in sets)
        {
            foreach (var p in points)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("set", label);
                w.WriteString("id", p.Id);
                w.WriteString("name", p.Name);
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(p.Point.Lon, 7));
                w.WriteNumberValue(Math.Round(p.Point.Lat, 7));
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
