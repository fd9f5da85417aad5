using Geo.Core;
using Geo.Routing.Geometry;
using Geo.Routing.Osm;
using Geo.Routing.Profiles;

namespace Geo.Routing.Streets;

/// <summary>
/// The street network of a region, built once from an OSM PBF and saved as a versioned binary file (.geonet):
/// the routable ways, and one pruned, restriction-expanded graph per travel mode. Per time band and speed-override
/// set it derives <see cref="ModeGraph"/>s (durations) and <see cref="Snapper"/>s. Immutable and thread-safe.
/// </summary>
public sealed partial class StreetNetwork
{
    private readonly ModeTopology?[] _modes;
    private readonly ModeGraph?[] _graphCache = new ModeGraph?[TravelModes.All.Count * TimeBands.All.Count];
    private readonly Lock _cacheLock = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ModeGraph, Snapper> _snappers = [];

    internal StreetNetwork(string sourceHash, StreetProfiles profiles, BuildReport report, OsmExtract extract, int segmentCount, ModeTopology[] modes)
    {
        SourceHash = sourceHash;
        Profiles = profiles;
        BuildReport = report;
        NodeIds = extract.NodeIds;
        NodeLatE7 = extract.NodeLatE7;
        NodeLonE7 = extract.NodeLonE7;
        WayIds = extract.WayIds;
        WayFirstNode = extract.WayFirstNode;
        WayNodes = extract.WayNodes;
        var ways = extract.WayIds.Length;
        WayHighway = new byte[ways];
        WayCarKmh = new double[ways];
        WayWalkKmh = new double[ways];
        WayCycleKmh = new double[ways];
        for (var w = 0; w < ways; w++)
        {
            var p = extract.WayProfiles[w];
            WayHighway[w] = (byte)p.Highway;
            WayCarKmh[w] = p.CarSpeedKmh;
            WayWalkKmh[w] = p.WalkSpeedKmh;
            WayCycleKmh[w] = p.CycleSpeedKmh;
        }
        SegmentCount = segmentCount;
        _modes = modes;
    }

    internal StreetNetwork(string sourceHash, StreetProfiles profiles, BuildReport report, long[] nodeIds, int[] nodeLatE7, int[] nodeLonE7,
        long[] wayIds, int[] wayFirstNode, int[] wayNodes, byte[] wayHighway, double[] wayCarKmh, double[] wayWalkKmh, double[] wayCycleKmh,
        int segmentCount, ModeTopology?[] modes)
    {
        SourceHash = sourceHash;
        Profiles = profiles;
        BuildReport = report;
        NodeIds = nodeIds;
        NodeLatE7 = nodeLatE7;
        NodeLonE7 = nodeLonE7;
        WayIds = wayIds;
        WayFirstNode = wayFirstNode;
        WayNodes = wayNodes;
        WayHighway = wayHighway;
        WayCarKmh = wayCarKmh;
        WayWalkKmh = wayWalkKmh;
        WayCycleKmh = wayCycleKmh;
        SegmentCount = segmentCount;
        _modes = modes;
    }

    /// <summary>SHA-256 (lower-case hex) of the PBF the network was built from.</summary>
    public string SourceHash { get; }

    /// <summary>The profiles the network was built with (stored in the file).</summary>
    public StreetProfiles Profiles { get; }

    public BuildReport BuildReport { get; }

    internal long[] NodeIds { get; }
    internal int[] NodeLatE7 { get; }
    internal int[] NodeLonE7 { get; }
    internal long[] WayIds { get; }
    internal int[] WayFirstNode { get; }
    internal int[] WayNodes { get; }
    internal byte[] WayHighway { get; }
    internal double[] WayCarKmh { get; }
    internal double[] WayWalkKmh { get; }
    internal double[] WayCycleKmh { get; }
    internal int SegmentCount { get; }

    internal ModeTopology Topology(TravelMode mode) => _modes[(int)mode]
        ?? throw new InvalidOperationException($"The {mode.ToName()} graph was not loaded (StreetNetwork.Load was given other modes).");

    /// <summary>Reads a PBF and builds all three mode graphs.</summary>
    /// <exception cref="InputFileException">The PBF or profile file is missing or unreadable.</exception>
    /// <exception cref="ComputationException">The PBF holds no routable ways.</exception>
    public static StreetNetwork BuildFromPbf(string pbfPath, StreetProfiles? profiles = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pbfPath);
        return StreetNetworkBuilder.Build(pbfPath, profiles ?? StreetProfiles.Default, progress);
    }

    /// <summary>Writes the network to a .geonet file (atomically: temp file then rename).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        WriteFile(this, path);
    }

    /// <summary>
    /// Reads a .geonet file written by <see cref="Save"/>; with <paramref name="modes"/>, only those modes' graphs are kept
    /// (the whole file is still checked): a car matrix on a national network then holds a third of the graphs. Asking a
    /// network for a mode it did not load throws <see cref="InvalidOperationException"/>; such a network cannot be saved.
    /// </summary>
    /// <exception cref="InputFileException">Missing, corrupt or wrong-version file; the message names the command to rebuild it.</exception>
    public static StreetNetwork Load(string path, IReadOnlyCollection<TravelMode>? modes = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(path, modes);
    }

    /// <summary>
    /// The graph of a mode with durations for a time band (bands only change car speeds) and optional car speed overrides.
    /// Graphs without overrides are cached, so repeated calls return the same instance. Vertex and edge numbering is
    /// the same for every band and override set of a mode.
    /// </summary>
    public ModeGraph GetModeGraph(TravelMode mode, SpeedOverrides? overrides = null, TimeBand band = TimeBand.OffPeak)
    {
        CheckMode(mode);
        if (!Enum.IsDefined(band))
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown time band.");
        }
        if (mode != TravelMode.Car)
        {
            band = TimeBand.OffPeak;
            overrides = null;
        }
        if (overrides is null)
        {
            var slot = ((int)mode * TimeBands.All.Count) + (int)band;
            lock (_cacheLock)
            {
                return _graphCache[slot] ??= CreateModeGraph(mode, null, band);
            }
        }
        return CreateModeGraph(mode, overrides, band);
    }

    /// <summary>
    /// A snapper over the edges of <paramref name="graph"/>, which must come from <see cref="GetModeGraph"/> for the same mode.
    /// Cached per graph instance, so repeated calls are cheap.
    /// </summary>
    public Snapper CreateSnapper(TravelMode mode, ModeGraph graph)
    {
        CheckMode(mode);
        ArgumentNullException.ThrowIfNull(graph);
        var topology = Topology(mode);
        if (graph.VertexCount != topology.VertexCount || graph.EdgeCount != topology.EdgeCount)
        {
            throw new ArgumentException($"The graph does not belong to the {mode.ToName()} graph of this network.", nameof(graph));
        }
        lock (_cacheLock)
        {
            if (_snappers.TryGetValue(graph, out var cached) && cached.Mode == mode)
            {
                return cached;
            }
        }
        var snapper = new Snapper(mode, topology, graph, SegmentCount);
        lock (_cacheLock)
        {
            _snappers.AddOrUpdate(graph, snapper);
        }
        return snapper;
    }

    /// <summary>The routable ways as polylines with their highway class, for map basemaps (ways split where nodes are missing).</summary>
    public IEnumerable<(GeoPoint[] Line, string Highway)> RoadLines()
    {
        var points = new List<GeoPoint>();
        for (var way = 0; way < WayIds.Length; way++)
        {
            var highway = ((HighwayClass)WayHighway[way]).ToOsmName();
            points.Clear();
            for (var i = WayFirstNode[way]; i < WayFirstNode[way + 1]; i++)
            {
                var node = WayNodes[i];
                if (node < 0)
                {
                    if (points.Count >= 2)
                    {
                        yield return (points.ToArray(), highway);
                    }
                    points.Clear();
                    continue;
                }
                points.Add(new GeoPoint(NodeLonE7[node] / 1e7, NodeLatE7[node] / 1e7));
            }
            if (points.Count >= 2)
            {
                yield return (points.ToArray(), highway);
            }
        }
    }

    /// <summary>The OSM node a vertex of a mode graph stands for (turn-restriction copies share their node's id).</summary>
    public long OsmNodeId(TravelMode mode, int vertex)
    {
        CheckMode(mode);
        return NodeIds[Topology(mode).VertexNode[vertex]];
    }

    /// <summary>The OSM way an edge of a mode graph lies on, or -1 for a zero-length turn connector.</summary>
    public long OsmWayId(TravelMode mode, int edge)
    {
        CheckMode(mode);
        var way = Topology(mode).EdgeWay[edge];
        return way < 0 ? -1 : WayIds[way];
    }

    /// <summary>All vertices of a mode graph standing for an OSM node (several where a turn restriction split it; none if pruned).</summary>
    public int[] FindVertices(TravelMode mode, long osmNodeId)
    {
        CheckMode(mode);
        var node = Array.BinarySearch(NodeIds, osmNodeId);
        if (node < 0)
        {
            return [];
        }
        var vertexNode = Topology(mode).VertexNode;
        var found = new List<int>();
        for (var v = 0; v < vertexNode.Length; v++)
        {
            if (vertexNode[v] == node)
            {
                found.Add(v);
            }
        }
        return [.. found];
    }

    private ModeGraph CreateModeGraph(TravelMode mode, SpeedOverrides? overrides, TimeBand band)
    {
        var t = Topology(mode);
        var duration = new int[t.EdgeCount];
        var speeds = mode switch
        {
            TravelMode.Walk => WayWalkKmh,
            TravelMode.Cycle => WayCycleKmh,
            _ => WayCarKmh,
        };
        // Per-way speed for this band, computed once per way rather than per edge.
        var wayKmh = new double[WayIds.Length];
        for (var w = 0; w < wayKmh.Length; w++)
        {
            if (mode != TravelMode.Car)
            {
                wayKmh[w] = speeds[w];
                continue;
            }
            var highway = (HighwayClass)WayHighway[w];
            wayKmh[w] = overrides is not null && overrides.TryGetKmh(WayIds[w], highway, band, out var kmh)
                ? kmh
                : speeds[w] * Profiles.CarBandFactor(band, highway);
        }
        for (var e = 0; e < duration.Length; e++)
        {
            var way = t.EdgeWay[e];
            duration[e] = way < 0 ? 1 : DurationMs(t.EdgeLengthMm[e], wayKmh[way]);
        }
        return new ModeGraph(t.FirstEdge, t.EdgeTarget, duration, t.EdgeLengthMm, t.VertexLatE7, t.VertexLonE7);
    }

    /// <summary>Duration in ms of a length at a speed, rounded, at least 1 ms.</summary>
    internal static int DurationMs(int lengthMm, double kmh) => (int)Math.Max(1, Math.Min(int.MaxValue, Math.Round(lengthMm * 3.6 / kmh)));

    private static void CheckMode(TravelMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown travel mode.");
        }
    }
}
