using System.Diagnostics;
using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Osm;
using Geo.Routing.Profiles;

namespace Geo.Routing.Streets;

/// <summary>
/// Turns an <see cref="OsmExtract"/> into per-mode graphs: straight segments between consecutive way nodes, directed
/// edges per mode, car turn restrictions by via-node splitting, largest-SCC pruning, Hilbert renumbering, CSR.
/// </summary>
internal static class StreetNetworkBuilder
{
    public static StreetNetwork Build(string pbfPath, StreetProfiles profiles, IProgress<string>? progress)
    {
        var clock = Stopwatch.StartNew();
        var extract = PbfNetworkReader.Read(pbfPath, profiles, progress);
        if (extract.WayIds.Length == 0)
        {
            throw new ComputationException($"{pbfPath}: the file has no ways that car, walk or cycle may use ({extract.WaysRead:N0} ways read).");
        }
        progress?.Report("Hashing " + Path.GetFileName(pbfPath));
        var sourceHash = HashFile(pbfPath);

        // Base segments between consecutive present nodes. Lists are sized once from the upper bound (way nodes - ways):
        // growing by doubling would hold up to three times the final size at the peak on a national network.
        var maxSegments = extract.WayNodes.Length - extract.WayIds.Length;
        var segA = new List<int>(maxSegments);
        var segB = new List<int>(maxSegments);
        var segWay = new List<int>(maxSegments);
        var segLengthMm = new List<int>(maxSegments);
        for (var way = 0; way < extract.WayIds.Length; way++)
        {
            for (var i = extract.WayFirstNode[way]; i + 1 < extract.WayFirstNode[way + 1]; i++)
            {
                int a = extract.WayNodes[i], b = extract.WayNodes[i + 1];
                if (a < 0 || b < 0 || a == b)
                {
                    continue;
                }
                segA.Add(a);
                segB.Add(b);
                segWay.Add(way);
                segLengthMm.Add(LengthMm(extract.NodeLatE7[a], extract.NodeLonE7[a], extract.NodeLatE7[b], extract.NodeLonE7[b]));
            }
        }
        if (segA.Count == 0)
        {
            throw new ComputationException($"{pbfPath}: the routable ways have no usable segments (their nodes are missing from the file).");
        }

        var modes = new ModeTopology[3];
        var reports = new ModeBuildReport[3];
        var applied = 0;
        foreach (var mode in TravelModes.All)
        {
            progress?.Report($"Building the {mode.ToName()} graph");
            var edges = DirectedEdges(mode, extract, segA, segB, segWay);
            var vertexNode = new List<int>(extract.NodeIds.Length);
            for (var v = 0; v < extract.NodeIds.Length; v++)
            {
                vertexNode.Add(v);
            }
            if (mode == TravelMode.Car)
            {
                applied = ApplyTurnRestrictions(extract, edges, segWay, vertexNode);
            }
            (modes[(int)mode], reports[(int)mode]) = Finish(mode, edges, vertexNode, extract, segLengthMm, segWay);
        }

        var report = new BuildReport(
            extract.WaysRead,
            extract.WayIds.Length,
            extract.NodeIds.Length,
            extract.MissingNodes,
            extract.DistinctTagSets,
            extract.RestrictionRelationsRead,
            applied,
            extract.RestrictionRelationsRead - applied,
            reports[0],
            reports[1],
            reports[2],
            clock.Elapsed.TotalSeconds);
        return new StreetNetwork(sourceHash, profiles, report, extract, segA.Count, modes);
    }

    internal static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    internal static int LengthMm(int latE7A, int lonE7A, int latE7B, int lonE7B)
    {
        var metres = GeoPoint.DistanceMetres(new GeoPoint(lonE7A / 1e7, latE7A / 1e7), new GeoPoint(lonE7B / 1e7, latE7B / 1e7));
        return (int)Math.Min(int.MaxValue, Math.Round(metres * 1000));
    }

    /// <summary>Mutable directed edge list of one mode during the build (sized for its street edges; turn-restriction connectors may add a few).</summary>
    private sealed class EdgeList(int capacity)
    {
        public List<int> From { get; } = new(capacity);
        public List<int> To { get; } = new(capacity);
        /// <summary>2 * segment + direction, or -1 for a connector.</summary>
        public List<int> Segment { get; } = new(capacity);

        /// <summary>Frees the lists once copied into arrays.</summary>
        public void Release()
        {
            From.Clear();
            From.Capacity = 0;
            To.Clear();
            To.Capacity = 0;
            Segment.Clear();
            Segment.Capacity = 0;
        }

        public void Add(int from, int to, int segment)
        {
            From.Add(from);
            To.Add(to);
            Segment.Add(segment);
        }
    }

    private static EdgeList DirectedEdges(TravelMode mode, OsmExtract extract, List<int> segA, List<int> segB, List<int> segWay)
    {
        var edges = new EdgeList(CountDirectedEdges(mode, extract, segWay));
        for (var s = 0; s < segA.Count; s++)
        {
            var (forward, backward) = Directions(mode, extract.WayProfiles[segWay[s]]);
            if (forward)
            {
                edges.Add(segA[s], segB[s], 2 * s);
            }
            if (backward)
            {
                edges.Add(segB[s], segA[s], (2 * s) + 1);
            }
        }
        return edges;
    }

    private static (bool Forward, bool Backward) Directions(TravelMode mode, WayProfile profile) => mode switch
    {
        TravelMode.Car => (profile.CarForward, profile.CarBackward),
        TravelMode.Walk => (profile.WalkForward, profile.WalkBackward),
        _ => (profile.CycleForward, profile.CycleBackward),
    };

    private static int CountDirectedEdges(TravelMode mode, OsmExtract extract, List<int> segWay)
    {
        var count = 0;
        foreach (var way in segWay)
        {
            var (forward, backward) = Directions(mode, extract.WayProfiles[way]);
            count += (forward ? 1 : 0) + (backward ? 1 : 0);
        }
        return count;
    }

    /// <summary>
    /// Splits each restricted via node V: every edge into V gets its own copy of V (one per incoming edge), every edge out
    /// of V its own start vertex, and zero-length connectors join an in-copy to an out-vertex for each allowed turn.
    /// Per-outgoing vertices keep each street segment a single edge from a single vertex, so snapping stays exact.
    /// Returns the number of restrictions applied.
    /// </summary>
    private static int ApplyTurnRestrictions(OsmExtract extract, EdgeList edges, List<int> segWay, List<int> vertexNode)
    {
        var byVia = new SortedDictionary<int, List<TurnRestriction>>();
        foreach (var restriction in extract.Restrictions)
        {
            var via = Array.BinarySearch(extract.NodeIds, restriction.ViaNode);
            if (via < 0)
            {
                continue;
            }
            if (!byVia.TryGetValue(via, out var list))
            {
                byVia.Add(via, list = []);
            }
            list.Add(restriction);
        }
        if (byVia.Count == 0)
        {
            return 0;
        }
        var incoming = new Dictionary<int, List<int>>();
        var outgoing = new Dictionary<int, List<int>>();
        foreach (var via in byVia.Keys)
        {
            incoming.Add(via, []);
            outgoing.Add(via, []);
        }
        var edgeCount = edges.From.Count;
        for (var e = 0; e < edgeCount; e++)
        {
            if (incoming.TryGetValue(edges.To[e], out var into))
            {
                into.Add(e);
            }
            if (outgoing.TryGetValue(edges.From[e], out var outOf))
            {
                outOf.Add(e);
            }
        }
        int WayId(int edge) => segWay[edges.Segment[edge] >> 1];
        long OsmWay(int edge) => extract.WayIds[WayId(edge)];

        var applied = 0;
        foreach (var (via, restrictions) in byVia)
        {
            var into = incoming[via];
            var outOf = outgoing[via];
            var forbidden = new bool[into.Count, outOf.Count];
            var any = false;
            foreach (var r in restrictions)
            {
                var matchedFrom = false;
                var matchedTo = false;
                for (var j = 0; j < outOf.Count; j++)
                {
                    matchedTo |= OsmWay(outOf[j]) == r.ToWay;
                }
                for (var i = 0; i < into.Count; i++)
                {
                    if (OsmWay(into[i]) != r.FromWay)
                    {
                        continue;
                    }
                    matchedFrom = true;
                    if (!matchedTo)
                    {
                        continue;
                    }
                    for (var j = 0; j < outOf.Count; j++)
                    {
                        var toMatches = OsmWay(outOf[j]) == r.ToWay;
                        if (r.Only)
                        {
                            if (!toMatches)
                            {
                                forbidden[i, j] = true;
                            }
                        }
                        else if (toMatches)
                        {
                            // from == to (no_u_turn on one way): forbid only going back along the same segment.
                            if (r.FromWay == r.ToWay && (edges.Segment[into[i]] >> 1) != (edges.Segment[outOf[j]] >> 1))
                            {
                                continue;
                            }
                            forbidden[i, j] = true;
                        }
                    }
                }
                if (matchedFrom && matchedTo)
                {
                    applied++;
                    any = true;
                }
            }
            if (!any)
            {
                continue;
            }
            var inCopy = new int[into.Count];
            for (var i = 0; i < into.Count; i++)
            {
                inCopy[i] = vertexNode.Count;
                vertexNode.Add(via);
                edges.To[into[i]] = inCopy[i];
            }
            var outStart = new int[outOf.Count];
            for (var j = 0; j < outOf.Count; j++)
            {
                outStart[j] = vertexNode.Count;
                vertexNode.Add(via);
                edges.From[outOf[j]] = outStart[j];
            }
            for (var i = 0; i < into.Count; i++)
            {
                for (var j = 0; j < outOf.Count; j++)
                {
                    if (!forbidden[i, j])
                    {
                        edges.Add(inCopy[i], outStart[j], -1);
                    }
                }
            }
        }
        return applied;
    }

    /// <summary>Keeps the largest strongly connected component, renumbers along a Hilbert curve and builds CSR.</summary>
    private static (ModeTopology, ModeBuildReport) Finish(TravelMode mode, EdgeList edges, List<int> vertexNodeList, OsmExtract extract,
        List<int> segLengthMm, List<int> segWay)
    {
        var n = vertexNodeList.Count;
        var m = edges.From.Count;
        var from = edges.From.ToArray();
        var to = edges.To.ToArray();
        var seg = edges.Segment.ToArray();
        edges.Release();

        // CSR over all vertices for the SCC search.
        var first = new int[n + 1];
        var hasEdge = new bool[n];
        for (var e = 0; e < m; e++)
        {
            first[from[e] + 1]++;
            hasEdge[from[e]] = true;
            hasEdge[to[e]] = true;
        }
        for (var v = 0; v < n; v++)
        {
            first[v + 1] += first[v];
        }
        var fill = (int[])first.Clone();
        var target = new int[m];
        for (var e = 0; e < m; e++)
        {
            target[fill[from[e]]++] = to[e];
        }
        StronglyConnectedComponents.Label(first, target, out var component);

        var verticesBefore = 0;
        var sizes = new Dictionary<int, int>();
        for (var v = 0; v < n; v++)
        {
            if (!hasEdge[v])
            {
                continue;
            }
            verticesBefore++;
            sizes[component[v]] = sizes.GetValueOrDefault(component[v]) + 1;
        }
        var best = -1;
        var bestSize = 0;
        foreach (var (c, size) in sizes)
        {
            if (size > bestSize || (size == bestSize && c < best))
            {
                best = c;
                bestSize = size;
            }
        }

        var vertexNode = vertexNodeList.ToArray();
        var latAll = new int[n];
        var lonAll = new int[n];
        for (var v = 0; v < n; v++)
        {
            latAll[v] = extract.NodeLatE7[vertexNode[v]];
            lonAll[v] = extract.NodeLonE7[vertexNode[v]];
        }
        var kept = new List<int>(bestSize);
        for (var v = 0; v < n; v++)
        {
            if (hasEdge[v] && component[v] == best && bestSize > 1)
            {
                kept.Add(v);
            }
        }
        var order = HilbertOrder.Sort([.. kept], latAll, lonAll);
        var newIndex = new int[n];
        Array.Fill(newIndex, -1);
        for (var i = 0; i < order.Length; i++)
        {
            newIndex[order[i]] = i;
        }

        var keptEdges = 0;
        var firstEdge = new int[order.Length + 1];
        for (var e = 0; e < m; e++)
        {
            if (newIndex[from[e]] >= 0 && newIndex[to[e]] >= 0)
            {
                keptEdges++;
                firstEdge[newIndex[from[e]] + 1]++;
            }
        }
        for (var v = 0; v < order.Length; v++)
        {
            firstEdge[v + 1] += firstEdge[v];
        }
        var next = (int[])firstEdge.Clone();
        var edgeTarget = new int[keptEdges];
        var edgeLength = new int[keptEdges];
        var edgeWay = new int[keptEdges];
        var edgeSegment = new int[keptEdges];
        for (var e = 0; e < m; e++)
        {
            var a = newIndex[from[e]];
            var b = newIndex[to[e]];
            if (a < 0 || b < 0)
            {
                continue;
            }
            var slot = next[a]++;
            edgeTarget[slot] = b;
            edgeSegment[slot] = seg[e];
            edgeLength[slot] = seg[e] < 0 ? 0 : segLengthMm[seg[e] >> 1];
            edgeWay[slot] = seg[e] < 0 ? -1 : segWay[seg[e] >> 1];
        }
        var lat = new int[order.Length];
        var lon = new int[order.Length];
        var node = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            lat[i] = latAll[order[i]];
            lon[i] = lonAll[order[i]];
            node[i] = vertexNode[order[i]];
        }
        var topology = new ModeTopology
        {
            VertexLatE7 = lat,
            VertexLonE7 = lon,
            VertexNode = node,
            FirstEdge = firstEdge,
            EdgeTarget = edgeTarget,
            EdgeLengthMm = edgeLength,
            EdgeWay = edgeWay,
            EdgeSegment = edgeSegment,
        };
        var report = new ModeBuildReport(mode, order.Length, keptEdges, verticesBefore - order.Length, m - keptEdges);
        return (topology, report);
    }
}
