using Geo.Core;

namespace Geo.Postgis;

/// <summary>
/// The tables an export writes, each from one file of a <c>geo run</c> results folder (the list README's "PostGIS and QGIS"
/// documents), plus <c>geo access</c> outputs kept in it (access*.csv, access/*.csv). Files that are absent are skipped; a folder with none of them is bad input.
/// </summary>
public static class ResultsTables
{
    /// <summary>The view of zone_results with each zone's polygon, for drawing results in QGIS.</summary>
    public const string ResultsMapView = "zone_results_map";

    public static List<TableSource> Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new InputFileException(folder, null, null, "results folder not found (run 'geo run scenario.json --out <folder>' first)");
        }
        var tables = new List<TableSource>();
        void Add(TableSource table)
        {
            if (File.Exists(table.SourcePath))
            {
                tables.Add(table);
            }
        }
        Add(new GeoJsonTableSource("zones", Path.Combine(folder, "zones.geojson"), ["zone_id"]));
        Add(new GeoJsonTableSource("sites", Path.Combine(folder, "sites.geojson"), ["site_id"]));
        Add(new CsvTableSource("zone_results", Path.Combine(folder, "zone_results.csv"), ["option_id", "mode", "service", "zone_id"]));
        Add(new CsvTableSource("providers", Path.Combine(folder, "providers.csv"), ["option_id", "service", "provider_id"]));
        var matrices = Path.Combine(folder, "matrices");
        if (Directory.Exists(matrices))
        {
            foreach (var file in Directory.GetFiles(matrices, "*.csv").Order(StringComparer.Ordinal))
            {
                Add(new CsvTableSource("matrix_" + ColumnNames.Clean(Path.GetFileNameWithoutExtension(file)), file, ["origin_id", "destination_id"]));
            }
        }
        // geo run's placement (results/placement/): chosen sites, the zone allocation (several rows per zone when split,
        // empty site when unreachable: no key) and its map layer (sites and zone-to-site lines: no key).
        var placement = Path.Combine(folder, "placement");
        Add(new CsvTableSource("placement_sites", Path.Combine(placement, "chosen_sites.csv"), ["site_id"]));
        Add(new CsvTableSource("placement_allocation", Path.Combine(placement, "allocation.csv"), []));
        Add(new GeoJsonTableSource("placement_map", Path.Combine(placement, "placement.geojson"), []));
        // geo access outputs saved with the results: access*.csv beside them or access/*.csv, one row per zone.
        var accessFiles = Directory.GetFiles(folder, "access*.csv").Concat(Directory.Exists(Path.Combine(folder, "access"))
            ? Directory.GetFiles(Path.Combine(folder, "access"), "*.csv") : []);
        foreach (var file in accessFiles.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            Add(new CsvTableSource(name.StartsWith("access", StringComparison.Ordinal) ? ColumnNames.Clean(name) : "access_" + ColumnNames.Clean(name), file, ["zone_id"]));
        }
        if (tables.Count == 0)
        {
            throw new InputFileException(folder, null, null, "not a results folder: none of zones.geojson, sites.geojson, zone_results.csv, providers.csv, matrices/*.csv is there");
        }
        return tables;
    }
}
