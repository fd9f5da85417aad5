using Geo.Catchment.Scenarios;
using System.Globalization;
using System.Text;
using Geo.Catchment.Inputs;

namespace Geo.Catchment.Allocation;

/// <summary>
/// A location-allocation problem on a zone-by-site travel matrix (origins = zones, destinations = sites).
/// <para>Sites are <b>existing</b> (always open, fixed) or <b>candidates</b>; a site that is neither is ignored.
/// <see cref="NewSites"/> (p) is the number of candidates to open <i>in addition to</i> the existing sites
/// (ignored by LSCP, which minimises it).</para>
/// <para>Only zones with need &gt; 0 take part in the optimisation (zero-need zones are still reported with their nearest open site).
/// A NaN matrix cell means no route: that zone cannot be served by that site, and it is never "within the threshold".</para>
/// <para>Equity constraints (optional, any problem): <see cref="Core20MinShare"/> is a floor on the share of the need of Core20 zones
/// (IMD decile 1-2) that has an open site within <see cref="ThresholdMinutes"/>; <see cref="MaxQuintileMeanMinutes"/> caps, for every
/// IMD quintile, the need-weighted mean minutes to the nearest open site (so it caps the worst quintile).</para>
/// </summary>
public sealed record PlacementProblem
{
    public required PlacementProblemKind Kind { get; init; }

    /// <summary>Zones (origins) by sites (destinations), minutes, NaN = no route.</summary>
    public required TravelMatrix Matrix { get; init; }

    /// <summary>Need (demand) per zone, in matrix origin order; non-negative (see <see cref="Need.NeedExpression"/>).</summary>
    public required double[] Need { get; init; }

    /// <summary>Per site: already open and kept open.</summary>
    public required bool[] IsExisting { get; init; }

    /// <summary>Per site: may be opened. A site that is both existing and candidate counts as existing.</summary>
    public required bool[] IsCandidate { get; init; }

    /// <summary>p: candidates to open in addition to the existing sites (exactly p). Ignored by LSCP.</summary>
    public int NewSites { get; init; }

    /// <summary>Coverage threshold in minutes: required by MCLP, LSCP and <see cref="Core20MinShare"/>; otherwise used for coverage reporting only (NaN = none).</summary>
    public double ThresholdMinutes { get; init; } = double.NaN;

    /// <summary>Capacity per site in need units (capacitated p-median only; every existing and candidate site needs one, &gt;= 0).</summary>
    public double[]? Capacity { get; init; }

    /// <summary>Capacitated p-median: false (default) = single assignment (each zone's whole need goes to one site);
    /// true = split assignment (a zone's need may be shared between sites).</summary>
    public bool SplitAssignment { get; init; }

    /// <summary>IMD decile per zone (1 = most deprived, 0 = unknown); needed by the equity constraints and the quintile report.</summary>
    public int[]? ImdDecile { get; init; }

    /// <summary>Equity floor: the share (0-1) of Core20 need (IMD decile 1-2) that must have an open site within the threshold.</summary>
    public double? Core20MinShare { get; init; }

    /// <summary>Equity cap: every IMD quintile's need-weighted mean minutes to its nearest open site must be at most this.</summary>
    public double? MaxQuintileMeanMinutes { get; init; }

    public PlacementSolverChoice Solver { get; init; } = PlacementSolverChoice.Auto;

    /// <summary>Time limit for the solver in seconds (exact: then the best solution with its bound and gap is returned).</summary>
    public double TimeLimitSeconds { get; init; } = 60;

    /// <summary>Optional zone weights for the group report (e.g. "population", "age65plus"): coverage and mean minutes weighted by each.</summary>
    public IReadOnlyDictionary<string, double[]>? ReportGroups { get; init; }

    /// <summary>The need expression text, reported in placement.json.</summary>
    public string? NeedExpression { get; init; }

    public int ZoneCount => Matrix.OriginCount;
    public int SiteCount => Matrix.DestinationCount;

    /// <summary>
    /// Throws <see cref="InvalidPlacementProblemException"/> listing every way the problem is badly posed (lengths, signs,
    /// missing threshold, no site at all). Infeasibility of a well-posed problem (p above the candidates, zones out of reach)
    /// is not checked here: <see cref="LocationAllocation.Solve"/> returns it as a status.
    /// </summary>
    public void Validate()
    {
        var problems = new List<string>();
        var zones = ZoneCount;
        var sites = SiteCount;
        if (Need.Length != zones)
        {
            problems.Add($"need has {Need.Length} values but the matrix has {zones} zones");
        }
        else
        {
            for (var i = 0; i < zones; i++)
            {
                if (!double.IsFinite(Need[i]) || Need[i] < 0)
                {
                    problems.Add($"need of zone '{Matrix.OriginIds[i]}' is {Format(Need[i])}; need must be a finite number >= 0");
                    break;
                }
            }
        }
        if (IsExisting.Length != sites || IsCandidate.Length != sites)
        {
            problems.Add($"existing/candidate flags must have one value per site ({sites})");
        }
        else
        {
            var existing = IsExisting.Count(e => e);
            if (NewSites < 0)
            {
                problems.Add($"p (new sites) is {NewSites}; it must be >= 0");
            }
            if (Kind != PlacementProblemKind.Lscp && NewSites + existing == 0)
            {
                problems.Add("no site would be open: give existing sites or p >= 1");
            }
        }
        var needsThreshold = Kind is PlacementProblemKind.Mclp or PlacementProblemKind.Lscp || Core20MinShare is not null;
        if (needsThreshold && !(double.IsFinite(ThresholdMinutes) && ThresholdMinutes > 0))
        {
            problems.Add($"a threshold in minutes > 0 is required for {KindName(Kind)}{(Core20MinShare is null ? "" : " and the Core20 coverage floor")}");
        }
        else if (!double.IsNaN(ThresholdMinutes) && !(double.IsFinite(ThresholdMinutes) && ThresholdMinutes > 0))
        {
            problems.Add($"threshold is {Format(ThresholdMinutes)}; it must be > 0 minutes");
        }
        if (Kind == PlacementProblemKind.CapacitatedPMedian)
        {
            if (Capacity is null)
            {
                problems.Add("the capacitated p-median needs a capacity for every site");
            }
            else if (Capacity.Length != sites)
            {
                problems.Add($"capacity has {Capacity.Length} values but there are {sites} sites");
            }
        }
        if (Capacity is not null && Capacity.Length == sites && IsExisting.Length == sites && IsCandidate.Length == sites)
        {
            for (var j = 0; j < sites; j++)
            {
                if ((IsExisting[j] || IsCandidate[j]) && (!double.IsFinite(Capacity[j]) || Capacity[j] < 0))
                {
                    problems.Add($"capacity of site '{Matrix.DestinationIds[j]}' is {Format(Capacity[j])}; capacities must be finite and >= 0");
                }
            }
        }
        if (ImdDecile is not null)
        {
            if (ImdDecile.Length != zones)
            {
                problems.Add($"IMD deciles have {ImdDecile.Length} values but there are {zones} zones");
            }
            else
            {
                for (var i = 0; i < zones; i++)
                {
                    if (ImdDecile[i] is < 0 or > 10)
                    {
                        problems.Add($"IMD decile of zone '{Matrix.OriginIds[i]}' is {ImdDecile[i]}; it must be 1-10 (0 = unknown)");
                        break;
                    }
                }
            }
        }
        if (Core20MinShare is { } share)
        {
            if (!(share >= 0 && share <= 1))
            {
                problems.Add($"the Core20 coverage floor is {Format(share)}; it must be a share between 0 and 1");
            }
            if (ImdDecile is null)
            {
                problems.Add("the Core20 coverage floor needs IMD deciles per zone");
            }
        }
        if (MaxQuintileMeanMinutes is { } cap)
        {
            if (!(double.IsFinite(cap) && cap > 0))
            {
                problems.Add($"the quintile mean-minutes cap is {Format(cap)}; it must be > 0");
            }
            if (ImdDecile is null)
            {
                problems.Add("the quintile mean-minutes cap needs IMD deciles per zone");
            }
        }
        if (!(TimeLimitSeconds > 0))
        {
            problems.Add($"time limit is {Format(TimeLimitSeconds)} s; it must be > 0");
        }
        var minutes = Matrix.Minutes;
        for (var k = 0; k < minutes.Length; k++)
        {
            if (minutes[k] < 0 || double.IsInfinity(minutes[k]))
            {
                problems.Add($"matrix minutes from zone '{Matrix.OriginIds[k / sites]}' to site '{Matrix.DestinationIds[k % sites]}' is {Format(minutes[k])}; minutes must be >= 0 (NaN = no route)");
                break;
            }
        }
        if (ReportGroups is not null)
        {
            foreach (var (name, values) in ReportGroups)
            {
                if (values.Length != zones)
                {
                    problems.Add($"report group '{name}' has {values.Length} values but there are {zones} zones");
                }
            }
        }
        if (problems.Count > 0)
        {
            var text = new StringBuilder("invalid placement problem: ");
            text.AppendJoin("; ", problems);
            throw new InvalidPlacementProblemException(text.ToString());
        }
    }

    /// <summary>Command-line name of a problem kind (pmedian, mclp, lscp, pcenter, cpmedian).</summary>
    public static string KindName(PlacementProblemKind kind) => kind switch
    {
        PlacementProblemKind.PMedian => "pmedian",
        PlacementProblemKind.Mclp => "mclp",
        PlacementProblemKind.Lscp => "lscp",
        PlacementProblemKind.PCenter => "pcenter",
        PlacementProblemKind.CapacitatedPMedian => "cpmedian",
        _ => kind.ToString(),
    };

    /// <summary>Parses a command-line problem name; false when unknown.</summary>
    public static bool TryParseKind(string text, out PlacementProblemKind kind) => PlacementProblemKinds.TryParse(text, out kind);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
