namespace Geo.Samples.National;

/// <summary>
/// The generated road network in flat columns (national size is tens of millions of nodes, too many for objects):
/// node coordinates, ways as CSR over node indices with an interned tag set each, and via-node turn restrictions.
/// OSM ids are index + 1. Coordinates come from British National Grid metres through a per-2 km-cell linearisation of
/// <see cref="BritishNationalGrid"/> (exact at each cell corner, well under a metre off inside it).
/// </summary>
internal sealed class NationalNetwork
{
    private const double CellMetres = 2000;
    private readonly Dictionary<long, (double Lon, double Lat, double LonPerX, double LonPerY, double LatPerX, double LatPerY)> _cells = [];
    private readonly Dictionary<string, int> _tagSetIndex = new(StringComparer.Ordinal);

    public List<int> NodeLatE7 { get; } = [];
    public List<int> NodeLonE7 { get; } = [];
    public List<int> WayFirst { get; } = [0];
    public List<int> WayNodes { get; } = [];
    public List<int> WayTagSet { get; } = [];
    public List<KeyValuePair<string, string>[]> TagSets { get; } = [];
    public List<(int FromWay, int ViaNode, int ToWay, int TagSet)> Restrictions { get; } = [];

    public int NodeCount => NodeLatE7.Count;
    public int WayCount => WayTagSet.Count;

    public int AddNode(double easting, double northing)
    {
        var (lon, lat) = LonLat(easting, northing);
        NodeLatE7.Add((int)Math.Round(lat * 1e7));
        NodeLonE7.Add((int)Math.Round(lon * 1e7));
        return NodeLatE7.Count - 1;
    }

    public int AddNodeE7(int latE7, int lonE7)
    {
        NodeLatE7.Add(latE7);
        NodeLonE7.Add(lonE7);
        return NodeLatE7.Count - 1;
    }

    public (double Lon, double Lat) LonLat(double easting, double northing)
    {
        var cx = (long)Math.Floor(easting / CellMetres);
        var cy = (long)Math.Floor(northing / CellMetres);
        var key = (cx << 32) ^ (cy & 0xffffffff);
        if (!_cells.TryGetValue(key, out var cell))
        {
            var x0 = cx * CellMetres;
            var y0 = cy * CellMetres;
            var origin = BritishNationalGrid.ToLonLat(x0, y0);
            var east = BritishNationalGrid.ToLonLat(x0 + CellMetres, y0);
            var north = BritishNationalGrid.ToLonLat(x0, y0 + CellMetres);
            cell = (origin.Lon, origin.Lat, (east.Lon - origin.Lon) / CellMetres, (north.Lon - origin.Lon) / CellMetres,
                (east.Lat - origin.Lat) / CellMetres, (north.Lat - origin.Lat) / CellMetres);
            _cells.Add(key, cell);
        }
        var dx = easting - (cx * CellMetres);
        var dy = northing - (cy * CellMetres);
        return (cell.Lon + (cell.LonPerX * dx) + (cell.LonPerY * dy), cell.Lat + (cell.LatPerX * dx) + (cell.LatPerY * dy));
    }

    public int TagSet(params (string Key, string Value)[] tags)
    {
        var key = string.Join('\u001f', tags.Select(t => t.Key + "=" + t.Value));
        if (!_tagSetIndex.TryGetValue(key, out var index))
        {
            index = TagSets.Count;
            TagSets.Add([.. tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value))]);
            _tagSetIndex.Add(key, index);
        }
        return index;
    }

    public int AddWay(ReadOnlySpan<int> nodes, int tagSet)
    {
        if (nodes.Length < 2)
        {
            throw new ArgumentException("a way needs at least two nodes", nameof(nodes));
        }
        foreach (var node in nodes)
        {
            WayNodes.Add(node);
        }
        WayFirst.Add(WayNodes.Count);
        WayTagSet.Add(tagSet);
        return WayTagSet.Count - 1;
    }

    public void AddRestriction(int fromWay, int viaNode, int toWay, string restriction) =>
        Restrictions.Add((fromWay, viaNode, toWay, TagSet(("type", "restriction"), ("restriction", restriction))));

    public double Metres(int a, int b)
    {
        var dLat = (NodeLatE7[a] - NodeLatE7[b]) * 1e-7 * 111_320;
        var dLon = (NodeLonE7[a] - NodeLonE7[b]) * 1e-7 * 111_320 * Math.Cos(NodeLatE7[a] * 1e-7 * Math.PI / 180);
        return Math.Sqrt((dLat * dLat) + (dLon * dLon));
    }
}
