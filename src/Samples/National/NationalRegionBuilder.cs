namespace Geo.Samples.National;

/// <summary>
/// Lays a road network over real LSOA centroids, deterministically for a seed:
/// <list type="bullet">
/// <item>a street mesh of <see cref="MeshSize"/>² junctions around every centroid, sized to half the distance to the nearest
/// other centroid (dense in cities, wide in the country): residential streets at 20 or 30 mph, a tertiary high street
/// through the middle, one-way rows in dense meshes, a footway across, a private service road, shape nodes on every block,
/// and a no-left-turn restriction at every fourth mesh centre;</item>
/// <item>local links from each mesh to the meshes of its three nearest centroids;</item>
/// <item>towns where centroids cluster (single linkage within <see cref="TownLinkMetres"/>), joined by a minimum spanning tree
/// and links to their two nearest towns, classed by the smaller town's size: trunk, primary (A), secondary (B),
/// unclassified; roundabouts at town centres of 10 or more zones;</item>
/// <item>dual-carriageway motorways (oneway, 70 mph, slip roads) on a spanning tree of the largest towns;</item>
/// <item>a small street grid off the coast of one zone in a thousand, connected to nothing (an island to prune).</item>
/// </list>
/// </summary>
internal static class NationalRegionBuilder
{
    public const int MeshSize = 11;
    public const double TownLinkMetres = 1_000;
    private const int ShapeNodesPerBlock = 2;

    public static (NationalNetwork Network, NationalLayout Layout) Build(IReadOnlyList<NationalCentroid> centroids, int seed)
    {
        var random = new SampleRandom(seed);
        var net = new NationalNetwork();
        var index = new CentroidIndex(centroids);
        var n = centroids.Count;
        var neighbours = new List<int>[n];
        var nearestMetres = new double[n];
        for (var i = 0; i < n; i++)
        {
            neighbours[i] = index.Nearest(i, 3, 30_000);
            nearestMetres[i] = neighbours[i].Count > 0 ? index.Distance(i, neighbours[i][0]) : 2_000;
        }

        // Street meshes: all grid nodes of all meshes first, so a mesh's junctions are contiguous.
        var meshFirst = new int[n];
        var halfSize = new double[n];
        for (var i = 0; i < n; i++)
        {
            halfSize[i] = Math.Clamp(nearestMetres[i] * 0.45, 120, 1_500);
            meshFirst[i] = AddGridNodes(net, centroids[i].Easting, centroids[i].Northing, halfSize[i], MeshSize, random);
        }
        var tags = new MeshTags(net);
        for (var i = 0; i < n; i++)
        {
            AddMeshWays(net, tags, meshFirst[i], MeshSize, halfSize[i] < 400, i % 4 == 0, random);
        }

        // Local links to the three nearest meshes (each pair once), from the facing edge junctions.
        var (townOf, townSize, townCentre) = Towns(centroids, index, neighbours);
        var localSameTown = net.TagSet(("highway", "tertiary"), ("maxspeed", "30 mph"));
        var localCountry = net.TagSet(("highway", "unclassified"), ("maxspeed", "60 mph"));
        for (var i = 0; i < n; i++)
        {
            foreach (var j in neighbours[i])
            {
                if (neighbours[j].Contains(i) && j < i)
                {
                    continue;
                }
                var from = FacingNode(net, meshFirst[i], centroids[j]);
                var to = FacingNode(net, meshFirst[j], centroids[i]);
                AddRoad(net, from, to, 150, townOf[i] == townOf[j] ? localSameTown : localCountry, random);
            }
        }

        // Town centres: roundabouts where 10 or more zones cluster; roads attach to the roundabout.
        var towns = townSize.Length;
        var hub = new int[towns];
        var roundabout = net.TagSet(("highway", "primary"), ("junction", "roundabout"), ("maxspeed", "30 mph"));
        var spoke = net.TagSet(("highway", "tertiary"), ("maxspeed", "30 mph"));
        for (var t = 0; t < towns; t++)
        {
            var centreNode = CentreNode(meshFirst[townCentre[t]]);
            hub[t] = centreNode;
            if (townSize[t] >= 10)
            {
                var c = centroids[townCentre[t]];
                var ring = new int[9];
                for (var k = 0; k < 8; k++)
                {
                    var angle = -k * Math.PI / 4; // decreasing angle: clockwise, as UK roundabouts run
                    ring[k] = net.AddNode(c.Easting + 20 + (30 * Math.Cos(angle)), c.Northing + 20 + (30 * Math.Sin(angle)));
                }
                ring[8] = ring[0];
                net.AddWay(ring, roundabout);
                net.AddWay([centreNode, ring[0]], spoke);
                hub[t] = ring[4];
            }
        }

        // Town links: a spanning tree over town centres plus each town's two nearest towns.
        var townLinks = TownLinks(centroids, townCentre, townSize);
        var trunk = net.TagSet(("highway", "trunk"), ("maxspeed", "70 mph"));
        var primary = net.TagSet(("highway", "primary"), ("maxspeed", "60 mph"));
        var secondary = net.TagSet(("highway", "secondary"), ("maxspeed", "60 mph"));
        var unclassified = net.TagSet(("highway", "unclassified"), ("maxspeed", "60 mph"));
        foreach (var (a, b) in townLinks)
        {
            var smaller = Math.Min(townSize[a], townSize[b]);
            var tag = smaller >= 30 ? trunk : smaller >= 10 ? primary : smaller >= 3 ? secondary : unclassified;
            AddRoad(net, hub[a], hub[b], 250, tag, random);
        }

        // Motorways between the largest towns: dual carriageways with slip roads at each end.
        var largest = Enumerable.Range(0, towns).Where(t => townSize[t] >= 30).OrderByDescending(t => townSize[t]).ThenBy(t => t).Take(80).ToArray();
        var motorwayLinks = SpanningTree(largest.Select(t => centroids[townCentre[t]]).ToArray());
        var motorway = net.TagSet(("highway", "motorway"), ("oneway", "yes"), ("maxspeed", "70 mph"));
        var slip = net.TagSet(("highway", "motorway_link"), ("oneway", "yes"), ("maxspeed", "40 mph"));
        foreach (var (a, b) in motorwayLinks)
        {
            var ta = largest[a];
            var tb = largest[b];
            AddCarriageway(net, centroids[townCentre[ta]], centroids[townCentre[tb]], hub[ta], hub[tb], motorway, slip, 40);
            AddCarriageway(net, centroids[townCentre[tb]], centroids[townCentre[ta]], hub[tb], hub[ta], motorway, slip, 40);
        }

        // Islands: a small grid 2.5 km east of one zone in a thousand, joined to nothing.
        for (var i = Math.Min(500, n / 2); i < n; i += 1000)
        {
            var first = AddGridNodes(net, centroids[i].Easting + 2_500, centroids[i].Northing, 150, 3, random);
            AddMeshWays(net, tags, first, 3, dense: false, restriction: false, random);
        }

        var layout = new NationalLayout
        {
            Centroids = centroids,
            MeshFirstNode = meshFirst,
            TownOf = townOf,
            TownCentre = townCentre,
            TownSize = townSize,
            Neighbours = neighbours,
            TownLinks = townLinks,
        };
        return (net, layout);
    }

    private static int CentreNode(int meshFirst) => meshFirst + ((MeshSize / 2) * MeshSize) + (MeshSize / 2);

    private static int AddGridNodes(NationalNetwork net, double easting, double northing, double halfSize, int size, SampleRandom random)
    {
        var first = net.NodeCount;
        var spacing = 2 * halfSize / (size - 1);
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                // Junctions off the exact grid by up to a tenth of a block, so streets are not ruler-straight.
                var jitter = row == size / 2 && column == size / 2 ? 0 : spacing * 0.1;
                net.AddNode(easting - halfSize + (column * spacing) + random.Range(-jitter, jitter),
                    northing - halfSize + (row * spacing) + random.Range(-jitter, jitter));
            }
        }
        return first;
    }

    /// <summary>The mesh's streets as ways of two or three blocks, with shape nodes between junctions.</summary>
    private static void AddMeshWays(NationalNetwork net, MeshTags tags, int first, int size, bool dense, bool restriction, SampleRandom random)
    {
        var middle = size / 2;
        var breaks = size >= 11 ? new[] { 0, 2, middle, middle + 2, size - 1 } : [0, size - 1];
        var path = new List<int>();
        var highStreetIn = -1;
        var highStreetOut = -1;
        for (var line = 0; line < size; line++)
        {
            foreach (var vertical in (bool[])[false, true])
            {
                var tag = line == middle ? tags.HighStreet
                    : dense && !vertical && (line == 2 || line == size - 3) ? (line == 2 ? tags.OneWay : tags.OneWayReverse)
                    : dense ? tags.Residential20 : tags.Residential30;
                for (var b = 0; b + 1 < breaks.Length; b++)
                {
                    path.Clear();
                    for (var k = breaks[b]; k <= breaks[b + 1]; k++)
                    {
                        var node = vertical ? first + (k * size) + line : first + (line * size) + k;
                        if (k > breaks[b])
                        {
                            AddShapeNodes(net, path[^1], node, random, path);
                        }
                        path.Add(node);
                    }
                    var way = net.AddWay(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path), tag);
                    if (line == middle && !vertical && breaks[b + 1] == middle)
                    {
                        highStreetIn = way;
                    }
                    if (line == middle && vertical && breaks[b] == middle)
                    {
                        highStreetOut = way;
                    }
                }
            }
        }
        if (restriction && highStreetIn >= 0 && highStreetOut >= 0)
        {
            net.AddRestriction(highStreetIn, first + (middle * size) + middle, highStreetOut, "no_left_turn");
        }
        // A footway across the mesh through the diagonal junctions, and a private drive off one corner.
        path.Clear();
        for (var k = 0; k < size; k++)
        {
            path.Add(first + (k * size) + k);
        }
        net.AddWay(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(path), tags.Footway);
        // About 60 m north-east of the corner (1e7 degrees per 111.32 km; longitude degrees are ~0.6 as long here).
        var corner = first + size - 1;
        var drive = net.AddNodeE7(net.NodeLatE7[corner] + 5_400, net.NodeLonE7[corner] + 9_000);
        net.AddWay([corner, drive], tags.Private);
    }

    private static void AddShapeNodes(NationalNetwork net, int from, int to, SampleRandom random, List<int> path)
    {
        for (var s = 1; s <= ShapeNodesPerBlock; s++)
        {
            var f = s / (double)(ShapeNodesPerBlock + 1);
            path.Add(net.AddNodeE7((int)(net.NodeLatE7[from] + ((net.NodeLatE7[to] - net.NodeLatE7[from]) * f) + random.Range(-40, 40)),
                (int)(net.NodeLonE7[from] + ((net.NodeLonE7[to] - net.NodeLonE7[from]) * f) + random.Range(-60, 60))));
        }
    }

    /// <summary>The junction of mesh <paramref name="meshFirst"/>'s outer ring nearest to <paramref name="toward"/>.</summary>
    private static int FacingNode(NationalNetwork net, int meshFirst, NationalCentroid toward)
    {
        var (lon, lat) = net.LonLat(toward.Easting, toward.Northing);
        var best = meshFirst;
        var bestDistance = double.MaxValue;
        for (var row = 0; row < MeshSize; row++)
        {
            for (var column = 0; column < MeshSize; column++)
            {
                if (row != 0 && row != MeshSize - 1 && column != 0 && column != MeshSize - 1)
                {
                    continue;
                }
                var node = meshFirst + (row * MeshSize) + column;
                var dLat = (net.NodeLatE7[node] * 1e-7) - lat;
                var dLon = ((net.NodeLonE7[node] * 1e-7) - lon) * 0.62;
                var d = (dLat * dLat) + (dLon * dLon);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = node;
                }
            }
        }
        return best;
    }

    /// <summary>A two-way road from node to node with a node every ~<paramref name="stepMetres"/>, gently curved.</summary>
    private static void AddRoad(NationalNetwork net, int from, int to, double stepMetres, int tagSet, SampleRandom random)
    {
        var metres = net.Metres(from, to);
        var steps = Math.Max(1, (int)Math.Round(metres / stepMetres));
        var path = new int[steps + 1];
        path[0] = from;
        path[steps] = to;
        var bend = random.Range(-0.08, 0.08);
        for (var s = 1; s < steps; s++)
        {
            var f = s / (double)steps;
            var offset = bend * Math.Sin(f * Math.PI);
            var lat = net.NodeLatE7[from] + ((net.NodeLatE7[to] - net.NodeLatE7[from]) * f) - ((net.NodeLonE7[to] - net.NodeLonE7[from]) * offset * 0.6);
            var lon = net.NodeLonE7[from] + ((net.NodeLonE7[to] - net.NodeLonE7[from]) * f) + ((net.NodeLatE7[to] - net.NodeLatE7[from]) * offset / 0.6);
            path[s] = net.AddNodeE7((int)lat, (int)lon);
        }
        // Long roads are split into ways of about 40 nodes, as OSM splits them at bridges, limits and name changes.
        for (var start = 0; start < steps; start += 40)
        {
            net.AddWay(path.AsSpan(start, Math.Min(40, steps - start) + 1), tagSet);
        }
    }

    /// <summary>One carriageway from town A to town B, offset to the left, with slip roads from A's hub and to B's hub.</summary>
    private static void AddCarriageway(NationalNetwork net, NationalCentroid a, NationalCentroid b, int hubA, int hubB, int motorway, int slip, double offsetMetres)
    {
        var dx = b.Easting - a.Easting;
        var dy = b.Northing - a.Northing;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 3_000)
        {
            return;
        }
        var nx = -dy / length * offsetMetres;
        var ny = dx / length * offsetMetres;
        var steps = Math.Max(2, (int)Math.Round((length - 2_000) / 500));
        var path = new int[steps + 1];
        for (var s = 0; s <= steps; s++)
        {
            var f = (1_000 + ((length - 2_000) * s / steps)) / length;
            path[s] = net.AddNode(a.Easting + (dx * f) + nx, a.Northing + (dy * f) + ny);
        }
        for (var start = 0; start < steps; start += 40)
        {
            net.AddWay(path.AsSpan(start, Math.Min(40, steps - start) + 1), motorway);
        }
        net.AddWay([hubA, path[0]], slip);
        net.AddWay([path[^1], hubB], slip);
    }

    /// <summary>Towns: single-linkage clusters of centroids within <see cref="TownLinkMetres"/>; centre = member nearest the mean.</summary>
    private static (int[] TownOf, int[] Size, int[] Centre) Towns(IReadOnlyList<NationalCentroid> centroids, CentroidIndex index, List<int>[] neighbours)
    {
        var n = centroids.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        for (var i = 0; i < n; i++)
        {
            foreach (var j in neighbours[i])
            {
                if (index.Distance(i, j) <= TownLinkMetres)
                {
                    var (ri, rj) = (Find(i), Find(j));
                    if (ri != rj)
                    {
                        parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
                    }
                }
            }
        }
        var townOf = new int[n];
        var townByRoot = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(i);
            if (!townByRoot.TryGetValue(root, out var t))
            {
                townByRoot[root] = t = townByRoot.Count;
            }
            townOf[i] = t;
        }
        var towns = townByRoot.Count;
        var size = new int[towns];
        var sumE = new double[towns];
        var sumN = new double[towns];
        for (var i = 0; i < n; i++)
        {
            size[townOf[i]]++;
            sumE[townOf[i]] += centroids[i].Easting;
            sumN[townOf[i]] += centroids[i].Northing;
        }
        var centre = new int[towns];
        var best = new double[towns];
        Array.Fill(best, double.MaxValue);
        for (var i = 0; i < n; i++)
        {
            var t = townOf[i];
            var dx = centroids[i].Easting - (sumE[t] / size[t]);
            var dy = centroids[i].Northing - (sumN[t] / size[t]);
            var d = (dx * dx) + (dy * dy);
            if (d < best[t])
            {
                best[t] = d;
                centre[t] = i;
            }
        }
        return (townOf, size, centre);
    }

    private static List<(int A, int B)> TownLinks(IReadOnlyList<NationalCentroid> centroids, int[] townCentre, int[] townSize)
    {
        var points = townCentre.Select(c => centroids[c]).ToArray();
        var links = SpanningTree(points);
        var seen = new HashSet<(int, int)>(links.Select(l => (Math.Min(l.A, l.B), Math.Max(l.A, l.B))));
        var townIndex = new CentroidIndex(points);
        for (var t = 0; t < points.Length; t++)
        {
            if (townSize[t] < 2)
            {
                continue;
            }
            foreach (var u in townIndex.Nearest(t, 2, 40_000))
            {
                if (seen.Add((Math.Min(t, u), Math.Max(t, u))))
                {
                    links.Add((t, u));
                }
            }
        }
        return links;
    }

    /// <summary>Euclidean minimum spanning tree (Prim, O(n²)), edges in the order added.</summary>
    private static List<(int A, int B)> SpanningTree(NationalCentroid[] points)
    {
        var n = points.Length;
        var links = new List<(int, int)>(Math.Max(0, n - 1));
        if (n < 2)
        {
            return links;
        }
        var inTree = new bool[n];
        var best = new double[n];
        var via = new int[n];
        Array.Fill(best, double.MaxValue);
        best[0] = 0;
        for (var step = 0; step < n; step++)
        {
            var next = -1;
            for (var i = 0; i < n; i++)
            {
                if (!inTree[i] && (next < 0 || best[i] < best[next]))
                {
                    next = i;
                }
            }
            inTree[next] = true;
            if (step > 0)
            {
                links.Add((via[next], next));
            }
            for (var i = 0; i < n; i++)
            {
                if (!inTree[i])
                {
                    var dx = points[i].Easting - points[next].Easting;
                    var dy = points[i].Northing - points[next].Northing;
                    var d = (dx * dx) + (dy * dy);
                    if (d < best[i])
                    {
                        best[i] = d;
                        via[i] = next;
                    }
                }
            }
        }
        return links;
    }

    private sealed class MeshTags(NationalNetwork net)
    {
        public int HighStreet { get; } = net.TagSet(("highway", "tertiary"), ("maxspeed", "30 mph"));
        public int Residential20 { get; } = net.TagSet(("highway", "residential"), ("maxspeed", "20 mph"));
        public int Residential30 { get; } = net.TagSet(("highway", "residential"), ("maxspeed", "30 mph"));
        public int OneWay { get; } = net.TagSet(("highway", "residential"), ("maxspeed", "20 mph"), ("oneway", "yes"));
        public int OneWayReverse { get; } = net.TagSet(("highway", "residential"), ("maxspeed", "20 mph"), ("oneway", "-1"));
        public int Footway { get; } = net.TagSet(("highway", "footway"));
        public int Private { get; } = net.TagSet(("highway", "service"), ("access", "private"));
    }
}
