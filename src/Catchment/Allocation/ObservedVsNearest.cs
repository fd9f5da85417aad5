namespace Geo.Catchment.Allocation;

/// <summary>One row of a visits file: patients from <see cref="Zone"/> (matrix origin) who attended <see cref="Site"/> (matrix destination), <see cref="Count"/> times.</summary>
public readonly record struct Visit(int Zone, int Site, double Count, int Line = 0);

/// <summary>
/// A visit compared with the nearest site: actual minutes to the attended site, minutes to the nearest site, and the
/// possible saving (actual - nearest, never negative unless the attended site has no route, in which case NaN).
/// </summary>
public readonly record struct VisitComparison(Visit Visit, double ActualMinutes, int NearestSite, double NearestMinutes, double SavingMinutes);

/// <summary>Totals for one zone (or overall when <see cref="Zone"/> is -1); minutes are visit-weighted means.</summary>
public sealed record ObservedVsNearestSummary(int Zone, double Visits, double MeanActualMinutes, double MeanNearestMinutes, double MeanSavingMinutes,
    double TotalSavingMinutes, double ShareAtNearest, double VisitsWithoutRoute);

/// <summary>Result of <see cref="ObservedVsNearest.Compare"/>.</summary>
public sealed record ObservedVsNearestResult(IReadOnlyList<VisitComparison> Visits, IReadOnlyList<ObservedVsNearestSummary> ByZone, ObservedVsNearestSummary Overall);

/// <summary>
/// Observed versus nearest: for each visit (patient zone, site attended, count), the actual travel time, the time to the
/// nearest (optionally: open) site, and the possible saving; summarised by zone and overall, weighted by the visit counts.
/// A visit counts as "at nearest" when the attended site is as fast as the nearest. Visits whose attended site has no route
/// are counted in VisitsWithoutRoute and left out of the means.
/// </summary>
public static class ObservedVsNearest
{
    public static ObservedVsNearestResult Compare(Inputs.TravelMatrix matrix, IReadOnlyList<Visit> visits, bool[]? siteMask = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(visits);
        var nearest = NearestSite.Find(matrix, siteMask);
        var rows = new List<VisitComparison>(visits.Count);
        foreach (var visit in visits)
        {
            if ((uint)visit.Zone >= (uint)matrix.OriginCount || (uint)visit.Site >= (uint)matrix.DestinationCount)
            {
                throw new ArgumentOutOfRangeException(nameof(visits), "visit zone or site index is outside the matrix");
            }
            var actual = matrix.MinutesAt(visit.Zone, visit.Site);
            var n = nearest[visit.Zone];
            var saving = double.IsNaN(actual) || double.IsNaN(n.Minutes) ? double.NaN : Math.Max(0, actual - n.Minutes);
            rows.Add(new VisitComparison(visit, actual, n.Site, n.Minutes, saving));
        }
        var byZone = new List<ObservedVsNearestSummary>();
        foreach (var group in rows.GroupBy(r => r.Visit.Zone).OrderBy(g => g.Key))
        {
            byZone.Add(Summarise(group.Key, group));
        }
        return new ObservedVsNearestResult(rows, byZone, Summarise(-1, rows));
    }

    private static ObservedVsNearestSummary Summarise(int zone, IEnumerable<VisitComparison> rows)
    {
        double visits = 0, counted = 0, actual = 0, nearest = 0, saving = 0, atNearest = 0, noRoute = 0;
        foreach (var r in rows)
        {
            var c = r.Visit.Count;
            visits += c;
            if (double.IsNaN(r.SavingMinutes))
            {
                noRoute += c;
                continue;
            }
            counted += c;
            actual += c * r.ActualMinutes;
            nearest += c * r.NearestMinutes;
            saving += c * r.SavingMinutes;
            if (r.SavingMinutes <= 0)
            {
                atNearest += c;
            }
        }
        return counted > 0
            ? new ObservedVsNearestSummary(zone, visits, actual / counted, nearest / counted, saving / counted, saving, atNearest / counted, noRoute)
            : new ObservedVsNearestSummary(zone, visits, double.NaN, double.NaN, double.NaN, 0, double.NaN, noRoute);
    }
}
