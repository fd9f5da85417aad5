using Geo.Core;
using OsmSharp;
using OsmSharp.Streams;
using OsmSharp.Tags;

namespace Geo.Samples;

/// <summary>
/// Writes a <see cref="SampleNetwork"/> as an OSM PBF file with OsmSharp. Every metadata field (timestamp, version,
/// changeset, user) is fixed, and nodes, ways and relations are written in id order, so the bytes depend only on the network.
/// </summary>
internal static class OsmPbfWriter
{
    private static readonly DateTime FixedTimestamp = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const string UserName = "geo-sample";

    public static void Write(string path, SampleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Write(path, Elements(network));
    }

    /// <summary>
    /// Streams elements (nodes, then ways, then relations, each in id order) into a PBF, stamping the fixed metadata, so
    /// generators too large to hold as <see cref="SampleNetwork"/> objects can yield them one at a time.
    /// </summary>
    public static void Write(string path, IEnumerable<OsmGeo> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        AtomicFile.Write(path, stream =>
        {
            var target = new PBFOsmStreamTarget(stream, compress: true);
            target.Initialize();
            foreach (var element in elements)
            {
                switch (Stamped(element))
                {
                    case Node node:
                        target.AddNode(node);
                        break;
                    case Way way:
                        target.AddWay(way);
                        break;
                    case Relation relation:
                        target.AddRelation(relation);
                        break;
                }
            }
            target.Flush();
            target.Close();
        });
    }

    private static IEnumerable<OsmGeo> Elements(SampleNetwork network)
    {
        foreach (var n in network.Nodes)
        {
            yield return new Node { Id = n.Id, Latitude = n.Lat, Longitude = n.Lon, Tags = Tags(n.Tags) };
        }
        foreach (var w in network.Ways)
        {
            yield return new Way { Id = w.Id, Nodes = [.. w.NodeIds], Tags = Tags(w.Tags) };
        }
        foreach (var r in network.Relations)
        {
            yield return new Relation
            {
                Id = r.Id,
                Members =
                [
                    new RelationMember(r.FromWayId, "from", OsmGeoType.Way),
                    new RelationMember(r.ViaNodeId, "via", OsmGeoType.Node),
                    new RelationMember(r.ToWayId, "to", OsmGeoType.Way),
                ],
                Tags = Tags(r.Tags),
            };
        }
    }

    /// <summary>Sets the fixed metadata every element carries, so the bytes depend only on the network.</summary>
    private static T Stamped<T>(T element)
        where T : OsmGeo
    {
        element.TimeStamp = FixedTimestamp;
        element.Version = 1;
        element.ChangeSetId = 1;
        element.UserId = 1;
        element.UserName = UserName;
        element.Visible = true;
        return element;
    }

    internal static TagsCollection Tags(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var collection = new TagsCollection();
        foreach (var tag in tags)
        {
            collection.Add(new Tag(tag.Key, tag.Value));
        }
        return collection;
    }
}
