using Geo.Cli.ClusterMatrix;
using Geo.Cli.Commands;
using Spectre.Console.Cli;

namespace Geo.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // --debug (any position) prints the trace of an internal error; it is not a command option.
        ErrorReporter.Debug = args.Contains(ErrorReporter.DebugOption) || Environment.GetEnvironmentVariable("GEO_DEBUG") == "1";
        args = [.. args.Where(a => a != ErrorReporter.DebugOption)];
        Output.ConsoleTables.ConfigureConsole();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("geo");
            config.PropagateExceptions();
            // Each command registers itself in its own line below (one line per command).
            config.AddCommand<VersionCommand>("version").WithDescription("Print the Geo version.");
            config.AddCommand<PlaceCommand>("place").WithDescription("Site placement (location-allocation): choose p new sites next to the existing ones by p-median, MCLP, LSCP, p-center or capacitated p-median, with optional equity constraints; exact (OR-Tools) or heuristic.").WithExample("place", "--problem", "pmedian", "--matrix", "car.csv", "--zones", "zones.csv", "--candidates", "sites.csv", "--existing-ids", "H1,H2", "-p", "2", "--threshold", "30", "--need", "\"population*1 + age65plus*2\"", "--out", "results/placement").WithExample("place", "--problem", "mclp", "--matrix", "travel_matrix_car.csv", "--zone-key", "name", "--zones", "demand_MF_50_84.csv", "--candidates", "devon_cdcs.csv", "--existing-column", "Existing", "-p", "2", "--threshold", "30", "--need", "\"MF50-84\"", "--out", "placement/").WithExample("place", "--problem", "pmedian", "--matrix", "car.csv", "--zones", "zones.csv", "--candidates", "sites.csv", "-p", "3", "--threshold", "20", "--equity-core20-min", "0.9", "--solver", "exact", "--time-limit", "60");
            config.AddCommand<NearestCommand>("nearest").WithDescription("Nearest site with minutes for each provider (e.g. care homes), or observed vs nearest travel from a visits file.").WithExample("nearest", "--matrix", "care_homes_to_sites.csv", "--providers", "care_homes.csv", "--out", "nearest.csv").WithExample("nearest", "--matrix", "car.csv", "--visits", "visits.csv", "--out", "observed_vs_nearest.csv");
            config.AddCommand<AppraiseCommand>("appraise").WithDescription("Appraise a scenario's options from travel-time matrices: per-zone results, equality impact, costs, carbon, summary.json, GeoPackage and an HTML report.").WithExample("appraise", "scenario.json", "--out", "results/").WithExample("appraise", "scenario.json", "--out", "results/", "--matrix", "car=car.csv", "--matrix", "transit=transit.csv").WithExample("appraise", "scenario.json", "--out", "results/", "--encoding", "windows-1252", "--strict").WithExample("appraise", "--write-costs", "costs.json").WithExample("appraise", "--write-fares", "fares.json");
            config.AddCommand<MatrixCommand>("matrix").WithDescription("Travel-time matrix (minutes, km) from origins to destinations by car, walk, cycle or public transport, as CSV or Parquet.").WithExample("matrix", "--network", "region.geonet", "--mode", "car", "--origins", "lsoa21_pwc.csv", "--destinations", "gp.csv", "--destination-id", "OrganisationID", "--out", "matrix.csv").WithExample("matrix", "--network", "region.geonet", "--mode", "walk", "--origins", "zones.csv", "--destinations", "sites.csv", "--out", "matrix.parquet", "--wide").WithExample("matrix", "--network", "region.geonet", "--mode", "transit", "--gtfs", "bus.zip", "--gtfs", "rail.zip", "--date", "2020-06-02", "--window", "07:00-10:00", "--percentiles", "25,50,75", "--origins", "zones.csv", "--destinations", "sites.csv", "--out", "pt.parquet").WithExample("matrix", "--network", "region.geonet", "--mode", "transit", "--gtfs", "bus.zip", "--date", "2020-06-02", "--arrive-by", "09:00", "--window", "60", "--origins", "zones.csv", "--destinations", "sites.csv", "--out", "arrive-by-9.csv");
            config.AddCommand<IsochroneCommand>("isochrone").WithDescription("Areas reachable from a point within given minutes by car, walk or cycle, as GeoJSON polygons.").WithExample("isochrone", "--network", "region.geonet", "--mode", "walk", "--at", "-1.2976,50.7107", "--minutes", "10,20,30", "--out", "iso.geojson");
            config.AddCommand<BuildNetworkCommand>("build-network").WithDescription("Build the street network (car, walk, cycle graphs) from an OSM PBF into a .geonet file.").WithExample("build-network", "--osm", "region.osm.pbf", "--out", "region.geonet").WithExample("build-network", "--osm", "region.osm.pbf", "--out", "region.geonet", "--profiles", "my-profiles.json").WithExample("build-network", "--osm", "region.osm.pbf", "--out", "region.geonet", "--contract", "car,walk,cycle");
            config.AddCommand<ServeCommand>("serve").WithDescription("Open a local, read-only web map of a results folder (127.0.0.1 only unless --host is given).").WithExample("serve", "--results", "results/", "--port", "8080");
            config.AddCommand<ServeRoutingCommand>("serve-routing").WithDescription("OSRM v5 compatible routing server (table, route, nearest; GET or POST) over a street network, 127.0.0.1 only unless --host is given.").WithExample("serve-routing", "--network", "region.geonet", "--port", "5000");
            config.AddCommand<AccessCommand>("access").WithDescription("Accessibility per zone (cumulative opportunities, gravity, 2SFCA, E2SFCA) from a zone x site matrix, zone demand and site supply, as CSV or Parquet.").WithExample("access", "--matrix", "car.csv", "--zones", "zones.csv", "--demand", "population", "--sites", "gp.csv", "--supply", "gp_fte", "--threshold", "15", "--out", "access.csv");
            config.AddCommand<MapCommand>("map").WithDescription("Draw a static PNG map of travel time, change vs baseline, IMD, a zone attribute or the placement result (optionally with isochrones).").WithExample("map", "--results", "results/", "--option", "B", "--mode", "car", "--service", "outpatients", "--layer", "change", "--out", "results/maps/change.png").WithExample("map", "--results", "results/", "--layer", "placement", "--out", "results/maps/placement.png");
            config.AddCommand<BasemapCommand>("basemap").WithDescription("Write road lines from a street network as results/basemap.geojson for the offline map.").WithExample("basemap", "--network", "region.geonet", "--out", "results/basemap.geojson");
            config.AddCommand<SampleCommand>("sample").WithDescription("Write the SYNTHETIC sample region (OSM PBF, GTFS, zones, sites, scenario.json).").WithExample("sample", "--out", "data-samples/", "--seed", "42").WithExample("sample", "--national", "--scale", "0.01", "--out", "/tmp/national-1pc/").WithExample("sample", "--national", "--centroids", "../shared/data/greater-manchester-partial/lsoa/lsoa21_pwc_gm.csv", "--hospitals", "12", "--out", "/tmp/gm/");
            config.AddCommand<ExportCommand>("export").WithDescription("Write a results folder into PostgreSQL/PostGIS for QGIS: zones and sites with geometry, zone results, providers and matrices, in one transaction (schema geo unless --schema).").WithExample("export", "--results", "results/", "--postgres", "\"Host=127.0.0.1;Port=5432;Username=geo;Password=geo;Database=geo_test\"", "--schema", "geo_results");
            config.AddBranch("cluster", ClusterBranch.Configure);
            config.AddCommand<RunCommand>("run").WithDescription("Run a whole scenario: network, matrices for every mode, placement, appraisal, maps and report.html.").WithExample("run", "data-samples/scenario.json", "--out", "results/");
        });
        return ErrorReporter.Run(() => app.Run(args));
    }
}
