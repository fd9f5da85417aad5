namespace Geo.Samples;

/// <summary>
/// Generates the SYNTHETIC sample region used by examples, tests and benchmarks: a fictional area of about 30 x 20 km
/// drawn over open sea south of the Isle of Wight (centre lon -1.30, lat 50.35) so it can never be mistaken for a real place.
/// The output is byte-identical for the same seed on every run.
/// </summary>
public static class SampleGenerator
{
    public const int DefaultSeed = 42;

    public const string OsmFile = "region.osm.pbf";
    public const string GtfsFile = "bus-gtfs.zip";
    public const string ZonesFile = "zones.csv";
    public const string ZoneBoundariesFile = "zones.geojson";
    public const string SitesFile = "sites.csv";
    public const string CommunitySitesFile = "community_sites.csv";
    public const string CareHomesFile = "care_homes.csv";
    public const string CensusFile = "census.csv";
    public const string ScenarioFile = "scenario.json";
    public const string ReadmeFile = "README.md";

    /// <summary>First line of the README the generator writes; a README.md without it is never overwritten.</summary>
    public const string ReadmeTitle = "# Sample region — SYNTHETIC DATA";

    /// <summary>True when <paramref name="folder"/> has a README.md that this generator did not write (so generating there would replace it).</summary>
    public static bool HasForeignReadme(string folder)
    {
        var path = Path.Combine(folder, ReadmeFile);
        if (!File.Exists(path))
        {
            return false;
        }
        using var reader = new StreamReader(path);
        return reader.ReadLine() != ReadmeTitle;
    }

    /// <summary>Writes every sample file into <paramref name="outFolder"/> (created if missing; existing files are replaced atomically).</summary>
    public static SampleSummary Generate(string outFolder, int seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outFolder);
        if (HasForeignReadme(outFolder))
        {
            throw new IOException($"{Path.Combine(outFolder, ReadmeFile)} was not written by the sample generator; choose an empty folder for --out");
        }
        Directory.CreateDirectory(outFolder);
        // Separate streams per concern, so that changing one part of the generator does not shift the others.
        var network = RegionBuilder.Build(new SampleRandom(seed));
        var zones = ZoneGenerator.Generate(network, new SampleRandom(seed + 1));
        var rings = ZoneBoundaryBuilder.Build(zones);
        var sites = SiteGenerator.Sites(network);
        var community = SiteGenerator.CommunitySites(network);
        var careHomes = SiteGenerator.CareHomes(network, new SampleRandom(seed + 2));
        var census = CensusGenerator.Generate(zones, new SampleRandom(seed + 3));

        var files = new List<string>();
        string PathOf(string name)
        {
            var path = Path.Combine(outFolder, name);
            files.Add(path);
            return path;
        }

        OsmPbfWriter.Write(PathOf(OsmFile), network);
        var gtfs = GtfsFeedWriter.Write(PathOf(GtfsFile), network);
        SampleCsvWriter.WriteZones(PathOf(ZonesFile), zones);
        ZoneGeoJsonWriter.Write(PathOf(ZoneBoundariesFile), zones, rings);
        SampleCsvWriter.WriteSites(PathOf(SitesFile), sites);
        SampleCsvWriter.WriteSites(PathOf(CommunitySitesFile), community);
        SampleCsvWriter.WriteCareHomes(PathOf(CareHomesFile), careHomes);
        SampleCsvWriter.WriteCensus(PathOf(CensusFile), census);
        ScenarioWriter.Write(PathOf(ScenarioFile));

        var population = 0;
        foreach (var z in zones)
        {
            population += z.Population;
        }
        var summary = new SampleSummary(seed, network.Nodes.Count, network.Ways.Count, network.Relations.Count, zones.Count, population,
            sites.Count, community.Count, careHomes.Count, gtfs.Stops, gtfs.Routes, gtfs.Trips, gtfs.FrequencyRows, files);
        ReadmeWriter.Write(PathOf(ReadmeFile), summary, network);
        return summary;
    }
}
