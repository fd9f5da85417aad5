using System.Globalization;
using System.Text;
using Geo.Core;
using OsmSharp;
using OsmSharp.Tags;

namespace Geo.Samples.National;

/// <summary>
/// Generates a national-style synthetic region from real LSOA centroids (see <see cref="NationalRegionBuilder"/> and
/// <see cref="NationalGtfsWriter"/>): a real OSM PBF, a real GTFS zip, zones, hospitals (the centres of the largest towns),
/// GP-like sites (one per five zones), a scenario and a README. <see cref="NationalOptions.Scale"/> keeps that fraction of
/// the centroids, those nearest the centre point, so small variants are compact regions, not scattered points.
/// </summary>
public static class NationalGenerator
{
    public const string OsmFile = "region.osm.pbf";
    public const string GtfsFile = "bus-gtfs.zip";
    public const string ZonesFile = "zones.csv";
    public const string HospitalsFile = "hospitals.csv";
    public const string GpFile = "gp_sites.csv";
    public const string ScenarioFile = "scenario.json";
    public const string ReadmeFile = "README.md";

    public static NationalSummary Generate(NationalOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Scale, 1);
        Directory.CreateDirectory(options.OutFolder);
        progress?.Report("Reading centroids from " + Path.GetFileName(options.CentroidsPath));
        var all = CentroidReader.Read(options.CentroidsPath);
        var centroids = Select(all, options);
        progress?.Report($"Laying roads over {centroids.Count:N0} zones");
        var (net, layout) = NationalRegionBuilder.Build(centroids, options.Seed);
        var files = new List<string>();
        string PathOf(string name)
        {
            var path = Path.Combine(options.OutFolder, name);
            files.Add(path);
            return path;
        }
        progress?.Report($"Writing {OsmFile}: {net.NodeCount:N0} nodes, {net.WayCount:N0} ways");
        OsmPbfWriter.Write(PathOf(OsmFile), Elements(net));
        NationalGtfsWriter.Counts? gtfs = null;
        if (options.Gtfs)
        {
            progress?.Report("Writing " + GtfsFile);
            gtfs = NationalGtfsWriter.Write(PathOf(GtfsFile), net, layout);
        }
        progress?.Report("Writing zones, sites and scenario");
        var population = WriteZones(PathOf(ZonesFile), net, layout, options.Seed);
        var hospitals = Hospitals(layout, Math.Min(centroids.Count, Math.Max(3, options.Hospitals)));
        var hospitalIds = WriteSites(PathOf(HospitalsFile), net, layout, hospitals, "H", "hospital", 2, 1);
        var gps = Enumerable.Range(0, centroids.Count).Where(i => i % 5 == 2).ToList();
        WriteSites(PathOf(GpFile), net, layout, gps, "GP", "gp_practice", 3, 2);
        NationalScenarioWriter.Write(PathOf(ScenarioFile), options.Name, hospitalIds);
        var wayNodes = net.WayNodes.Count;
        var summary = new NationalSummary(centroids.Count, population, net.NodeCount, net.WayCount, wayNodes, net.Restrictions.Count,
            layout.TownSize.Length, hospitals.Count, gps.Count, gtfs?.Stops ?? 0, gtfs?.Routes ?? 0, gtfs?.Trips ?? 0, gtfs?.StopTimes ?? 0, files);
        WriteReadme(PathOf(ReadmeFile), options, summary);
        return summary;
    }

    /// <summary>The centres of the largest towns; when there are fewer towns than wanted, more zones spread through the list.</summary>
    private static List<int> Hospitals(NationalLayout layout, int count)
    {
        var chosen = Enumerable.Range(0, layout.TownSize.Length).OrderByDescending(t => layout.TownSize[t]).ThenBy(t => t)
            .Take(count).Select(t => layout.TownCentre[t]).ToList();
        var taken = new HashSet<int>(chosen);
        var zones = layout.Centroids.Count;
        for (var k = 0; chosen.Count < count && k < zones; k++)
        {
            var zone = (int)((k * 7919L) % zones);
            if (taken.Add(zone))
            {
                chosen.Add(zone);
            }
        }
        return chosen;
    }

    private static List<NationalCentroid> Select(IReadOnlyList<NationalCentroid> all, NationalOptions options)
    {
        var keep = Math.Max(1, (int)Math.Round(all.Count * options.Scale));
        if (keep >= all.Count)
        {
            return [.. all];
        }
        var (e, n) = options.CentreEastingNorthing;
        return [.. all.Select((c, i) => (c, i, d: ((c.Easting - e) * (c.Easting - e)) + ((c.Northing - n) * (c.Northing - n))))
            .OrderBy(x => x.d).ThenBy(x => x.i).Take(keep).OrderBy(x => x.i).Select(x => x.c)];
    }

    private static IEnumerable<OsmGeo> Elements(NationalNetwork net)
    {
        var tagSets = net.TagSets.Select(t => OsmPbfWriter.Tags(t)).ToArray();
        var noTags = new TagsCollection();
        for (var i = 0; i < net.NodeCount; i++)
        {
            yield return new Node { Id = i + 1, Latitude = net.NodeLatE7[i] / 1e7, Longitude = net.NodeLonE7[i] / 1e7, Tags = noTags };
        }
        for (var w = 0; w < net.WayCount; w++)
        {
            var nodes = new long[net.WayFirst[w + 1] - net.WayFirst[w]];
            for (var k = 0; k < nodes.Length; k++)
            {
                nodes[k] = net.WayNodes[net.WayFirst[w] + k] + 1L;
            }
            yield return new Way { Id = w + 1, Nodes = nodes, Tags = tagSets[net.WayTagSet[w]] };
        }
        for (var r = 0; r < net.Restrictions.Count; r++)
        {
            var (from, via, to, tags) = net.Restrictions[r];
            yield return new Relation
            {
                Id = r + 1,
                Members =
                [
                    new RelationMember(from + 1L, "from", OsmGeoType.Way),
                    new RelationMember(via + 1L, "via", OsmGeoType.Node),
                    new RelationMember(to + 1L, "to", OsmGeoType.Way),
                ],
                Tags = tagSets[tags],
            };
        }
    }

    /// <summary>Zones at their mesh centre junction; population 1,000-2,400 and 65+ share 10-30%, seeded.</summary>
    private static long WriteZones(string path, NationalNetwork net, NationalLayout layout, int seed)
    {
        var random = new SampleRandom(seed + 1);
        long total = 0;
        AtomicFile.WriteAllText(path, Csv(w =>
        {
            w.Append("zone_id,zone_name,lon,lat,population,age65plus,imd_decile\n");
            for (var i = 0; i < layout.Centroids.Count; i++)
            {
                var node = layout.CentreNode(i);
                var population = random.Int(1_000, 2_400);
                var older = (int)(population * random.Range(0.10, 0.30));
                total += population;
                w.Append(CultureInfo.InvariantCulture,
                    $"{layout.Centroids[i].Code},Zone {layout.Centroids[i].Code},{net.NodeLonE7[node] / 1e7:F7},{net.NodeLatE7[node] / 1e7:F7},{population},{older},{random.Int(1, 10)}\n");
            }
        }));
        return total;
    }

    /// <summary>Sites at a junction of their zone's mesh (column, row), so they snap like a building on a street.</summary>
    private static List<string> WriteSites(string path, NationalNetwork net, NationalLayout layout, List<int> zones, string prefix, string kind, int column, int row)
    {
        var ids = new List<string>();
        AtomicFile.WriteAllText(path, Csv(w =>
        {
            w.Append("site_id,site_name,kind,lon,lat\n");
            for (var k = 0; k < zones.Count; k++)
            {
                var node = layout.GridNode(zones[k], column, row);
                var id = prefix + (k + 1).ToString(CultureInfo.InvariantCulture);
                ids.Add(id);
                w.Append(CultureInfo.InvariantCulture,
                    $"{id},{kind} near {layout.Centroids[zones[k]].Code},{kind},{net.NodeLonE7[node] / 1e7:F7},{net.NodeLatE7[node] / 1e7:F7}\n");
            }
        }));
        return ids;
    }

    private static string Csv(Action<StringBuilder> write)
    {
        var builder = new StringBuilder();
        write(builder);
        return builder.ToString();
    }

    private static void WriteReadme(string path, NationalOptions options, NationalSummary s)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            # {options.Name}: SYNTHETIC road network and timetable on real LSOA centroids

            Generated by `geo sample --national` (seed {options.Seed}, scale {options.Scale}) from `{Path.GetFileName(options.CentroidsPath)}`.
            Zone points are real ONS LSOA 2021 population-weighted centroids (OGL v3, Office for National Statistics); everything
            else (roads, buses, populations, sites) is invented. Not for analysis.

            | what | count |
            | --- | ---: |
            | zones | {s.Zones:N0} |
            | towns (centroid clusters) | {s.Towns:N0} |
            | OSM nodes | {s.Nodes:N0} |
            | OSM ways | {s.Ways:N0} |
            | way nodes | {s.WayNodes:N0} |
            | turn restrictions | {s.Restrictions:N0} |
            | GTFS stops | {s.Stops:N0} |
            | GTFS routes | {s.Routes:N0} |
            | GTFS trips (weekday) | {s.Trips:N0} |
            | GTFS stop times (weekday) | {s.StopTimes:N0} |
            | hospitals / GP sites | {s.Hospitals:N0} / {s.GpSites:N0} |

            Run it: `geo run {ScenarioFile} --out results/` in this folder.
            """);
        AtomicFile.WriteAllText(path, text + "\n");
    }
}
