using Geo.Catchment.Inputs;
using Geo.Core;

namespace Geo.Catchment.Allocation;

/// <summary>A visits-file row whose zone or site is not in the matrix (<see cref="Status"/> says which); kept, never compared.</summary>
public sealed record UnmatchedVisit(string ZoneId, string SiteId, double Count, int Line, VisitStatus Status);

/// <summary>The rows of a visits file: those matched to the matrix (as indices) and those that are not.</summary>
public sealed record VisitFile(IReadOnlyList<Visit> Matched, IReadOnlyList<UnmatchedVisit> Unmatched);

/// <summary>
/// Reads a visits CSV for observed-versus-nearest: patient zone (zone_id, zone, patient_zone, origin_id, lsoa21_code, lsoa),
/// site attended (site_id, site, site_attended, destination_id) and optional count (count, visits, n, patients; default 1).
/// A zone or site missing from the matrix does not stop the run: the row is returned as unmatched. A malformed row
/// (bad count) is an <see cref="InputFileException"/> naming file, line and field.
/// </summary>
public static class VisitReader
{
    public static VisitFile Read(string path, TravelMatrix matrix, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rowOf = Index(matrix.OriginIds);
        var columnOf = Index(matrix.DestinationIds);
        var matched = new List<Visit>();
        var unmatched = new List<UnmatchedVisit>();
        foreach (var (zoneId, siteId, c, line) in ReadRows(path, input))
        {
            if (!rowOf.TryGetValue(zoneId, out var o))
            {
                unmatched.Add(new UnmatchedVisit(zoneId, siteId, c, line, VisitStatus.UnmatchedZone));
            }
            else if (!columnOf.TryGetValue(siteId, out var d))
            {
                unmatched.Add(new UnmatchedVisit(zoneId, siteId, c, line, VisitStatus.UnmatchedSite));
            }
            else
            {
                matched.Add(new Visit(o, d, c, line));
            }
        }
        return new VisitFile(matched, unmatched);
    }

    /// <summary>The file's rows as written (zone id, site id, count, line), for uses without a matrix such as flow maps.</summary>
    public static IReadOnlyList<(string ZoneId, string SiteId, double Count, int Line)> ReadRows(string path, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var visits = CsvTable.Read(path, requireSameWidth: true, input);
        var zone = visits.RequireAny("patient zone", null, "zone_id", "zone", "patient_zone", "origin_id", "lsoa21_code", "lsoa");
        var site = visits.RequireAny("site attended", null, "site_id", "site", "site_attended", "destination_id");
        var count = visits.FindAny("count", "visits", "n", "patients");
        var rows = new List<(string, string, double, int)>(visits.Count);
        for (var r = 0; r < visits.Count; r++)
        {
            var c = count >= 0 ? visits.NumberOrNaN(r, count) : 1;
            if (!(c >= 0) || !double.IsFinite(c))
            {
                throw new InputFileException(path, visits.Lines[r], visits.Header[count], "count must be a number >= 0");
            }
            rows.Add((visits.Cell(r, zone), visits.Cell(r, site), c, visits.Lines[r]));
        }
        return rows;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> ids)
    {
        var index = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var k = 0; k < ids.Count; k++)
        {
            index.TryAdd(ids[k], k);
        }
        return index;
    }
}
