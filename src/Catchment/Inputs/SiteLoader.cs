using Geo.Catchment.Scenarios;
using Geo.Core;

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
        var sites = new List<Site>(Read(scenario.Sites, scenario.Resolve, scenario.Input));
        if (scenario.Placement?.Candidates is { } candidates && !string.IsNullOrWhiteSpace(candidates.File))
        {
            var known = new HashSet<string>(sites.Select(s => s.Id), StringComparer.Ordinal);
            foreach (var site in Read(candidates, scenario.Resolve, scenario.Input))
            {
                if (known.Add(site.Id))
                {
                    sites.Add(site);
                }
            }
        }
        return new SiteTable(sites);
    }

    /// <summary>
    /// Reads the sites of <paramref name="spec"/> (rows kept by <see cref="SiteSpec.Where"/>) followed by those of every
    /// <see cref="SiteSpec.Also"/> file; an id repeated across files is a row issue naming both files (the later row skipped).
    /// </summary>
    public static IReadOnlyList<Site> Read(SiteSpec spec, Func<string, string> resolve, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolve);
        input ??= new InputOptions();
        var sites = new List<Site>(ReadOne(spec, resolve, input));
        if (spec.Also is not { Count: > 0 })
        {
            return sites;
        }
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            fileOf[site.Id] = resolve(spec.File);
        }
        foreach (var also in spec.Also)
        {
            var path = resolve(also.File);
            foreach (var site in Read(also, resolve, input))
            {
                if (!fileOf.TryAdd(site.Id, path))
                {
                    input.Issues.Add(path, 0, also.Id ?? "id", site.Id, IssueCode.DuplicateId, IssueSeverity.Error,
                        $"site id '{site.Id}' is already used by {fileOf[site.Id]}; ids must be unique across the site files (choose another id column); site skipped");
                    continue;
                }
                sites.Add(site);
            }
        }
        return sites;
    }

    private static List<Site> ReadOne(SiteSpec spec, Func<string, string> resolve, InputOptions input)
    {
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
        var points = PointFileReader.Read(path, columns, input);
        var isGeoJson = Path.GetExtension(path).ToUpperInvariant() is ".GEOJSON" or ".JSON";
        var table = isGeoJson ? ZoneBoundaries.ReadAttributes(path) : CsvTable.Read(path, input: input);
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
        var keepLines = spec.Where is { Count: > 0 } ? WhereLines(table, spec.Where) : null;
        var sites = new List<Site>(points.Count);
        foreach (var p in points)
        {
            if (keepLines is not null && !keepLines.Contains(p.Line))
            {
                continue;
            }
            var name = nameByLine.TryGetValue(p.Line, out var n) && n.Length > 0 ? n : p.Id;
            sites.Add(new Site(p.Id, name, p.Point));
        }
        return sites;
    }

    /// <summary>Lines (CSV line or GeoJSON feature number) of the rows matching every column = value pair.</summary>
    private static HashSet<int> WhereLines(CsvTable table, IReadOnlyDictionary<string, string> where)
    {
        var columns = new List<(int Column, string Value)>(where.Count);
        foreach (var (column, value) in where)
        {
            columns.Add((table.Require(column, "sites.where"), value.Trim()));
        }
        var lines = new HashSet<int>();
        for (var r = 0; r < table.Count; r++)
        {
            var keep = true;
            foreach (var (column, value) in columns)
            {
                if (!string.Equals(table.Cell(r, column).Trim(), value, StringComparison.OrdinalIgnoreCase))
                {
                    keep = false;
                    break;
                }
            }
            if (keep)
            {
                lines.Add(table.Lines[r]);
            }
        }
        return lines;
    }
}
