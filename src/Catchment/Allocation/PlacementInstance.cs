using Geo.Core;

namespace Geo.Catchment.Allocation;

/// <summary>
/// The compact form the solvers work on: only zones with need &gt; 0 ("active") and only existing + candidate sites,
/// minutes row-major (zone x site) with +infinity for no route. Built once per solve.
/// </summary>
internal sealed class PlacementInstance
{
    public PlacementInstance(PlacementProblem problem)
    {
        Problem = problem;
        var zones = problem.ZoneCount;
        var sites = problem.SiteCount;
        var zoneOf = new List<int>(zones);
        for (var i = 0; i < zones; i++)
        {
            if (problem.Need[i] > 0)
            {
                zoneOf.Add(i);
            }
        }
        var siteOf = new List<int>(sites);
        for (var j = 0; j < sites; j++)
        {
            if (problem.IsExisting[j] || problem.IsCandidate[j])
            {
                siteOf.Add(j);
            }
        }
        ZoneOf = [.. zoneOf];
        SiteOf = [.. siteOf];
        ZoneCount = ZoneOf.Length;
        SiteCount = SiteOf.Length;
        Fixed = new bool[SiteCount];
        for (var s = 0; s < SiteCount; s++)
        {
            Fixed[s] = problem.IsExisting[SiteOf[s]];
            if (Fixed[s])
            {
                FixedCount++;
            }
        }
        CandidateCount = SiteCount - FixedCount;
        NewSites = problem.NewSites;
        ThresholdMinutes = problem.ThresholdMinutes;
        Need = new double[ZoneCount];
        Quintile = new int[ZoneCount];
        Core20 = new bool[ZoneCount];
        for (var z = 0; z < ZoneCount; z++)
        {
            var i = ZoneOf[z];
            Need[z] = problem.Need[i];
            TotalNeed += Need[z];
            var decile = problem.ImdDecile?[i] ?? 0;
            Quintile[z] = Imd.Quintile(decile);
            Core20[z] = Imd.IsCore20(decile);
            if (Core20[z])
            {
                Core20Need += Need[z];
            }
            if (Quintile[z] > 0)
            {
                QuintileNeed[Quintile[z]] += Need[z];
            }
        }
        Minutes = new double[(long)ZoneCount * SiteCount];
        var source = problem.Matrix.Minutes;
        Parallel.For(0, ZoneCount, z =>
        {
            var row = (long)ZoneOf[z] * sites;
            var target = (long)z * SiteCount;
            for (var s = 0; s < SiteOf.Length; s++)
            {
                var value = source[row + SiteOf[s]];
                Minutes[target + s] = double.IsNaN(value) ? double.PositiveInfinity : value;
            }
        });
        if (problem.Capacity is { } capacity)
        {
            Capacity = new double[SiteCount];
            for (var s = 0; s < SiteCount; s++)
            {
                Capacity[s] = capacity[SiteOf[s]];
            }
        }
        Core20MinShare = problem.Core20MinShare;
        MaxQuintileMeanMinutes = problem.MaxQuintileMeanMinutes;
    }

    public PlacementProblem Problem { get; }
    public int ZoneCount { get; }
    public int SiteCount { get; }
    /// <summary>Compact zone -> problem zone index.</summary>
    public int[] ZoneOf { get; }
    /// <summary>Compact site -> problem site index.</summary>
    public int[] SiteOf { get; }
    public bool[] Fixed { get; }
    public int FixedCount { get; }
    public int CandidateCount { get; }
    public int NewSites { get; }
    public double ThresholdMinutes { get; }
    public double[] Need { get; }
    public double TotalNeed { get; }
    /// <summary>IMD quintile 1-5 per compact zone, 0 = unknown.</summary>
    public int[] Quintile { get; }
    public double[] QuintileNeed { get; } = new double[6];
    public bool[] Core20 { get; }
    public double Core20Need { get; }
    /// <summary>Row-major compact zone x compact site, +infinity = no route.</summary>
    public double[] Minutes { get; }
    public double[]? Capacity { get; }
    public double? Core20MinShare { get; }
    public double? MaxQuintileMeanMinutes { get; }

    public bool HasEquity => Core20MinShare is not null || MaxQuintileMeanMinutes is not null;

    public bool Covers(int zone, int site) => Minutes[(long)zone * SiteCount + site] <= ThresholdMinutes;

    public double At(int zone, int site) => Minutes[(long)zone * SiteCount + site];

    public string ZoneId(int zone) => Problem.Matrix.OriginIds[ZoneOf[zone]];

    public string SiteId(int site) => Problem.Matrix.DestinationIds[SiteOf[site]];
}
