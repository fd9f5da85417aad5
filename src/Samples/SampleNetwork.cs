namespace Geo.Samples;

/// <summary>
/// The in-memory road network of the sample region: nodes, ways and relations with stable ids
/// (assigned in creation order, so the same code always gives the same ids), plus the settlements and
/// the named nodes that bus stops and sites are placed on.
/// </summary>
internal sealed class SampleNetwork
{
    public const long FirstNodeId = 1_000_001;
    public const long FirstWayId = 2_000_001;
    public const long FirstRelationId = 3_000_001;

    private readonly Dictionary<long, SampleNode> _nodeById = [];

    public List<SampleNode> Nodes { get; } = [];
    public List<SampleWay> Ways { get; } = [];
    public List<SampleRelation> Relations { get; } = [];
    public List<Settlement> Settlements { get; } = [];

    /// <summary>Nodes given a name by the builder (bus stop and site anchors), e.g. "Harrowby Bus Station".</summary>
    public Dictionary<string, long> Landmarks { get; } = new(StringComparer.Ordinal);

    public SampleNode Node(long id) => _nodeById[id];

    public Settlement Settlement(string name) => Settlements.First(s => s.Name == name);

    public long AddNode(double xMetres, double yMetres)
    {
        var id = FirstNodeId + Nodes.Count;
        var node = new SampleNode(id, xMetres, yMetres, LocalProjection.LonE7(xMetres), LocalProjection.LatE7(yMetres));
        Nodes.Add(node);
        _nodeById.Add(id, node);
        return id;
    }

    public long AddWay(IReadOnlyList<long> nodeIds, params (string Key, string Value)[] tags)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(tags);
        if (nodeIds.Count < 2)
        {
            throw new ArgumentException("a way needs at least two nodes", nameof(nodeIds));
        }
        var id = FirstWayId + Ways.Count;
        var list = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var (key, value) in tags)
        {
            list.Add(new KeyValuePair<string, string>(key, value));
        }
        Ways.Add(new SampleWay(id, nodeIds.ToArray(), list));
        return id;
    }

    public long AddRestriction(long fromWay, long viaNode, long toWay, string restriction)
    {
        var id = FirstRelationId + Relations.Count;
        Relations.Add(new SampleRelation(id, fromWay, viaNode, toWay,
            [new("type", "restriction"), new("restriction", restriction)]));
        return id;
    }

    /// <summary>Straight-line distance in metres between two nodes (local plane).</summary>
    public double DistanceMetres(long a, long b)
    {
        var na = _nodeById[a];
        var nb = _nodeById[b];
        return Math.Sqrt((na.XMetres - nb.XMetres) * (na.XMetres - nb.XMetres) + (na.YMetres - nb.YMetres) * (na.YMetres - nb.YMetres));
    }

    /// <summary>Distance in metres from a local point to the nearest node that lies on a highway way.</summary>
    public double NearestRoadNodeMetres(double xMetres, double yMetres, out long nearest)
    {
        var best = double.MaxValue;
        nearest = -1;
        foreach (var way in Ways)
        {
            foreach (var id in way.NodeIds)
            {
                var n = _nodeById[id];
                var d = Math.Sqrt((n.XMetres - xMetres) * (n.XMetres - xMetres) + (n.YMetres - yMetres) * (n.YMetres - yMetres));
                if (d < best)
                {
                    best = d;
                    nearest = id;
                }
            }
        }
        return best;
    }
}
