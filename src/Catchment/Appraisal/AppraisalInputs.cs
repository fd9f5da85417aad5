using Geo.Catchment.Costs;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Appraisal;

/// <summary>
/// Everything an appraisal reads besides the matrices: zones, sites (plus placement candidates), costs, the weight per
/// service (demand, or residents), and fixed allocations. <see cref="Load"/> validates the scenario against the site ids.
/// </summary>
public sealed record AppraisalInputs(
    Scenario Scenario,
    ZoneTable Zones,
    SiteTable Sites,
    CostSettings Costs,
    IReadOnlyList<double[]> WeightsByService,
    string WeightedBy,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Allocations)
{
    public static AppraisalInputs Load(Scenario scenario, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        progress?.Report("Reading zones");
        var zones = ZoneLoader.Load(scenario);
        progress?.Report("Reading sites");
        var sites = SiteLoader.Load(scenario);
        try
        {
            scenario.Validate(sites.Ids);
        }
        catch (InputFileException ex) when (scenario.Input.Issues.Issues is [var first, ..])
        {
            // e.g. an option names a site whose row was skipped: say so.
            throw new InputFileException(ex.File, ex.Line, ex.Field,
                $"{ex.Problem}; note: {scenario.Input.Issues.TotalCount} input row issue(s) skipped rows, the first: {first}");
        }
        var costs = CostSettings.For(scenario);
        IReadOnlyList<double[]> weights;
        var weightedBy = "population";
        if (scenario.Demand is not null)
        {
            progress?.Report("Reading demand");
            weights = ReadDemand(scenario, scenario.Demand, zones);
            weightedBy = "demand";
        }
        else
        {
            weights = [.. scenario.Services.Select(_ => zones.Population)];
        }
        var allocations = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var option in scenario.AllOptions)
        {
            if (option.Allocation is not null)
            {
                allocations[option.Id] = ReadAllocation(scenario.Resolve(option.Allocation.File), option.Allocation, zones, sites, scenario.Input);
            }
        }
        return new AppraisalInputs(scenario, zones, sites, costs, weights, weightedBy, allocations);
    }

    /// <summary>Reads the scenario's external matrices (those in <c>matrices</c>) keyed by mode.</summary>
    public IReadOnlyDictionary<string, TravelMatrix> ReadExternalMatrices(IProgress<string>? progress = null)
    {
        var result = new Dictionary<string, TravelMatrix>(StringComparer.Ordinal);
        if (Scenario.Matrices is null)
        {
            return result;
        }
        foreach (var (mode, spec) in Scenario.Matrices)
        {
            progress?.Report($"Reading {mode} matrix");
            result[mode] = TravelMatrixReader.Read(spec, mode, Scenario.Resolve, Zones, Sites, Scenario.Input);
        }
        return result;
    }

    private static double[][] ReadDemand(Scenario scenario, DemandSpec spec, ZoneTable zones)
    {
        var path = scenario.Resolve(spec.File);
        var table = CsvTable.Read(path, input: scenario.Input);
        var zoneColumn = table.Require(spec.Zone, "demand zone");
        var valueColumn = table.Require(spec.Value, "demand value");
        var serviceColumn = spec.Service is null ? -1 : table.Require(spec.Service, "demand service");
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        if (spec.ZoneKey == "name")
        {
            for (var z = 0; z < zones.Count; z++)
            {
                byName.TryAdd(zones.Names[z], z);
            }
        }
        var services = scenario.Services;
        var weights = new double[services.Count][];
        var lineOf = new int[services.Count][];
        for (var s = 0; s < services.Count; s++)
        {
            weights[s] = new double[zones.Count];
            lineOf[s] = new int[zones.Count];
        }
        for (var r = 0; r < table.Count; r++)
        {
            var key = table.Cell(r, zoneColumn);
            var z = spec.ZoneKey == "name" ? (byName.TryGetValue(key, out var i) ? i : -1) : zones.IndexOf(key);
            if (z < 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[zoneColumn], $"unknown zone {(spec.ZoneKey == "name" ? "name" : "code")} '{key}'");
            }
            var value = table.Number(r, valueColumn);
            if (value < 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[valueColumn], "negative demand");
            }
            for (var s = 0; s < services.Count; s++)
            {
                if (serviceColumn >= 0 && !string.Equals(table.Cell(r, serviceColumn), services[s], StringComparison.Ordinal))
                {
                    continue;
                }
                if (lineOf[s][z] != 0)
                {
                    throw new InputFileException(path, table.Lines[r], table.Header[zoneColumn],
                        $"zone '{key}' has a second demand row for '{services[s]}' (first at line {lineOf[s][z]})");
                }
                lineOf[s][z] = table.Lines[r];
                weights[s][z] = value;
            }
        }
        for (var s = 0; s < services.Count; s++)
        {
            for (var z = 0; z < zones.Count; z++)
            {
                if (lineOf[s][z] == 0)
                {
                    throw new InputFileException(path, null, spec.Zone, $"zone '{zones.Codes[z]}' has no demand row for service '{services[s]}'");
                }
            }
        }
        return weights;
    }

    private static Dictionary<string, string> ReadAllocation(string path, AllocationSpec spec, ZoneTable zones, SiteTable sites, InputOptions input)
    {
        var table = CsvTable.Read(path, input: input);
        var zc = table.Require(spec.Zone, "allocation zone");
        var sc = table.Require(spec.Site, "allocation site");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < table.Count; r++)
        {
            var zone = table.Cell(r, zc);
            var site = table.Cell(r, sc);
            if (zones.IndexOf(zone) < 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[zc], $"unknown zone code '{zone}'");
            }
            if (sites.IndexOf(site) < 0)
            {
                throw new InputFileException(path, table.Lines[r], table.Header[sc], $"unknown site id '{site}'");
            }
            if (!map.TryAdd(zone, site))
            {
                throw new InputFileException(path, table.Lines[r], table.Header[zc], $"zone '{zone}' is allocated twice");
            }
        }
        return map;
    }
}
