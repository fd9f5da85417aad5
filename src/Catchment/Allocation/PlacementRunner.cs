using Geo.Catchment.Inputs;
using Geo.Catchment.Need;
using Geo.Catchment.Scenarios;
using Geo.Routing.Geometry;
using Geo.Routing.Storage;

namespace Geo.Catchment.Allocation;

/// <summary>
/// In-memory entry point for <c>geo run</c>: builds a <see cref="PlacementProblem"/> from the scenario's placement block,
/// the loaded <see cref="ZoneTable"/> and a zone x site matrix (destinations = existing + candidate sites), solves it
/// and writes results/placement/.
/// </summary>
public static class PlacementRunner
{
    /// <summary>
    /// Need columns offered to the expression: population, age65plus, every numeric zone column, imd_core20 and imd_quintile.
    /// Sites in <see cref="PlacementSpec.Existing"/> are fixed open; every other matrix destination is a candidate.
    /// </summary>
    public static PlacementProblem BuildProblem(PlacementSpec spec, ZoneTable zones, TravelMatrix matrix,
        PlacementSolverChoice solver = PlacementSolverChoice.Auto, double timeLimitSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(matrix);
        if (!PlacementProblem.TryParseKind(spec.Problem, out var kind))
        {
            throw new InvalidPlacementProblemException($"placement problem '{spec.Problem}' is unknown; use pmedian, mclp, lscp, pcenter or cpmedian");
        }
        var ordered = PlacementInputs.Select(matrix, matrix.Mode + " matrix", zones.Codes, zones.Codes, matrix.DestinationIds, "the zone table");
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["population"] = zones.Population };
        if (zones.HasAge65Plus)
        {
            columns["age65plus"] = zones.Age65Plus;
        }
        foreach (var name in zones.NumericColumns)
        {
            columns.TryAdd(name, zones.Numeric(name));
        }
        NeedExpression.AddDerivedColumns(columns, zones.ImdDecile);
        var expression = NeedExpression.Parse(spec.Need ?? "population");
        var need = expression.Evaluate(columns, zones.Count, zones.Codes);
        var existing = new HashSet<string>(spec.Existing, StringComparer.Ordinal);
        var unknown = existing.Where(id => !ordered.DestinationIds.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidPlacementProblemException($"existing site(s) {string.Join(", ", unknown)} are not destinations of the matrix");
        }
        var isExisting = ordered.DestinationIds.Select(existing.Contains).ToArray();
        var groups = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["population"] = zones.Population };
        if (zones.HasAge65Plus)
        {
            groups["age65plus"] = zones.Age65Plus.Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        }
        return new PlacementProblem
        {
            Kind = kind,
            Matrix = ordered,
            Need = need,
            IsExisting = isExisting,
            IsCandidate = isExisting.Select(e => !e).ToArray(),
            NewSites = spec.P ?? 1,
            ThresholdMinutes = spec.Threshold ?? double.NaN,
            ImdDecile = zones.HasImd ? zones.ImdDecile : null,
            Solver = solver,
            TimeLimitSeconds = timeLimitSeconds,
            ReportGroups = groups,
            NeedExpression = expression.Text,
        };
    }

    /// <summary>Builds, solves and writes chosen_sites.csv, allocation.csv, placement.geojson and placement.json to <paramref name="outFolder"/>.</summary>
    /// <param name="sites">Optional site records (existing and candidates) for names and points in the outputs.</param>
    public static PlacementResult Run(PlacementSpec spec, ZoneTable zones, TravelMatrix matrix, string outFolder, IReadOnlyList<Site>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var problem = BuildProblem(spec, zones, matrix);
        PlacementResult result;
        try
        {
            result = LocationAllocation.Solve(problem);
        }
        catch (InvalidPlacementProblemException ex)
        {
            throw new ComputationException("placement: " + ex.Message);
        }
        var byId = sites?.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var geography = new PlacementGeography
        {
            ZonePoints = zones.Points.Select(p => p.IsValid ? p : (GeoPoint?)null).ToArray(),
            SitePoints = problem.Matrix.DestinationIds.Select(id => byId is not null && byId.TryGetValue(id, out var s) ? s.Point : (GeoPoint?)null).ToArray(),
            SiteNames = problem.Matrix.DestinationIds.Select(id => byId is not null && byId.TryGetValue(id, out var s) ? s.Name : null).ToArray(),
        };
        PlacementWriter.Write(result, outFolder, geography);
        return result;
    }
}
