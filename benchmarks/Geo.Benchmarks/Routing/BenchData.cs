using Geo.Routing.Geometry;
using Geo.Routing.Streets;

namespace Geo.Benchmarks.Routing;

/// <summary>Shared inputs for routing benchmarks: the Isle of Wight network, real zone/site points, random island points, road-like grids.</summary>
internal static class BenchData
{
    private static readonly Lazy<StreetNetwork> Island = new(() =>
        StreetNetwork.BuildFromPbf(SharedData("isle-of-wight", "osm", "iow-filtered.osm.pbf")));

    public static StreetNetwork IsleOfWight => Island.Value;

    public static string SharedData(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        dir ??= new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? throw new InvalidOperationException("Geo.sln not found above " + AppContext.BaseDirectory);
        var path = Path.GetFullPath(Path.Combine([root, "..", "shared", "data", .. parts]));
        return File.Exists(path) ? path : throw new FileNotFoundException("benchmark data not found", path);
    }

    /// <summary>Points (lon, lat) from a CSV with lon/lat or Longitude/Latitude columns (no quoting in these files' coordinates).</summary>
    public static GeoPoint[] CsvPoints(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        var lon = header.FindIndex(h => h is "lon" or "Longitude");
        var lat = header.FindIndex(h => h is "lat" or "Latitude");
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => new GeoPoint(double.Parse(f[lon], System.Globalization.CultureInfo.InvariantCulture),
                                      double.Parse(f[lat], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    /// <summary>Uniform random points over the island's bounding box that snap within 300 m of the mode's network.</summary>
    public static SnapSeed[][] RandomIslandSeeds(StreetNetwork network, TravelMode mode, ModeGraph graph, int count, int seed, bool outbound)
    {
        var snapper = network.CreateSnapper(mode, graph);
        var random = new Random(seed);
        var result = new List<SnapSeed[]>(count);
        while (result.Count < count)
        {
            var snap = snapper.Snap(new GeoPoint(-1.58 + (random.NextDouble() * 0.51), 50.575 + (random.NextDouble() * 0.19)), 300);
            if (snap.IsOk)
            {
                result.Add(outbound ? snap.Outbound : snap.Inbound);
            }
        }
        return [.. result];
    }

    public static SnapSeed[][] Snap(StreetNetwork network, TravelMode mode, ModeGraph graph, GeoPoint[] points, bool outbound)
    {
        var snapper = network.CreateSnapper(mode, graph);
        return points.Select(p => snapper.Snap(p, 1000)).Select(s => !s.IsOk ? [] : outbound ? s.Outbound : s.Inbound).ToArray();
    }

    /// <summary>
    /// A road-like grid with about <paramref name="vertexCount"/> vertices ~100 m apart: two-way streets at 30-45 km/h,
    /// every 10th row and column a 60 km/h arterial, 5% of links missing and 5% one-way.
    /// </summary>
    public static ModeGraph RoadGrid(int vertexCount, int seed)
    {
        var width = (int)Math.Ceiling(Math.Sqrt(vertexCount));
        var height = (vertexCount + width - 1) / width;
        var n = width * height;
        var random = new Random(seed);
        var degree = new int[n + 1];
        var from = new List<int>(n * 4);
        var to = new List<int>(n * 4);
        var duration = new List<int>(n * 4);
        var length = new List<int>(n * 4);
        void Link(int u, int v, bool arterial)
        {
            var roll = random.Next(100);
            if (roll < 5)
            {
                return;
            }
            var lengthMm = 90_000 + random.Next(20_000);
            var speedMmPerMs = arterial ? 17 : 8 + random.Next(5);
            var ms = Math.Max(1, lengthMm / speedMmPerMs);
            from.Add(u); to.Add(v); duration.Add(ms); length.Add(lengthMm);
            if (roll >= 10)
            {
                from.Add(v); to.Add(u); duration.Add(ms); length.Add(lengthMm);
            }
        }
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = (y * width) + x;
                if (x + 1 < width)
                {
                    Link(v, v + 1, y % 10 == 0);
                }
                if (y + 1 < height)
                {
                    Link(v, v + width, x % 10 == 0);
                }
            }
        }
        foreach (var u in from)
        {
            degree[u + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            degree[v + 1] += degree[v];
        }
        var fill = degree.AsSpan(0, n).ToArray();
        var edgeTarget = new int[from.Count];
        var edgeDuration = new int[from.Count];
        var edgeLength = new int[from.Count];
        for (var i = 0; i < from.Count; i++)
        {
            var slot = fill[from[i]]++;
            edgeTarget[slot] = to[i];
            edgeDuration[slot] = duration[i];
            edgeLength[slot] = length[i];
        }
        var lat = new int[n];
        var lon = new int[n];
        for (var v = 0; v < n; v++)
        {
            lat[v] = 506_000_000 + ((v / width) * 9_000);
            lon[v] = -13_000_000 + ((v % width) * 14_000);
        }
        return new ModeGraph(degree, edgeTarget, edgeDuration, edgeLength, lat, lon);
    }

    public static SnapSeed[][] RandomVertexSeeds(ModeGraph graph, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new[] { new SnapSeed(random.Next(graph.VertexCount), 0, 0) }).ToArray();
    }
}
