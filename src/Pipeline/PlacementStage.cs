using System.Globalization;
using Geo.Catchment.Allocation;
using Geo.Catchment.Inputs;
using Geo.Catchment.Need;
using Geo.Catchment.Reports;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Pipeline;

/// <summary>
/// The scenario's "placement" block as a <see cref="PlacementProblem"/> on the run's matrix for the placement mode:
/// candidates = the sites in the candidates file, existing = the ids listed in "existing", need = the need expression
/// over zone columns (population, age65plus, every numeric zone column, imd_core20, imd_quintile).
/// Solved before anything is written; <see cref="Write"/> writes results/placement/. A badly posed block is bad input (exit 3);
/// an infeasible one is a result like any other: the run carries on, placement.json and summary.json give the status and reason.
/// </summary>
internal static class PlacementStage
{
    public const string Folder = "placement";

    public static string ModeOf(Scenario scenario) => scenario.Placement?.Mode ?? "car";

    public static PlacementResult Solve(Scenario scenario, ZoneTable zones, SiteTable sites, TravelMatrix matrix, IProgress<string> progress)
    {
        var spec = scenario.Placement ?? throw new InvalidOperationException("the scenario has no placement block");
        var file = scenario.FilePath ?? "scenario";
        if (!PlacementProblem.TryParseKind(spec.Problem, out var kind))
        {
            throw new InputFileException(file, null, "placement.problem", $"unknown problem '{spec.Problem}'; valid: pmedian, mclp, lscp, pcenter, cpmedian");
        }
        if (kind == PlacementProblemKind.CapacitatedPMedian)
        {
            // TODO(geo run): capacities are not in the scenario contract yet; use `geo place` for cpmedian.
            throw new InputFileException(file, null, "placement.problem", "cpmedian needs site capacities, which the scenario file cannot give yet; use pmedian, mclp, lscp or pcenter");
        }
        var isCandidate = new bool[sites.Count];
        if (spec.Candidates is { } candidates && !string.IsNullOrWhiteSpace(candidates.File))
        {
            foreach (var site in SiteLoader.Read(candidates, scenario.Resolve, scenario.Input.Reread()))
            {
                var index = sites.IndexOf(site.Id);
                if (index >= 0)
                {
                    isCandidate[index] = true;
                }
            }
        }
        var isExisting = new bool[sites.Count];
        foreach (var id in spec.Existing)
        {
            var index = sites.IndexOf(id);
            if (index < 0)
            {
                throw new InputFileException(file, null, "placement.existing", $"site '{id}' is not in the sites or candidates file");
            }
            isExisting[index] = true;
        }

        var needText = string.IsNullOrWhiteSpace(spec.Need) ? "population" : spec.Need;
        double[] need;
        try
        {
            need = NeedExpression.Parse(needText).Evaluate(ZoneNeedColumns.For(zones), zones.Count, zones.Codes);
        }
        catch (NeedExpressionException e)
        {
            throw new InputFileException(file, null, "placement.need", e.Message);
        }

        var problem = new PlacementProblem
        {
            Kind = kind,
            Matrix = matrix,
            Need = need,
            IsExisting = isExisting,
            IsCandidate = isCandidate,
            NewSites = spec.P ?? 1,
            ThresholdMinutes = spec.Threshold ?? double.NaN,
            ImdDecile = zones.HasImd ? zones.ImdDecile : null,
            NeedExpression = needText,
            ReportGroups = zones.HasAge65Plus
                ? new Dictionary<string, double[]>(StringComparer.Ordinal) { ["population"] = zones.Population, ["age65plus"] = zones.Age65Plus }
                : new Dictionary<string, double[]>(StringComparer.Ordinal) { ["population"] = zones.Population },
        };
        try
        {
            problem.Validate();
        }
        catch (InvalidPlacementProblemException e)
        {
            throw new InputFileException(file, null, "placement", e.Message);
        }
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"placement: {PlacementProblem.KindName(kind)}, p = {problem.NewSites}, {matrix.Mode}"));
        return LocationAllocation.Solve(problem);
    }

    /// <summary>Writes results/placement/ and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(PlacementResult result, string outFolder, ZoneTable zones, SiteTable sites)
    {
        var zonePoints = new GeoPoint?[zones.Count];
        for (var i = 0; i < zonePoints.Length; i++)
        {
            zonePoints[i] = zones.Points[i];
        }
        var sitePoints = new GeoPoint?[sites.Count];
        var siteNames = new string?[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            sitePoints[i] = sites[i].Point;
            siteNames[i] = sites[i].Name;
        }
        return PlacementWriter.Write(result, Path.Combine(outFolder, Folder),
            new PlacementGeography { ZonePoints = zonePoints, SitePoints = sitePoints, SiteNames = siteNames });
    }

    public static string Describe(PlacementResult result)
    {
        if (!result.HasSelection)
        {
            return $"{result.Status.ToCode()}: {result.Reason}";
        }
        var ids = result.OpenSites.Select(s => result.Problem.Matrix.DestinationIds[s]);
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Solver}, {result.Status.ToCode()}: open {string.Join(", ", ids)}; objective {result.Objective:G6} ({result.ObjectiveDescription})");
    }

    /// <summary>The line for summary.json.</summary>
    public static PlacementSummary Summary(PlacementResult result) => new(
        PlacementProblem.KindName(result.Problem.Kind), result.Status.ToCode(), result.Reason,
        [.. result.NewSites.Select(s => result.Problem.Matrix.DestinationIds[s])]);

    /// <summary>The run's warning when the placement has no selection (the other results are still written).</summary>
    public static string Warning(PlacementResult result) =>
        $"placement {result.Status.ToCode()}: {result.Reason}; the other results were written and placement/placement.json gives the status";
}
