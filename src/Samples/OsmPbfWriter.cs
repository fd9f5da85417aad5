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
        AtomicFile.Write(path, stream =>
        {
            var target = new PBFOsmStreamTarget(stream, compress: true);
            target.Initialize();
            foreach (var n in network.Nodes)
            {
                target.AddNode(Stamped(new Node
                {
                    Id = n.Id,
                    Latitude = n.Lat,
                    Longitude = n.Lon,
                    Tags = Tags(n.Tags),
                }));
            }
            foreach (var w in network.Ways)
            {
                target.AddWay(Stamped(new Way
                {
                    Id = w.Id,
                    Nodes = [.. w.NodeIds],
                    Tags = Tags(w.Tags),
                }));
            }
            foreach (var r in network.Relations)
            {
                target.AddRelation(Stamped(new Relation
                {
                    Id = r.Id,
                    Members =
                    [
                        new RelationMember(r.FromWayId, "from", OsmGeoType.Way),
                        new RelationMember(r.ViaNodeId, "via", OsmGeoType.Node),
                        new RelationMember(r.ToWayId, "to", OsmGeoType.Way),
                    ],
                    Tags = Tags(r.Tags),
                }));
            }
            target.Flush();
            target.Close();
        });
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

    private static TagsCollection Tags(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var collection = new TagsCollection();
        foreach (var tag in tags)
        {
            collection.Add(new Tag(tag.Key, tag.Value));
        }
        return collection;
    }
}
