using Geo.Routing.Streets;

namespace Geo.Routing.Tests.Matrices;

/// <summary>Seeded random and grid graphs for oracle tests (CH and many-to-many against plain Dijkstra).</summary>
internal static class TestGraphs
{
    /// <summary>
    /// A random directed graph: <paramref name="components"/> separate parts (no edges between them), a mix of one-way and
    /// two-way edges, some parallel edges and self-loops, small integer durations so that equal-duration paths are common,
    /// and a few isolated vertices.
    /// </summary>
    public static ModeGraph Random(int vertexCount, int edgesPerVertex, int seed, int components = 2)
    {
        var random = new Random(seed);
        var edges = new List<(int From, int To, int DurationMs, int LengthMm)>();
        var componentSize = Math.Max(1, vertexCount / components);
        var edgeCount = vertexCount * edgesPerVertex / 2;
        for (var i = 0; i < edgeCount; i++)
        {
            var component = random.Next(components);
            var start = component * componentSize;
            var size = component == components - 1 ? vertexCount - start : componentSize;
            if (size < 2)
            {
                continue;
            }
            // Leave the last vertex of each component without edges (isolated).
            var u = start + random.Next(size - 1);
            var v = random.Next(10) == 0 ? u : start + random.Next(size - 1);
            var duration = 1 + random.Next(20);
            var length = 1 + random.Next(5);
            edges.Add((u, v, duration, length));
            if (random.Next(3) != 0)
            {
                edges.Add((v, u, duration + random.Next(2), length));
            }
            if (random.Next(20) == 0)
            {
                edges.Add((u, v, duration + random.Next(3) - 1 < 1 ? 1 : duration + random.Next(3) - 1, length + 1));
            }
        }
        return FromEdges(vertexCount, edges, random);
    }

    /// <summary>
    /// A road-like grid: width × height vertices ~100 m apart, two-way streets with random speeds, every 10th row and column
    /// a fast arterial, about 5% of links missing and 5% one-way.
    /// </summary>
    public static ModeGraph Grid(int width, int height, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int From, int To, int DurationMs, int LengthMm)>(width * height * 4);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = (y * width) + x;
                if (x + 1 < width)
                {
                    AddLink(edges, random, v, v + 1, y % 10 == 0);
                }
                if (y + 1 < height)
                {
                    AddLink(edges, random, v, v + width, x % 10 == 0);
                }
            }
        }
        var lat = new int[width * height];
        var lon = new int[width * height];
        for (var v = 0; v < lat.Length; v++)
        {
            lat[v] = 506_000_000 + ((v / width) * 9_000);
            lon[v] = -13_000_000 + ((v % width) * 14_000);
        }
        return Build(width * height, edges, lat, lon);
    }

    private static void AddLink(List<(int, int, int, int)> edges, Random random, int u, int v, bool arterial)
    {
        var roll = random.Next(100);
        if (roll < 5)
        {
            return;
        }
        var lengthMm = 90_000 + random.Next(20_000);
        var speedMmPerMs = arterial ? 17 : 8 + random.Next(5); // ~60 km/h or 30-45 km/h
        var duration = Math.Max(1, lengthMm / speedMmPerMs);
        edges.Add((u, v, duration, lengthMm));
        if (roll >= 10)
        {
            edges.Add((v, u, duration, lengthMm));
        }
    }

    public static ModeGraph FromEdges(int vertexCount, List<(int From, int To, int DurationMs, int LengthMm)> edges, Random? random = null)
    {
        var lat = new int[vertexCount];
        var lon = new int[vertexCount];
        random ??= new Random(1);
        for (var v = 0; v < vertexCount; v++)
        {
            lat[v] = 506_000_000 + random.Next(2_000_000);
            lon[v] = -13_000_000 + random.Next(3_000_000);
        }
        return Build(vertexCount, edges, lat, lon);
    }

    private static ModeGraph Build(int vertexCount, List<(int From, int To, int DurationMs, int LengthMm)> edges, int[] lat, int[] lon)
    {
        var sorted = edges.OrderBy(e => e.From).ToList();
        var first = new int[vertexCount + 1];
        foreach (var e in sorted)
        {
            first[e.From + 1]++;
        }
        for (var v = 0; v < vertexCount; v++)
        {
            first[v + 1] += first[v];
        }
        return new ModeGraph(first, sorted.Select(e => e.To).ToArray(), sorted.Select(e => e.DurationMs).ToArray(),
            sorted.Select(e => e.LengthMm).ToArray(), lat, lon);
    }

    /// <summary>Random points: each is one vertex (70%), an edge middle with two seeds (20%) or unsnapped (empty, 10% if allowed).</summary>
    public static SnapSeed[][] RandomSeeds(ModeGraph graph, int count, int seed, bool allowEmpty = true)
    {
        var random = new Random(seed);
        var result = new SnapSeed[count][];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            var v = random.Next(graph.VertexCount);
            if (roll == 0 && allowEmpty)
            {
                result[i] = [];
            }
            else if (roll <= 2)
            {
                var w = random.Next(graph.VertexCount);
                result[i] = [new SnapSeed(v, random.Next(5), random.Next(3)), new SnapSeed(w, random.Next(5), random.Next(3))];
            }
            else
            {
                result[i] = [new SnapSeed(v, 0, 0)];
            }
        }
        return result;
    }
}
