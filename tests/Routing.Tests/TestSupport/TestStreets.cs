using Geo.Routing.Geometry;
using Geo.Routing.Profiles;
using Geo.Routing.Streets;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Geo.Routing.Tests.TestSupport;

/// <summary>
/// Tiny street networks drawn as ASCII maps (OSRM-style) and written as real OSM PBF files.
/// Every letter or digit in the map is a node; one character cell is <c>spacingMetres</c> (default 100 m) in both
/// directions, so "a - b" is 400 m long and nodes two lines apart are 200 m apart
/// (north up). Ways are strings of node names plus "key=value" tags; restrictions use way indices (order of Way calls).
/// <code>
/// var streets = TestStreets.FromAscii("""
///     a - b - c
///         |
///         d
///     """).Way("abc", "highway=residential").Way("bd", "highway=residential", "oneway=yes");
/// var network = streets.Build();
/// </code>
/// </summary>
public sealed class TestStreets
{
    public const double OriginLat = 51.5;
    public const double OriginLon = -1.3;
    private const long FirstNodeId = 1001;
    private const long FirstWayId = 5001;
    private const long FirstRelationId = 9001;

    private readonly Dictionary<char, (int Row, int Column)> _cells = [];
    private readonly List<(string Nodes, string[] Tags)> _ways = [];
    private readonly List<(string Kind, int FromWay, char Via, int ToWay, string[] Tags)> _restrictions = [];
    private readonly double _spacingMetres;

    private TestStreets(string map, double spacingMetres)
    {
        _spacingMetres = spacingMetres;
        var lines = map.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var row = 0; row < lines.Length; row++)
        {
            for (var column = 0; column < lines[row].Length; column++)
            {
                var c = lines[row][column];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (!_cells.TryAdd(c, (row, column)))
                    {
                        throw new ArgumentException($"Node '{c}' appears twice in the map.", nameof(map));
                    }
                }
            }
        }
    }

    public static TestStreets FromAscii(string map, double spacingMetres = 100) => new(map, spacingMetres);

    public double SpacingMetres => _spacingMetres;

    /// <summary>Adds a way through the named nodes with "key=value" tags. Returns this for chaining.</summary>
    public TestStreets Way(string nodes, params string[] tags)
    {
        foreach (var c in nodes)
        {
            if (!_cells.ContainsKey(c))
            {
                throw new ArgumentException($"Way node '{c}' is not in the map.", nameof(nodes));
            }
        }
        _ways.Add((nodes, tags));
        return this;
    }

    /// <summary>Adds a type=restriction relation (e.g. "no_left_turn") from way index, via node, to way index.</summary>
    public TestStreets Restriction(string kind, int fromWay, char via, int toWay, params string[] extraTags)
    {
        _restrictions.Add((kind, fromWay, via, toWay, extraTags));
        return this;
    }

    public long NodeId(char name) => FirstNodeId + NodeIndex(name);

    public long WayId(int index) => FirstWayId + index;

    /// <summary>The position of a named node, rounded to the 1e-7 degree grid the PBF stores.</summary>
    public GeoPoint Point(char name)
    {
        var (row, column) = _cells[name];
        var metresPerDegreeLat = GeoPoint.EarthRadiusMetres * Math.PI / 180;
        var metresPerDegreeLon = metresPerDegreeLat * Math.Cos(OriginLat * Math.PI / 180);
        var lat = OriginLat - (row * _spacingMetres / metresPerDegreeLat);
        var lon = OriginLon + (column * _spacingMetres / metresPerDegreeLon);
        return new GeoPoint(Math.Round(lon * 1e7) / 1e7, Math.Round(lat * 1e7) / 1e7);
    }

    /// <summary>The point a fraction of the way from node a to node b (linear in degrees).</summary>
    public GeoPoint Between(char a, char b, double fraction)
    {
        var pa = Point(a);
        var pb = Point(b);
        return new GeoPoint(pa.Lon + ((pb.Lon - pa.Lon) * fraction), pa.Lat + ((pb.Lat - pa.Lat) * fraction));
    }

    /// <summary>Writes the drawn network as an OSM PBF file.</summary>
    public string WritePbf(string path)
    {
        var objects = new List<OsmGeo>();
        var stamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var name in _cells.Keys.OrderBy(NodeIndex))
        {
            var p = Point(name);
            objects.Add(new Node
            {
                Id = NodeId(name), Latitude = p.Lat, Longitude = p.Lon, Version = 1, ChangeSetId = 1, TimeStamp = stamp,
                UserId = 1, UserName = "geo", Visible = true, Tags = new TagsCollection(),
            });
        }
        for (var i = 0; i < _ways.Count; i++)
        {
            var (nodes, tags) = _ways[i];
            objects.Add(new Way
            {
                Id = WayId(i), Nodes = [.. nodes.Select(NodeId)], Version = 1, ChangeSetId = 1, TimeStamp = stamp,
                UserId = 1, UserName = "geo", Visible = true, Tags = Tags(tags),
            });
        }
        for (var i = 0; i < _restrictions.Count; i++)
        {
            var (kind, from, via, to, extra) = _restrictions[i];
            objects.Add(new Relation
            {
                Id = FirstRelationId + i, Version = 1, ChangeSetId = 1, TimeStamp = stamp, UserId = 1, UserName = "geo", Visible = true,
                Tags = Tags(["type=restriction", "restriction=" + kind, .. extra]),
                Members =
                [
                    new RelationMember(WayId(from), "from", OsmGeoType.Way),
                    new RelationMember(NodeId(via), "via", OsmGeoType.Node),
                    new RelationMember(WayId(to), "to", OsmGeoType.Way),
                ],
            });
        }
        WriteObjects(path, objects);
        return path;
    }

    /// <summary>Writes any OSM objects to a PBF file (nodes, then ways, then relations, as given).</summary>
    public static void WriteObjects(string path, IEnumerable<OsmGeo> objects)
    {
        using var stream = File.Create(path);
        var target = new PBFOsmStreamTarget(stream);
        target.RegisterSource(objects);
        target.Pull();
        target.Flush();
    }

    /// <summary>Writes the PBF into a temporary folder and builds the street network from it.</summary>
    public StreetNetwork Build(StreetProfiles? profiles = null)
    {
        using var folder = new TempFolder();
        return StreetNetwork.BuildFromPbf(WritePbf(folder.File("test.osm.pbf")), profiles);
    }

    private int NodeIndex(char name) => name switch
    {
        >= '0' and <= '9' => name - '0',
        >= 'a' and <= 'z' => 10 + (name - 'a'),
        _ => 36 + (name - 'A'),
    };

    private static TagsCollection Tags(IEnumerable<string> pairs)
    {
        var tags = new TagsCollection();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            tags.Add(new Tag(pair[..equals], pair[(equals + 1)..]));
        }
        return tags;
    }
}
