using NUnit.Framework;
using Geo.Samples;
using OsmSharp;
using OsmSharp.Streams;

namespace Geo.Cli.Tests.Sample;

[TestFixture]
public sealed class SampleRegionPbfTests
{
    private List<Node> _nodes = null!;
    private List<Way> _ways = null!;
    private List<Relation> _relations = null!;

    [OneTimeSetUp]
    public void ReadPbf()
    {
        _nodes = [];
        _ways = [];
        _relations = [];
        using var stream = File.OpenRead(SampleOutput.File(SampleGenerator.OsmFile));
        foreach (var geo in new PBFOsmStreamSource(stream))
        {
            switch (geo)
            {
                case Node n:
                    _nodes.Add(n);
                    break;
                case Way w:
                    _ways.Add(w);
                    break;
                case Relation r:
                    _relations.Add(r);
                    break;
            }
        }
    }

    [Test]
    public void ReadBack_Counts_MatchSummary()
    {
        Assert.That(_nodes, Has.Count.EqualTo(SampleOutput.Summary.Nodes));
        Assert.That(_ways, Has.Count.EqualTo(SampleOutput.Summary.Ways));
        Assert.That(_relations, Has.Count.EqualTo(1));
        Assert.That(_nodes[0].Id, Is.EqualTo(SampleNetwork.FirstNodeId));
        Assert.That(_ways[0].Id, Is.EqualTo(SampleNetwork.FirstWayId));
        Assert.That(_nodes[0].TimeStamp, Is.EqualTo(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.That(_nodes[0].Version, Is.EqualTo(1));
    }

    [Test]
    public void ReadBack_NodesInsideRegionOverSea()
    {
        foreach (var n in _nodes)
        {
            Assert.That(n.Longitude, Is.InRange(-1.52, -1.08), $"node {n.Id}");
            Assert.That(n.Latitude, Is.InRange(50.26, 50.44), $"node {n.Id}");
        }
    }

    [Test]
    public void ReadBack_Tags_HaveEveryRoadFeature()
    {
        Assert.That(Count("junction", "roundabout"), Is.EqualTo(1));
        var roundabout = _ways.Single(w => HasTag(w, "junction", "roundabout"));
        Assert.That(roundabout.Nodes[0], Is.EqualTo(roundabout.Nodes[^1]), "roundabout is closed");
        Assert.That(Count("oneway", "yes"), Is.EqualTo(5), "3 town streets + 2 dual carriageway halves");
        Assert.That(Count("oneway", "-1"), Is.EqualTo(1));
        Assert.That(Count("highway", "trunk"), Is.EqualTo(2));
        Assert.That(_ways.Where(w => HasTag(w, "highway", "trunk")).All(w => HasTag(w, "oneway", "yes")), Is.True);
        foreach (var highway in (string[])["primary", "secondary", "tertiary", "unclassified", "residential", "footway", "path", "cycleway", "service", "track"])
        {
            Assert.That(Count("highway", highway), Is.GreaterThan(0), highway);
        }
        foreach (var speed in (string[])["20 mph", "30 mph", "70 mph", "GB:nsl_single", "national"])
        {
            Assert.That(Count("maxspeed", speed), Is.GreaterThan(0), speed);
        }
        Assert.That(Count("access", "private"), Is.EqualTo(2));
        Assert.That(_nodes.Count(n => n.Tags != null && n.Tags.ContainsKey("place")), Is.EqualTo(9));
    }

    [Test]
    public void ReadBack_Restriction_FromEndsAtViaAndToStartsAtVia()
    {
        var r = _relations.Single();
        Assert.That(r.Tags["type"], Is.EqualTo("restriction"));
        Assert.That(r.Tags["restriction"], Is.EqualTo("no_right_turn"));
        Assert.That(r.Members.Select(m => m.Role), Is.EqualTo(new[] { "from", "via", "to" }));
        var from = _ways.Single(w => w.Id == r.Members[0].Id);
        var via = r.Members[1].Id;
        var to = _ways.Single(w => w.Id == r.Members[2].Id);
        Assert.That(r.Members[1].Type, Is.EqualTo(OsmGeoType.Node));
        Assert.That(from.Nodes[^1], Is.EqualTo(via));
        Assert.That(to.Nodes[0], Is.EqualTo(via));

        // Geometry: approaching eastbound, the "to" way heads south, i.e. to the right.
        var node = _nodes.ToDictionary(n => n.Id!.Value);
        var inX = node[via].Longitude!.Value - node[from.Nodes[^2]].Longitude!.Value;
        var inY = node[via].Latitude!.Value - node[from.Nodes[^2]].Latitude!.Value;
        var outX = node[to.Nodes[1]].Longitude!.Value - node[via].Longitude!.Value;
        var outY = node[to.Nodes[1]].Latitude!.Value - node[via].Latitude!.Value;
        Assert.That(inX * outY - inY * outX, Is.LessThan(0), "cross product < 0 means a right turn");
    }

    [Test]
    public void ReadBack_Ways_AllConnectedExceptIsolatedTrack()
    {
        // Union-find over way nodes: every way must join the main component except the one isolated private track.
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        foreach (var w in _ways)
        {
            foreach (var id in w.Nodes)
            {
                parent.TryAdd(id, id);
            }
            for (var i = 1; i < w.Nodes.Length; i++)
            {
                parent[Find(w.Nodes[i])] = Find(w.Nodes[0]);
            }
        }
        var components = _ways.GroupBy(w => Find(w.Nodes[0])).OrderByDescending(g => g.Count()).ToList();
        Assert.That(components, Has.Count.EqualTo(2));
        var isolated = components[1].Single();
        Assert.That(HasTag(isolated, "highway", "track") && HasTag(isolated, "access", "private"), Is.True);
    }

    [Test]
    public void ReadBack_Roundabout_RunsClockwise()
    {
        var node = _nodes.ToDictionary(n => n.Id!.Value);
        var ring = _ways.Single(w => HasTag(w, "junction", "roundabout")).Nodes;
        double area = 0;
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            area += node[ring[i]].Longitude!.Value * node[ring[i + 1]].Latitude!.Value - node[ring[i + 1]].Longitude!.Value * node[ring[i]].Latitude!.Value;
        }
        Assert.That(area, Is.LessThan(0), "UK roundabouts run clockwise");
    }

    private int Count(string key, string value) => _ways.Count(w => HasTag(w, key, value));

    private static bool HasTag(Way w, string key, string value) => w.Tags != null && w.Tags.Contains(key, value);
}
