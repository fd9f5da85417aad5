using System.Diagnostics;
using Geo.Catchment.Allocation;
using Geo.Catchment.Appraisal;
using Geo.Catchment.Inputs;
using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Streets;

namespace Geo.Pipeline;

/// <summary>
/// <c>geo run</c>: the whole pipeline for a scenario, stage by stage (OSRM-style stages passing artefacts along):
/// read the scenario and its zones and sites -> street network (built or cached) -> one zone-by-site matrix per mode
/// (road modes by contraction hierarchies, transit by RAPTOR) -> placement solved (if asked) -> isochrones around the sites
/// (if asked) -> appraisal writes the results folder -> placement/, providers.csv and isochrones/ written -> basemap.geojson,
/// need maps, maps/*.png and report.html with the maps.
/// Every matrix and the placement are computed before the first result file is written. An infeasible placement does not
/// stop the run: it is a warning, and summary.json, placement/placement.json and the report state it with the reason.
/// </summary>
public static class RunPipeline
{
    /// <summary>The results subfolder holding the cached street network and hierarchies (kept when the folder is replaced).</summary>
    public const string NetworkCacheFolder = StreetStage.CacheFolder;

    public static RunResult Run(RunOptions options, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var stages = new List<RunStage>();
        var warnings = new List<string>();
        var clock = Stopwatch.StartNew();
        void Done(string name, string detail)
        {
            stages.Add(new RunStage(name, clock.Elapsed.TotalSeconds, detail));
            clock.Restart();
        }

        progress.Report("Reading scenario " + options.ScenarioPath);
        var scenario = ScenarioReader.Read(options.ScenarioPath) with { Input = options.Input };
        var inputs = AppraisalInputs.Load(scenario, progress);
        var zones = inputs.Zones;
        var sites = inputs.Sites;
        Done("Inputs", $"{zones.Count:N0} zones, {sites.Count} sites (with candidates), {scenario.AllOptions.Count} options");

        // Modes to route: the scenario's, plus the placement mode; modes the scenario gives as external matrices are read instead.
        var matrices = new Dictionary<string, TravelMatrix>(inputs.ReadExternalMatrices(progress), StringComparer.Ordinal);
        var placementWanted = scenario.Placement is not null && !options.SkipPlacement;
        var modes = new List<string>(scenario.Modes);
        if (placementWanted && !modes.Contains(PlacementStage.ModeOf(scenario)))
        {
            modes.Add(PlacementStage.ModeOf(scenario));
        }
        modes.RemoveAll(matrices.ContainsKey);

        StreetNetwork? network = null;
        var networkPath = options.NetworkPath;
        if (modes.Count > 0 || scenario.Providers is not null || scenario.Isochrones is not null)
        {
            (network, networkPath, var detail) = StreetStage.Load(scenario, options, progress);
            Done("Street network", detail);
        }
        foreach (var mode in modes)
        {
            string detail;
            if (mode == "transit")
            {
                matrices[mode] = MatrixStage.Transit(scenario, network!, zones, sites, options, progress, out detail);
            }
            else if (TravelModes.TryParse(mode, out var travelMode))
            {
                matrices[mode] = MatrixStage.Road(scenario, network!, networkPath!, travelMode, zones, sites, options, progress, out detail);
            }
            else
            {
                throw new InputFileException(scenario.FilePath ?? "scenario", null, "modes", $"unknown mode '{mode}'; valid: {string.Join(", ", Scenario.KnownModes)}");
            }
            Done("Matrix " + mode, detail);
        }

        PlacementResult? placement = null;
        if (placementWanted)
        {
            placement = PlacementStage.Solve(scenario, zones, sites, matrices[PlacementStage.ModeOf(scenario)], progress);
            Done("Placement", PlacementStage.Describe(placement));
            if (!placement.HasSelection)
            {
                warnings.Add(PlacementStage.Warning(placement));
            }
        }

        string? providersCsv = null;
        if (scenario.Providers is not null)
        {
            (providersCsv, var detail) = ProvidersStage.Build(scenario, network!, networkPath!, sites, options);
            Done("Providers", detail);
        }

        List<(string Mode, List<IsochroneGeoJsonWriter.Band> Bands)>? isochrones = null;
        if (scenario.Isochrones is not null)
        {
            (isochrones, var detail) = IsochroneStage.Build(scenario, network!, sites);
            Done("Isochrones", detail);
        }

        var appraisal = Appraiser.Run(inputs, matrices, options.OutFolder, progress, placement is null ? null : PlacementStage.Summary(placement));
        var files = new List<string>(appraisal.Files);
        Done("Appraisal", $"{appraisal.Summary.Metrics.Count} metric rows, {appraisal.Files.Count} files");

        if (placement is not null)
        {
            files.AddRange(PlacementStage.Write(placement, options.OutFolder, zones, sites));
            Done("Placement files", PlacementStage.Folder + "/");
            if (options.SkipMaps)
            {
                // The map stage rebuilds report.html last; without it, rebuild here so the placement section is in.
                HtmlReport.Regenerate(options.OutFolder);
            }
        }

        if (providersCsv is not null)
        {
            files.Add(ProvidersStage.Write(options.OutFolder, providersCsv));
        }
        if (isochrones is not null)
        {
            files.AddRange(IsochroneStage.Write(options.OutFolder, isochrones));
        }
        if (network is not null)
        {
            Done("Basemap", MapStage.WriteBasemap(network, options.OutFolder, files));
        }
        if (!options.SkipMaps)
        {
            Done("Maps", MapStage.WriteMaps(scenario, options.OutFolder, files, warnings, progress));
        }

        return new RunResult(appraisal, stages, files, warnings, Path.Combine(options.OutFolder, "report.html"));
    }
}
