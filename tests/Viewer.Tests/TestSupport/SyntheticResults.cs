using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Geo.Viewer.Tests.TestSupport;

/// <summary>
/// Writes a small results folder per the results contract (zones.geojson, sites.geojson, zone_results.csv, summary.json,
/// basemap.geojson, isochrones/, placement/). Scores are computed here from straight-line distance so tests know them.
/// </summary>
internal sealed class SyntheticResults : IDisposable
{
    public static readonly string[] Options = ["baseline", "A", "B"];
    public static readonly string[] Modes = ["car", "walk"];
    public const string Service = "outpatients";

    // Sites: H1, H2 in baseline; A closes H2; B closes H2 and opens C3. C4 is a candidate never opened.
    private static readonly (string Id, string Name, double Lon, double Lat)[] SiteList =
    [
        ("H1", "General Hospital", 0, 0), ("H2", "Cottage Hospital", 0, 0), ("C3", "Community Centre", 0, 0), ("C4", "Library", 0, 0),
    ];

    private static readonly Dictionary<string, string[]> OpenSites = new()
    {
        ["baseline"] = ["H1", "H2"],
        ["A"] = ["H1"],
        ["B"] = ["H1", "C3"],
    };

    private SyntheticResults(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Zone id, name, centroid and either a ring (interleaved lon,lat) or null for a point zone.</summary>
    public List<(string Id, string Name, double Lon, double Lat, JsonNode Geometry, int ImdDecile, double Population, double Age65, string La)> Zones { get; } = [];

    /// <summary>minutes[(option, mode)][zoneIndex]; NaN = unreachable.</summary>
    public Dictionary<(string, string), double[]> Minutes { get; } = [];

    /// <summary>A grid of <paramref name="cols"/> x <paramref name="rows"/> square zones of 0.02 degrees, or points when <paramref name="points"/>.</summary>
    public static SyntheticResults Grid(int cols = 6, int rows = 4, bool points = false)
    {
        var r = new SyntheticResults(NewFolder());
        double lon0 = -1.40, lat0 = 50.60, d = 0.02;
        int n = 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < cols; x++)
            {
                double a = lon0 + (x * d), b = lat0 + (y * d);
                JsonNode geom = points
                    ? Point(a + (d / 2), b + (d / 2))
                    : Polygon([a, b, a + d, b, a + d, b + d, a, b + d, a, b]);
                string id = "Z" + n.ToString("000", CultureInfo.InvariantCulture);
                r.Zones.Add((id, "Zone " + n.ToString(CultureInfo.InvariantCulture), a + (d / 2), b + (d / 2), geom, (n % 10) + 1, 1000 + (n * 37 % 500), 150 + (n * 13 % 90), x < cols / 2 ? "West Borough" : "East Borough"));
                n++;
            }
        }

        r.Write(siteLonLat: [(lon0 + 0.01, lat0 + 0.01), (lon0 + (cols * d) - 0.01, lat0 + (rows * d) - 0.01), (lon0 + (cols * d / 2), lat0 + (rows * d / 2)), (lon0 + 0.01, lat0 + (rows * d) - 0.01)]);
        return r;
    }

    /// <summary>Zones from a real boundary file (features with lsoa21_code/lsoa21_name), synthetic scores.</summary>
    public static SyntheticResults FromBoundaries(string boundaryGeoJson)
    {
        var r = new SyntheticResults(NewFolder());
        var root = JsonNode.Parse(File.ReadAllText(boundaryGeoJson))!;
        double minLon = 999, maxLon = -999, minLat = 999, maxLat = -999;
        int n = 0;
        foreach (var f in root["features"]!.AsArray())
        {
            var props = f!["properties"]!;
            string id = (props["lsoa21_code"] ?? props["LSOA21CD"])!.GetValue<string>();
            string name = (props["lsoa21_name"] ?? props["LSOA21NM"])?.GetValue<string>() ?? id;
            var geom = f["geometry"]!;
            var (lon, lat) = FirstVertexMean(geom);
            minLon = Math.Min(minLon, lon);
            maxLon = Math.Max(maxLon, lon);
            minLat = Math.Min(minLat, lat);
            maxLat = Math.Max(maxLat, lat);
            string la = name.Contains(' ', StringComparison.Ordinal) ? name[..name.LastIndexOf(' ')] : "Area";
            r.Zones.Add((id, name, lon, lat, geom.DeepClone(), (n * 7 % 10) + 1, 1200 + (n * 31 % 700), 200 + (n * 17 % 150), la));
            n++;
        }

        double w = maxLon - minLon, h = maxLat - minLat;
        r.Write(siteLonLat: [(minLon + (w * 0.3), minLat + (h * 0.6)), (minLon + (w * 0.75), minLat + (h * 0.35)), (minLon + (w * 0.55), minLat + (h * 0.7)), (minLon + (w * 0.2), minLat + (h * 0.2))]);
        return r;
    }

    public string Path(string relative) => System.IO.Path.Combine(Folder, relative);

    public int IndexOf(string zoneId) => Zones.FindIndex(z => z.Id == zoneId);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string NewFolder()
    {
        string f = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "geo-viewer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(f);
        return f;
    }

    private static (double, double) FirstVertexMean(JsonNode geom)
    {
        string type = geom["type"]!.GetValue<string>();
        JsonArray ring = type == "MultiPolygon" ? geom["coordinates"]![0]![0]!.AsArray() : geom["coordinates"]![0]!.AsArray();
        double sx = 0, sy = 0;
        foreach (var c in ring)
        {
            sx += c![0]!.GetValue<double>();
            sy += c[1]!.GetValue<double>();
        }

        return (sx / ring.Count, sy / ring.Count);
    }

    private static JsonObject Point(double lon, double lat) => new() { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };

    private static JsonObject Polygon(double[] ring)
    {
        var coords = new JsonArray();
        for (int i = 0; i < ring.Length; i += 2)
        {
            coords.Add(new JsonArray(ring[i], ring[i + 1]));
        }

        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(coords) };
    }

    private static double Km(double lon1, double lat1, double lon2, double lat2)
    {
        double kx = 111.32 * Math.Cos(lat1 * Math.PI / 180);
        return Math.Sqrt(Math.Pow((lon2 - lon1) * kx, 2) + Math.Pow((lat2 - lat1) * 110.57, 2));
    }

    private void Write((double Lon, double Lat)[] siteLonLat)
    {
        var sites = SiteList.Select((s, i) => (s.Id, s.Name, siteLonLat[i].Lon, siteLonLat[i].Lat)).ToArray();

        // zones.geojson
        var features = new JsonArray();
        foreach (var z in Zones)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["zone_id"] = z.Id, ["zone_name"] = z.Name, ["population"] = z.Population, ["age65plus"] = z.Age65,
                    ["imd_decile"] = z.ImdDecile, ["imd_quintile"] = (z.ImdDecile + 1) / 2, ["ward"] = "Ward", ["local_authority"] = z.La,
                    ["area_km2"] = Math.Round(1.5 + (z.ImdDecile * 0.3), 2),
                },
                ["geometry"] = z.Geometry.DeepClone(),
            });
        }

        File.WriteAllText(Path("zones.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());

        // sites.geojson
        var siteFeatures = new JsonArray();
        foreach (var s in sites)
        {
            bool existing = OpenSites["baseline"].Contains(s.Id);
            var props = new JsonObject { ["site_id"] = s.Id, ["site_name"] = s.Name, ["kind"] = existing ? "existing" : "candidate" };
            foreach (string o in Options)
            {
                bool open = OpenSites[o].Contains(s.Id);
                props["status_" + o] = existing ? (open ? "open" : "closed") : (open ? "new" : "candidate");
            }

            siteFeatures.Add(new JsonObject { ["type"] = "Feature", ["properties"] = props, ["geometry"] = Point(s.Lon, s.Lat) });
        }

        File.WriteAllText(Path("sites.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = siteFeatures }.ToJsonString());

        // zone_results.csv (zone 1 is unreachable by walk in every option)
        var csv = new StringBuilder("option_id,mode,service,zone_id,site_id,minutes,km,interchanges,cost_gbp,carbon_kg,change_minutes,next_site_id,next_minutes,status\n");
        foreach (string mode in Modes)
        {
            double minPerKm = mode == "car" ? 4 : 12;
            var baseline = new double[Zones.Count];
            foreach (string o in Options)
            {
                var minutes = new double[Zones.Count];
                for (int i = 0; i < Zones.Count; i++)
                {
                    var z = Zones[i];
                    string best = string.Empty;
                    double bestKm = double.MaxValue;
                    foreach (var s in sites.Where(s => OpenSites[o].Contains(s.Id)))
                    {
                        double km = Km(z.Lon, z.Lat, s.Lon, s.Lat);
                        if (km < bestKm)
                        {
                            bestKm = km;
                            best = s.Id;
                        }
                    }

                    bool unreachable = mode == "walk" && i == 1;
                    double m = unreachable ? double.NaN : Math.Round(2 + (bestKm * minPerKm), 2);
                    minutes[i] = m;
                    if (o == "baseline")
                    {
                        baseline[i] = m;
                    }

                    double change = double.IsNaN(m) ? double.NaN : Math.Round(m - baseline[i], 2);
                    csv.Append(CultureInfo.InvariantCulture, $"{o},{mode},{Service},{z.Id},{(unreachable ? string.Empty : best)},{N(m)},{N(unreachable ? double.NaN : Math.Round(bestKm, 3))},,,,{N(change)},,,{(unreachable ? "unreachable" : "ok")}\n");
                }

                Minutes[(o, mode)] = minutes;
            }
        }

        File.WriteAllText(Path("zone_results.csv"), csv.ToString());

        // summary.json
        var metrics = new JsonArray();
        var equality = new JsonArray();
        foreach (string o in Options)
        {
            foreach (string mode in Modes)
            {
                double[] m = Minutes[(o, mode)].Where(v => !double.IsNaN(v)).ToArray();
                double[] b = Minutes[("baseline", mode)];
                double meanChange = Enumerable.Range(0, Zones.Count).Where(i => !double.IsNaN(Minutes[(o, mode)][i])).Average(i => Minutes[(o, mode)][i] - b[i]);
                metrics.Add(new JsonObject
                {
                    ["option"] = o, ["mode"] = mode, ["service"] = Service, ["population"] = Zones.Sum(z => z.Population),
                    ["meanMinutes"] = Math.Round(m.Average(), 2), ["medianMinutes"] = Math.Round(m.Order().ElementAt(m.Length / 2), 2),
                    ["p90Minutes"] = Math.Round(m.Order().ElementAt(m.Length * 9 / 10), 2), ["meanChange"] = Math.Round(meanChange, 2),
                    ["worse5"] = 0, ["worse10"] = 0, ["worse20"] = 0, ["bands"] = new JsonObject { ["0-15"] = m.Count(v => v < 15) },
                });
                for (int q = 1; q <= 5; q++)
                {
                    var idx = Enumerable.Range(0, Zones.Count).Where(i => (Zones[i].ImdDecile + 1) / 2 == q && !double.IsNaN(Minutes[(o, mode)][i])).ToArray();
                    if (idx.Length == 0)
                    {
                        continue;
                    }

                    equality.Add(new JsonObject
                    {
                        ["option"] = o, ["mode"] = mode, ["service"] = Service, ["dimension"] = "imd_quintile", ["group"] = q.ToString(CultureInfo.InvariantCulture),
                        ["population"] = idx.Sum(i => Zones[i].Population), ["meanMinutes"] = Math.Round(idx.Average(i => Minutes[(o, mode)][i]), 2),
                        ["meanChange"] = Math.Round(idx.Average(i => Minutes[(o, mode)][i] - b[i]), 2), ["flag"] = q == 1 && o != "baseline", ["ratio"] = 1.0,
                    });
                }
            }
        }

        var summary = new JsonObject
        {
            ["scenario"] = "Synthetic test region",
            ["generatedUtc"] = "2026-01-01T00:00:00Z",
            ["options"] = new JsonArray(new JsonObject { ["id"] = "baseline", ["name"] = "Current" }, new JsonObject { ["id"] = "A", ["name"] = "Close H2" }, new JsonObject { ["id"] = "B", ["name"] = "Move to C3" }),
            ["modes"] = new JsonArray([.. Modes.Select(m => (JsonNode)m)]),
            ["services"] = new JsonArray(Service),
            ["metrics"] = metrics,
            ["equality"] = equality,
            ["ranking"] = new JsonArray(new JsonObject { ["option"] = "B", ["rank"] = 1, ["score"] = 0.8 }),
        };
        File.WriteAllText(Path("summary.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // basemap.geojson: a road through every site, plus an isochrone and a placement file.
        var roadCoords = new JsonArray();
        foreach (var s in sites)
        {
            roadCoords.Add(new JsonArray(s.Lon, s.Lat));
        }

        File.WriteAllText(Path("basemap.geojson"), new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(new JsonObject
            {
                ["type"] = "Feature", ["properties"] = new JsonObject { ["highway"] = "primary" },
                ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = roadCoords },
            }),
        }.ToJsonString());
        Directory.CreateDirectory(Path("isochrones"));
        var h1 = sites[0];
        File.WriteAllText(Path("isochrones/H1_car_15.geojson"), new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(new JsonObject
            {
                ["type"] = "Feature", ["properties"] = new JsonObject { ["site_id"] = "H1", ["minutes"] = 15 },
                ["geometry"] = Polygon([h1.Lon - 0.02, h1.Lat - 0.015, h1.Lon + 0.02, h1.Lat - 0.015, h1.Lon + 0.02, h1.Lat + 0.015, h1.Lon - 0.02, h1.Lat + 0.015, h1.Lon - 0.02, h1.Lat - 0.015]),
            }),
        }.ToJsonString());
        Directory.CreateDirectory(Path("placement"));
        var c3 = sites[2];
        var z0 = Zones[0];
        File.WriteAllText(Path("placement/placement.geojson"), new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(
                new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject { ["site_id"] = "C3", ["chosen"] = true }, ["geometry"] = Point(c3.Lon, c3.Lat) },
                new JsonObject
                {
                    ["type"] = "Feature", ["properties"] = new JsonObject { ["zone_id"] = z0.Id, ["site_id"] = "C3" },
                    ["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(new JsonArray(z0.Lon, z0.Lat), new JsonArray(c3.Lon, c3.Lat)) },
                }),
        }.ToJsonString());
    }

    private static string N(double v) => double.IsNaN(v) ? string.Empty : v.ToString("0.###", CultureInfo.InvariantCulture);
}
