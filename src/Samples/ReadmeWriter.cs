using System.Globalization;
using System.Text;
using Geo.Core;

namespace Geo.Samples;

/// <summary>Writes data-samples/README.md: a clear SYNTHETIC warning, how the files were made, and what each holds.</summary>
internal static class ReadmeWriter
{
    public static void Write(string path, SampleSummary summary, SampleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(network);
        var highways = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var way in network.Ways)
        {
            var h = way.Tag("highway") ?? "?";
            highways[h] = highways.GetValueOrDefault(h) + 1;
        }
        var kinds = new StringBuilder();
        foreach (var (k, n) in highways)
        {
            kinds.Append(CultureInfo.InvariantCulture, $"{(kinds.Length == 0 ? "" : ", ")}{k} {n}");
        }
        var seedOption = summary.Seed == SampleGenerator.DefaultSeed ? "" : $" --seed {summary.Seed.ToString(CultureInfo.InvariantCulture)}";
        var text = string.Create(CultureInfo.InvariantCulture, $$"""
            {{SampleGenerator.ReadmeTitle}}

            **Everything in this folder is made up.** The towns (Harrowby, Kingsford, Amberleigh), villages, roads, bus
            services, zones, populations, deprivation deciles, hospitals and care homes are fictional. The region is drawn over
            open sea in the English Channel south of the Isle of Wight (centre lon -1.30, lat 50.35; about 30 x 20 km) so that it
            can never be mistaken for a real place. Do not use any figure from it for a real decision. Zone ids look like ONS codes
            (`S01000001`…) but belong to no real area.

            ## How it was made

            Generated deterministically (seed {{summary.Seed}}) by the generator in `src/Samples`:

                dotnet run --project src/Cli -- sample --out data-samples{{seedOption}}

            Running it again gives byte-identical files. Do not edit these files by hand: change the generator and regenerate.

            ## Files

            | file | what it holds |
            | --- | --- |
            | `region.osm.pbf` | OSM PBF road network: {{summary.Nodes}} nodes, {{summary.Ways}} ways ({{kinds}}), {{summary.Relations}} turn restriction. Harrowby is a 9 x 7 street grid with one-way streets (`oneway=yes`, one `oneway=-1`), a clockwise roundabout (`junction=roundabout`) and a `no_right_turn` restriction from Downs Road into West Street; a 3.5 km dual carriageway (`highway=trunk`, two `oneway=yes` carriageways); UK speed limits (`30 mph`, `GB:nsl_single`, `national`, `70 mph`); footpaths, a cycleway, a private drive (`access=private`) and one deliberately isolated private track that touches no other way. Ids start at 1000001 (nodes), 2000001 (ways), 3000001 (relations). |
            | `bus-gtfs.zip` | GTFS feed: {{summary.BusStops}} stops placed exactly on road nodes, {{summary.BusRoutes}} routes, {{summary.BusTrips}} trips. Route 1 runs past midnight (`24:35:00`); route 2 is frequency-based ({{summary.FrequencyRows}} rows in `frequencies.txt`); weekday calendar 2024-01-01..2024-12-31 with bank holidays removed and a Sunday service added on them in `calendar_dates.txt`. Use service date **2024-03-05** (a Tuesday). |
            | `zones.csv` | {{summary.Zones}} zones (total population {{summary.Population}}): `zone_id, zone_name, lon, lat, population, age65plus, imd_decile, imd_rank, ward, local_authority, car_access_share, rural_urban`. Each zone point is within 300 m of a road node. Deprivation is concentrated in Harrowby's Southgate ward; villages are older and have more cars; 10 wards in two local authorities. |
            | `zones.geojson` | One polygon per zone (Voronoi cells of the zone points clipped to the region), properties `zone_id` and `zone_name`. |
            | `sites.csv` | Existing hospitals (H1 Harrowby General, H2 Kingsford Community) and community candidate sites C1-C7: `site_id, site_name, kind, lon, lat`. |
            | `community_sites.csv` | {{summary.CommunitySites}} vaccination-clinic candidates (community sites and village halls), same columns. |
            | `care_homes.csv` | {{summary.CareHomes}} care homes: `id, name, lon, lat, beds`. |
            | `census.csv` | Census-style counts per zone for the equality tables, joined by `zone_id` (`zones.census` in the scenario): people by ethnic group (`ethnic_white, ethnic_asian, ethnic_black, ethnic_mixed, ethnic_other`, adding up to the population), `disabled` (Equality Act), `female, male`, and households `households_no_car, households_with_car`. More diversity in Harrowby's deprived wards, more disability where people are older. |
            | `scenario.json` | The scenario (shared contract): modes car, walk, cycle, transit; services outpatients and urgent_care; baseline and options A (centralise outpatients at H1), B (move Kingsford outpatients to C2), C (add a clinic at C3); transit on 2024-03-05 07:00-10:00; p-median placement (car, p = 3, 15 min, need `population*1 + age65plus*2`) over `community_sites.csv`; care homes as providers. |

            Try it (builds the network, routes every mode, solves the placement, writes report.html and maps):

                dotnet run --project src/Cli -- run data-samples/scenario.json --out results/
                dotnet run --project src/Cli -- serve --results results/
            """);
        AtomicFile.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
