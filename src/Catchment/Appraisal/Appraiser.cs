using System.Globalization;
using Geo.Catchment.Equality;
using Geo.Catchment.Inputs;
using Geo.Catchment.Reports;
using Geo.Catchment.Reports.Methods;
using Geo.Catchment.Scenarios;
using Geo.Catchment.Scoring;
using Geo.Core;

namespace Geo.Catchment.Appraisal;

/// <summary>
/// Runs an appraisal end to end and writes the results folder (results contract): zone_results.csv/.parquet, zones.geojson,
/// sites.geojson, zones.gpkg, summary.json, matrices/&lt;mode&gt;.csv and report.html. Every input is read and every score
/// computed before the first output is written, so bad input leaves no partial results; each file is written atomically.
/// </summary>
public static class Appraiser
{
    /// <summary>Entry point for <c>geo run</c>: matrices computed in memory, keyed by mode (ids = zone codes / site ids).</summary>
    public static AppraisalResult Run(Scenario scenario, IReadOnlyDictionary<string, TravelMatrix> matricesByMode, string outFolder, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Run(AppraisalInputs.Load(scenario, progress), matricesByMode, outFolder, progress);
    }

    /// <param name="placement">The placement outcome to state in summary.json (geo run), or null.</param>
    public static AppraisalResult Run(AppraisalInputs inputs, IReadOnlyDictionary<string, TravelMatrix> matricesByMode, string outFolder, IProgress<string>? progress,
        PlacementSummary? placement = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(matricesByMode);
        ArgumentNullException.ThrowIfNull(outFolder);
        var scenario = inputs.Scenario;
        foreach (var mode in scenario.Modes)
        {
            if (!matricesByMode.ContainsKey(mode))
            {
                throw new InputFileException(scenario.FilePath ?? "scenario", null, "$.matrices." + mode,
                    $"no travel-time matrix for mode '{mode}': add it to the scenario's \"matrices\" or pass --matrix {mode}=file.csv");
            }
        }
        progress?.Report("Scoring options");
        var scoring = OptionScorer.Score(scenario, inputs.Zones, inputs.Sites, matricesByMode, inputs.Costs, inputs.Allocations);
        progress?.Report("Computing metrics and equality impact");
        var equalitySettings = scenario.Equality ?? new EqualitySpec();
        var rankingWeights = scenario.Ranking ?? new RankingWeights();
        var aggregates = AppraisalAggregates.Compute(scoring, inputs.WeightsByService, equalitySettings, rankingWeights, Visits(inputs));
        progress?.Report("Describing methods and data");
        var methods = MethodsBuilder.Build(inputs, matricesByMode, equalitySettings, rankingWeights);
        var summary = new AppraisalSummary
        {
            Scenario = scenario.Name,
            GeneratedUtc = DateTime.UtcNow,
            Options = [.. scenario.AllOptions.Select(o => new OptionInfo(o.Id, o.DisplayName))],
            Modes = scenario.Modes,
            Services = scenario.Services,
            Metrics = aggregates.Metrics,
            Equality = aggregates.Equality,
            Ranking = aggregates.Ranking,
            RankingMethod = rankingWeights.Describe(),
            RankingWeights = rankingWeights,
            Methods = methods,
            TimeBandRule = Within.Rule,
            WeightedBy = inputs.WeightedBy,
            ZoneCount = inputs.Zones.Count,
            SiteCount = inputs.Sites.Count,
            KmEstimated = scoring.KmEstimated,
            EqualityRule = string.Create(CultureInfo.InvariantCulture,
                $"a group travels longer than before and its mean change exceeds the whole population's by more than {equalitySettings.AbsoluteMarginMinutes} minutes and by more than {equalitySettings.RelativeMargin:P0} of the population's absolute mean change; groups of fewer than {equalitySettings.MinGroupZones:N0} zones, {equalitySettings.MinGroupPeople:N0} people or (household groups) {equalitySettings.MinGroupHouseholds:N0} households are marked small and never flagged"),
            SCurveHorizonMinutes = aggregates.SCurveHorizonMinutes,
            Costs = inputs.Costs,
            InputIssues = scenario.Input.Issues.TotalCount,
            Sites = [.. inputs.Sites.Sites
                .Where(site => scenario.AllOptions.Any(o => o.Sites.ContainsKey(site.Id)))
                .Select(site => new SiteInfo(site.Id, site.Name, SiteStatus.Kind(scenario, site.Id),
                    scenario.AllOptions.ToDictionary(o => o.Id, o => SiteStatus.Status(scenario, o, site.Id), StringComparer.Ordinal)))],
            Placement = placement,
        };

        var files = new List<string>();
        string Out(string name)
        {
            var path = Path.Combine(outFolder, name);
            files.Add(path);
            return path;
        }
        Directory.CreateDirectory(outFolder);
        progress?.Report("Writing zone_results.csv");
        ZoneResultsWriter.WriteCsv(Out("zone_results.csv"), scoring);
        progress?.Report("Writing zone_results.parquet");
        ZoneResultsWriter.WriteParquet(Out("zone_results.parquet"), scoring);
        progress?.Report("Writing zones.geojson and sites.geojson");
        GeoJsonWriter.WriteZones(Out("zones.geojson"), inputs.Zones);
        GeoJsonWriter.WriteSites(Out("sites.geojson"), inputs.Sites, scenario);
        progress?.Report("Writing zones.gpkg");
        GeoPackageWriter.Write(Out("zones.gpkg"), scoring, scenario);
        progress?.Report("Writing matrices");
        foreach (var mode in scenario.Modes)
        {
            MatrixCsvWriter.Write(Out(Path.Combine("matrices", mode + ".csv")), matricesByMode[mode]);
        }
        progress?.Report("Writing summary.json");
        summary.Write(Out("summary.json"));
        if (InputIssuesFile.Write(scenario.Input.Issues, outFolder) is { } issuesFile)
        {
            files.Add(issuesFile);
        }
        progress?.Report("Writing report.html");
        HtmlReport.Write(Out("report.html"), summary, Path.Combine(outFolder, "maps"), Path.Combine(outFolder, "placement"));
        return new AppraisalResult(summary, scoring, files);
    }

    /// <summary>Visits per year per zone and service (scenario "visitsPerYear"), or null.</summary>
    private static double[][]? Visits(AppraisalInputs inputs)
    {
        var spec = inputs.Scenario.VisitsPerYear;
        if (spec is null)
        {
            return null;
        }
        var scenario = inputs.Scenario;
        var zones = inputs.Zones;
        var result = new double[scenario.Services.Count][];
        for (var s = 0; s < result.Length; s++)
        {
            var service = scenario.Services[s];
            if (spec.ZoneColumn is { } column)
            {
                if (!zones.HasNumeric(column))
                {
                    throw new InputFileException(scenario.FilePath ?? "scenario", null, "$.visitsPerYear.zoneColumn",
                        $"zone column '{column}' is not a loaded numeric column: add it to zones.extra or a join; numeric columns: {string.Join(", ", zones.NumericColumns)}");
                }
                result[s] = Array.ConvertAll(zones.Numeric(column), v => double.IsNaN(v) ? 0 : v);
            }
            else if (spec.PerService is { } perService && perService.TryGetValue(service, out var total))
            {
                var weights = inputs.WeightsByService[s];
                var sum = weights.Where(w => w > 0).Sum();
                result[s] = Array.ConvertAll(weights, w => sum > 0 && w > 0 ? total * w / sum : 0);
            }
            else
            {
                throw new InputFileException(scenario.FilePath ?? "scenario", null, "$.visitsPerYear",
                    $"visitsPerYear gives neither a zoneColumn nor a total for service '{service}'");
            }
        }
        return result;
    }

    /// <summary>Reads the scenario's inputs and external matrices (plus <paramref name="extraMatrices"/> files by mode, long layout) and runs.</summary>
    public static AppraisalResult RunWithFiles(Scenario scenario, IReadOnlyDictionary<string, string>? extraMatrices, string outFolder, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var inputs = AppraisalInputs.Load(scenario, progress);
        var matrices = new Dictionary<string, TravelMatrix>(inputs.ReadExternalMatrices(progress), StringComparer.Ordinal);
        if (extraMatrices is not null)
        {
            foreach (var (mode, file) in extraMatrices)
            {
                progress?.Report($"Reading {mode} matrix {file}");
                matrices[mode] = TravelMatrixReader.ReadLong(Path.GetFullPath(file), mode, input: scenario.Input);
            }
        }
        return Run(inputs, matrices, outFolder, progress);
    }
}
