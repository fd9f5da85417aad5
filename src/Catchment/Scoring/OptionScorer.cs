using Geo.Catchment.Costs;
using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;
using Geo.Routing.Geometry;

namespace Geo.Catchment.Scoring;

/// <summary>
/// For every option x mode x service x zone: the destination is the open site providing the service with the least minutes
/// (ties: the site listed first in the site file), or the site of a fixed allocation; with its km, interchanges, money, carbon,
/// the change against the baseline and the next-nearest open site. Flat arrays, parallel over zone batches when large;
/// the output does not depend on the thread count.
/// </summary>
public static class OptionScorer
{
    private const int BatchSize = 2048;

    /// <param name="allocations">Optional fixed allocations by option id: zone code -> site id.</param>
    public static ScoringResult Score(Scenario scenario, ZoneTable zones, SiteTable sites,
        IReadOnlyDictionary<string, TravelMatrix> matricesByMode, CostSettings costs,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? allocations = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(matricesByMode);
        ArgumentNullException.ThrowIfNull(costs);
        var options = scenario.AllOptions;
        var modes = scenario.Modes;
        var services = scenario.Services;
        var nz = zones.Count;
        var blocks = new ScoreBlock[options.Count * modes.Count * services.Count];
        var kmEstimated = new Dictionary<string, bool>(StringComparer.Ordinal);

        // Open sites per option and service, in site-table order.
        var open = new int[options.Count][][];
        for (var o = 0; o < options.Count; o++)
        {
            open[o] = new int[services.Count][];
            for (var s = 0; s < services.Count; s++)
            {
                var list = new List<int>();
                foreach (var (siteId, siteServices) in options[o].Sites)
                {
                    if (siteServices.Contains(services[s]))
                    {
                        var index = sites.IndexOf(siteId);
                        if (index < 0)
                        {
                            throw new InputFileException(scenario.FilePath ?? "scenario", null, "options." + options[o].Id + ".sites." + siteId,
                                $"option '{options[o].Id}' names site '{siteId}', which is not in the site file");
                        }
                        list.Add(index);
                    }
                }
                list.Sort();
                open[o][s] = [.. list];
            }
        }
        var allocated = new int[options.Count][];
        for (var o = 0; o < options.Count; o++)
        {
            if (allocations is not null && allocations.TryGetValue(options[o].Id, out var map))
            {
                var a = new int[nz];
                Array.Fill(a, -1);
                foreach (var (zoneCode, siteId) in map)
                {
                    var z = zones.IndexOf(zoneCode);
                    var site = sites.IndexOf(siteId);
                    if (z >= 0 && site >= 0)
                    {
                        a[z] = site;
                    }
                }
                allocated[o] = a;
            }
        }

        for (var m = 0; m < modes.Count; m++)
        {
            var mode = modes[m];
            if (!matricesByMode.TryGetValue(mode, out var matrix))
            {
                throw new ComputationException($"no travel-time matrix for mode '{mode}'");
            }
            var (rowOfZone, columnOfSite) = Index(matrix, zones, sites, open);
            var estimate = matrix.Kilometres is null && costs.DetourFactor > 0;
            kmEstimated[mode] = estimate;
            var cost = new CostModel(costs, mode);
            for (var o = 0; o < options.Count; o++)
            {
                for (var s = 0; s < services.Count; s++)
                {
                    var block = new ScoreBlock(o, options[o].Id, mode, services[s], nz);
                    blocks[(o * modes.Count + m) * services.Count + s] = block;
                    var work = new BlockWork(matrix, zones, sites, rowOfZone, columnOfSite, open[o][s], allocated[o], cost,
                        estimate ? costs.DetourFactor : 0, block);
                    RunBatches(nz, work);
                }
            }
            for (var s = 0; s < services.Count; s++)
            {
                var baseline = blocks[(0 * modes.Count + m) * services.Count + s];
                for (var o = 0; o < options.Count; o++)
                {
                    var block = blocks[(o * modes.Count + m) * services.Count + s];
                    var change = block.ChangeMinutes;
                    for (var z = 0; z < nz; z++)
                    {
                        change[z] = block.Status[z] == ZoneStatus.Ok && baseline.Status[z] == ZoneStatus.Ok
                            ? block.Minutes[z] - baseline.Minutes[z]
                            : double.NaN;
                    }
                }
            }
        }
        return new ScoringResult(options, modes, services, zones, sites, blocks, kmEstimated);
    }

    private static void RunBatches(int zones, BlockWork work)
    {
        var batches = (zones + BatchSize - 1) / BatchSize;
        if (batches <= 1)
        {
            work.Run(0, zones);
            return;
        }
        Parallel.For(0, batches, b => work.Run(b * BatchSize, Math.Min(zones, (b + 1) * BatchSize)));
    }

    private static (int[] RowOfZone, int[] ColumnOfSite) Index(TravelMatrix matrix, ZoneTable zones, SiteTable sites, int[][][] open)
    {
        var source = matrix.Source ?? matrix.Mode + " matrix";
        var originIndex = new Dictionary<string, int>(matrix.OriginCount, StringComparer.Ordinal);
        for (var i = 0; i < matrix.OriginCount; i++)
        {
            originIndex.TryAdd(matrix.OriginIds[i], i);
        }
        var destinationIndex = new Dictionary<string, int>(matrix.DestinationCount, StringComparer.Ordinal);
        for (var i = 0; i < matrix.DestinationCount; i++)
        {
            destinationIndex.TryAdd(matrix.DestinationIds[i], i);
        }
        var columnOfSite = new int[sites.Count];
        for (var site = 0; site < sites.Count; site++)
        {
            columnOfSite[site] = destinationIndex.TryGetValue(sites[site].Id, out var c) ? c : -1;
        }
        // Every site that some option opens must be a destination.
        foreach (var perOption in open)
        {
            foreach (var list in perOption)
            {
                foreach (var site in list)
                {
                    if (columnOfSite[site] < 0)
                    {
                        throw new InputFileException(source, null, "destination",
                            $"missing pair: the {matrix.Mode} matrix has no destination '{sites[site].Id}' (first missing pair: '{zones.Codes[0]}' -> '{sites[site].Id}')");
                    }
                }
            }
        }
        var rowOfZone = new int[zones.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            if (!originIndex.TryGetValue(zones.Codes[z], out var r))
            {
                var firstSite = open[0][0].Length > 0 ? sites[open[0][0][0]].Id : "?";
                throw new InputFileException(source, null, "origin",
                    $"missing pair: the {matrix.Mode} matrix has no origin '{zones.Codes[z]}' (zone '{zones.Names[z]}'; first missing pair: '{zones.Codes[z]}' -> '{firstSite}')");
            }
            rowOfZone[z] = r;
        }
        return (rowOfZone, columnOfSite);
    }

    private sealed class BlockWork(
        TravelMatrix matrix, ZoneTable zones, SiteTable sites, int[] rowOfZone, int[] columnOfSite, int[] open, int[]? allocated,
        CostModel cost, double detourFactor, ScoreBlock block)
    {
        public void Run(int from, int to)
        {
            var minutes = matrix.Minutes;
            var kms = matrix.Kilometres;
            var interchanges = matrix.Interchanges;
            var fares = matrix.Fares;
            var unsnapped = matrix.UnsnappedOrigins;
            var nd = matrix.DestinationCount;
            var openSites = open.AsSpan();
            Span<int> openColumns = openSites.Length <= 512 ? stackalloc int[openSites.Length] : new int[openSites.Length];
            for (var k = 0; k < openSites.Length; k++)
            {
                openColumns[k] = columnOfSite[openSites[k]];
            }
            for (var z = from; z < to; z++)
            {
                var row = rowOfZone[z];
                var rowStart = row * nd;
                int best = -1, second = -1;
                double bestMinutes = double.PositiveInfinity, secondMinutes = double.PositiveInfinity;
                for (var k = 0; k < openColumns.Length; k++)
                {
                    var t = minutes[rowStart + openColumns[k]];
                    if (t < bestMinutes)
                    {
                        second = best;
                        secondMinutes = bestMinutes;
                        best = k;
                        bestMinutes = t;
                    }
                    else if (t < secondMinutes)
                    {
                        second = k;
                        secondMinutes = t;
                    }
                }
                var chosen = best;
                var next = second;
                if (allocated is not null && allocated[z] >= 0)
                {
                    var k = openSites.IndexOf(allocated[z]);
                    if (k >= 0)
                    {
                        chosen = k;
                        next = k == best ? second : best;
                    }
                }
                if (unsnapped is not null && unsnapped[row])
                {
                    SetMissing(z, ZoneStatus.Unsnapped);
                    continue;
                }
                var chosenMinutes = chosen >= 0 ? minutes[rowStart + openColumns[chosen]] : double.NaN;
                if (chosen < 0 || double.IsNaN(chosenMinutes))
                {
                    SetMissing(z, ZoneStatus.Unreachable);
                    continue;
                }
                var cell = rowStart + openColumns[chosen];
                var site = openSites[chosen];
                var km = kms is not null ? kms[cell]
                    : detourFactor > 0 ? GeoPoint.DistanceMetres(zones.Points[z], sites[site].Point) / 1000.0 * detourFactor
                    : double.NaN;
                var fare = fares is not null ? fares[cell] : double.NaN;
                var money = cost.CostGbp(km, fare);
                block.Site[z] = site;
                block.Minutes[z] = chosenMinutes;
                block.Km[z] = km;
                block.Interchanges[z] = interchanges is not null ? interchanges[cell] : double.NaN;
                block.CostGbp[z] = money;
                block.CarbonKg[z] = cost.CarbonKg(km);
                block.GeneralisedCostGbp[z] = cost.GeneralisedCostGbp(chosenMinutes, money);
                block.Status[z] = ZoneStatus.Ok;
                var nextMinutes = next >= 0 ? minutes[rowStart + openColumns[next]] : double.NaN;
                if (next >= 0 && !double.IsNaN(nextMinutes))
                {
                    block.NextSite[z] = openSites[next];
                    block.NextMinutes[z] = nextMinutes;
                }
                else
                {
                    block.NextSite[z] = -1;
                    block.NextMinutes[z] = double.NaN;
                }
            }
        }

        private void SetMissing(int z, ZoneStatus status)
        {
            block.Site[z] = -1;
            block.NextSite[z] = -1;
            block.Minutes[z] = double.NaN;
            block.Km[z] = double.NaN;
            block.Interchanges[z] = double.NaN;
            block.CostGbp[z] = double.NaN;
            block.CarbonKg[z] = double.NaN;
            block.GeneralisedCostGbp[z] = double.NaN;
            block.NextMinutes[z] = double.NaN;
            block.Status[z] = status;
        }
    }
}
