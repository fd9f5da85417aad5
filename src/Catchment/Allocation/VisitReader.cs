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
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(matrix);
        var visits = CsvTable.Read(path, requireSameWidth: true, input);
        var zone = visits.RequireAny("patient zone", null, "zone_id", "zone", "patient_zone", "origin_id", "lsoa21_code", "lsoa");
        var site = visits.RequireAny("site attended", null, "site_id", "site", "site_attended", "destination_id");
        var count = visits.FindAny("count", "visits", "n", "patients");
        var rowOf = Index(matrix.OriginIds);
        var columnOf = Index(matrix.DestinationIds);
        var matched = new List<Visit>(visits.Count);
        var unmatched = new List<UnmatchedVisit>();
        for (var r = 0; r < visits.Count; r++)
        {
            var zoneId = visits.Cell(r, zone);
            var siteId = visits.Cell(r, site);
            var c = count >= 0 ? visits.NumberOrNaN(r, count) : 1;
            if (!(c >= 0) || !double.IsFinite(c))
            {
                throw new InputFileException(path, visits.Lines[r], visits.Header[count], "count must be a number >= 0");
            }
            if (!rowOf.TryGetValue(zoneId, out var o))
            {
                unmatched.Add(new UnmatchedVisit(zoneId, siteId, c, visits.Lines[r], VisitStatus.UnmatchedZone));
            }
            else if (!columnOf.TryGetValue(siteId, out var d))
            {
                unmatched.Add(new UnmatchedVisit(zoneId, siteId, c, visits.Lines[r], VisitStatus.UnmatchedSite));
            }
            else
            {
                matched.Add(new Visit(o, d, c, visits.Lines[r]));
            }
        }
        return new VisitFile(matched, unmatched);
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
