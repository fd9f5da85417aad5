using Geo.Catchment.Scenarios;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Reads sites (CSV or GeoJSON points) through <see cref="PointFileReader"/>; names come from the name column
/// (site_name, name, OrganisationName, Facility_Name, pharmacy_name, DISTNAME when not set), else the id.
/// </summary>
public static class SiteLoader
{
    private static readonly string[] NameNames = ["site_name", "name", "OrganisationName", "Facility_Name", "pharmacy_name", "DISTNAME"];

    /// <summary>The scenario's sites plus the placement candidates (when given) that are not already listed.</summary>
    public static SiteTable Load(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sites = new List<Site>(Read(scenario.Sites, scenario.Resolve));
        if (scenario.Placement?.Candidates is { } candidates && !string.IsNullOrWhiteSpace(candidates.File))
        {
            var known = new HashSet<string>(sites.Select(s => s.Id), StringComparer.Ordinal);
            foreach (var site in Read(candidates, scenario.Resolve))
            {
                if (known.Add(site.Id))
                {
                    sites.Add(site);
                }
            }
        }
        return new SiteTable(sites);
    }

    public static IReadOnlyList<Site> Read(SiteSpec spec, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolve);
        var path = resolve(spec.File);
        var columns = new PointColumns
        {
            Id = spec.Id,
            Lon = spec.Lon,
            Lat = spec.Lat,
            Easting = spec.Easting,
            Northing = spec.Northing,
            DeduplicateIds = spec.Deduplicate,
            OptionPrefix = "sites.",
        };
        var points = PointFileReader.Read(path, columns);
        var isGeoJson = Path.GetExtension(path).ToUpperInvariant() is ".GEOJSON" or ".JSON";
        var table = isGeoJson ? ZoneBoundaries.ReadAttributes(path) : CsvTable.Read(path);
        var nameColumn = -1;
        if (spec.Name is not null)
        {
            nameColumn = table.Require(spec.Name, "site name");
        }
        else
        {
            foreach (var candidate in NameNames)
            {
                if ((nameColumn = table.Find(candidate)) >= 0)
                {
                    break;
                }
            }
        }
        // Names by the record's line (CSV line or GeoJSON feature number), which PointFileReader reports too.
        var nameByLine = new Dictionary<int, string>();
        if (nameColumn >= 0)
        {
            for (var r = 0; r < table.Count; r++)
            {
                nameByLine[table.Lines[r]] = table.Cell(r, nameColumn);
            }
        }
        var sites = new List<Site>(points.Count);
        foreach (var p in points)
        {
            var name = nameByLine.TryGetValue(p.Line, out var n) && n.Length > 0 ? n : p.Id;
            sites.Add(new Site(p.Id, name, p.Point));
        }
        return sites;
    }
}
