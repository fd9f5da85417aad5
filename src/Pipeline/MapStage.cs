using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Streets;
using Geo.Viewer.Basemap;
using Geo.Viewer.Rendering;
using Geo.Viewer.Results;

namespace Geo.Pipeline;

/// <summary>
/// After the appraisal (<c>geo run</c> and <c>geo appraise</c>): basemap.geojson (roads for the offline viewer), static maps
/// in maps/ (baseline travel time and each option's change, first service, for car and transit when run; the placement
/// result when placement/ was written; the baseline time with isochrone outlines when isochrones/ holds any; the need maps
/// and visit flows of <see cref="NeedStage"/>), then report.html rebuilt so it embeds the maps.
/// </summary>
public static class MapStage
{
    /// <summary>Map size in pixels for every map of a run.</summary>
    private const int WidthPx = 1200;
    private const int HeightPx = 900;

    public static string WriteBasemap(StreetNetwork network, string outFolder, List<string> files)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(files);
        var path = Path.Combine(outFolder, ResultsFolder.BasemapFile);
        var lines = BasemapWriter.Write(network.RoadLines(), path, BasemapWriter.DefaultHighways);
        files.Add(path);
        return $"{lines:N0} road lines";
    }

    public static string WriteMaps(Scenario scenario, string outFolder, List<string> files, List<string> warnings, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(progress);
        var needMaps = NeedStage.Write(scenario, outFolder, files, warnings);
        var results = ResultsFolder.Load(outFolder);
        var service = scenario.Services.Count > 0 ? scenario.Services[0] : null;
        var modes = scenario.Modes.Where(m => m is "car" or "transit").ToList();
        if (modes.Count == 0 && scenario.Modes.Count > 0)
        {
            modes.Add(scenario.Modes[0]);
        }
        var written = 0;
        void Draw(string name, StaticMapRequest request)
        {
            var path = Path.Combine(outFolder, "maps", name);
            progress.Report("maps: " + name);
            try
            {
                StaticMapRenderer.Render(results, request with { WidthPx = WidthPx, HeightPx = HeightPx }, path);
                files.Add(path);
                written++;
            }
            catch (Exception e) when (e is ArgumentException or InputFileException)
            {
                warnings.Add($"map {name} not drawn: {e.Message}");
            }
        }
        foreach (var mode in modes)
        {
            foreach (var option in scenario.AllOptions)
            {
                var isBaseline = option.Id == scenario.Baseline.Id;
                Draw($"{option.Id}_{mode}_{service}_{(isBaseline ? "time" : "change")}.png", new StaticMapRequest
                {
                    Option = option.Id,
                    Mode = mode,
                    Service = service,
                    Layer = isBaseline ? MapLayer.Time : MapLayer.Change,
                });
            }
        }
        if (File.Exists(Path.Combine(outFolder, ResultsFolder.PlacementFile)))
        {
            Draw("placement.png", new StaticMapRequest { Layer = MapLayer.Placement });
        }
        var isochroneFolder = Path.Combine(outFolder, ResultsFolder.IsochroneFolder);
        if (modes.Count > 0 && Directory.Exists(isochroneFolder) && Directory.EnumerateFiles(isochroneFolder, "*.geojson").Any())
        {
            Draw($"isochrones_{modes[0]}_{service}.png", new StaticMapRequest
            {
                Option = scenario.Baseline.Id,
                Mode = modes[0],
                Service = service,
                Layer = MapLayer.Time,
                ShowIsochrones = true,
            });
        }
        foreach (var need in needMaps)
        {
            Draw("need_" + need.Key + ".png", need.ToRequest());
        }
        if (results.Flows.Count > 0)
        {
            Draw("flows.png", new StaticMapRequest { Layer = MapLayer.Flows });
        }
        var drawn = new HashSet<string>(files.Select(Path.GetFullPath), StringComparer.Ordinal);
        var mapsFolder = Path.Combine(outFolder, "maps");
        if (Directory.Exists(mapsFolder))
        {
            foreach (var other in Directory.GetFiles(mapsFolder, "*.png").Order(StringComparer.Ordinal))
            {
                if (!drawn.Contains(Path.GetFullPath(other)))
                {
                    warnings.Add($"report.html also embeds {other}, which this run did not draw (left from an earlier run or `geo map`?)");
                }
            }
        }
        progress.Report("Rebuilding report.html with the maps");
        HtmlReport.Regenerate(outFolder);
        return $"{written} maps";
    }
}
