using Geo.Core;
using Geo.Routing.Profiles;
using OsmSharp;
using OsmSharp.Streams;

namespace Geo.Routing.Osm;

/// <summary>
/// Reads an OSM PBF in two passes with OsmSharp: (1) ways and restriction relations, keeping ways some mode can use
/// (profile evaluated once per interned tag set); (2) the coordinates of the nodes those ways use.
/// </summary>
internal static class PbfNetworkReader
{
    public static OsmExtract Read(string pbfPath, StreetProfiles profiles, IProgress<string>? progress)
    {
        if (!File.Exists(pbfPath))
        {
            throw new InputFileException(pbfPath, null, null, "OSM PBF file not found");
        }
        if (new FileInfo(pbfPath).Length == 0)
        {
            throw new InputFileException(pbfPath, null, null, "the OSM PBF file is empty");
        }
        var interner = new TagSetInterner();
        var profileByTagSet = new List<WayProfile>();
        var wayIds = new List<long>();
        var wayFirstNode = new List<int> { 0 };
        var wayNodeIds = new List<long>();
        var wayProfiles = new List<WayProfile>();
        var restrictions = new List<TurnRestriction>();
        var waysRead = 0;
        var restrictionRelations = 0;
        var unsupported = 0;

        progress?.Report("Reading ways and turn restrictions from " + Path.GetFileName(pbfPath));
        Scan(pbfPath, osm =>
        {
            switch (osm)
            {
                case Way way:
                    waysRead++;
                    if (way.Tags is null || way.Nodes is null || way.Nodes.Length < 2 || !way.Tags.ContainsKey("highway") || way.Id is not long wayId)
                    {
                        return true;
                    }
                    var tagSet = interner.Intern(Pairs(way.Tags));
                    while (profileByTagSet.Count <= tagSet)
                    {
                        profileByTagSet.Add(profiles.Evaluate(interner[profileByTagSet.Count]));
                    }
                    var profile = profileByTagSet[tagSet];
                    if (!profile.IsRoutable)
                    {
                        return true;
                    }
                    wayIds.Add(wayId);
                    wayNodeIds.AddRange(way.Nodes);
                    wayFirstNode.Add(wayNodeIds.Count);
                    wayProfiles.Add(profile);
                    return true;
                case Relation relation:
                    if (relation.Tags is null || !relation.Tags.TryGetValue("type", out var type) || type != "restriction")
                    {
                        return true;
                    }
                    restrictionRelations++;
                    if (ParseRestriction(relation) is { } restriction)
                    {
                        restrictions.Add(restriction);
                    }
                    else
                    {
                        unsupported++;
                    }
                    return true;
                default:
                    return true;
            }
        });

        var nodeIds = wayNodeIds.ToArray();
        Array.Sort(nodeIds);
        var unique = nodeIds.Length == 0 ? 0 : 1;
        for (var i = 1; i < nodeIds.Length; i++)
        {
            if (nodeIds[i] != nodeIds[unique - 1])
            {
                nodeIds[unique++] = nodeIds[i];
            }
        }
        Array.Resize(ref nodeIds, unique);

        var latE7 = new int[unique];
        var lonE7 = new int[unique];
        var found = new bool[unique];
        var remaining = unique;
        if (unique > 0)
        {
            progress?.Report($"Reading coordinates of {unique:N0} nodes");
            Scan(pbfPath, osm =>
            {
                if (osm is Node { Id: long id, Latitude: double lat, Longitude: double lon })
                {
                    var index = Array.BinarySearch(nodeIds, id);
                    if (index >= 0 && !found[index])
                    {
                        found[index] = true;
                        latE7[index] = (int)Math.Round(lat * 1e7);
                        lonE7[index] = (int)Math.Round(lon * 1e7);
                        remaining--;
                    }
                }
                return remaining > 0;
            });
        }

        var wayNodes = new int[wayNodeIds.Count];
        for (var i = 0; i < wayNodes.Length; i++)
        {
            var index = Array.BinarySearch(nodeIds, wayNodeIds[i]);
            wayNodes[i] = found[index] ? index : -1;
        }

        return new OsmExtract
        {
            NodeIds = nodeIds,
            NodeLatE7 = latE7,
            NodeLonE7 = lonE7,
            WayIds = [.. wayIds],
            WayFirstNode = [.. wayFirstNode],
            WayNodes = wayNodes,
            WayProfiles = [.. wayProfiles],
            Restrictions = [.. restrictions],
            WaysRead = waysRead,
            RestrictionRelationsRead = restrictionRelations,
            RestrictionsUnsupported = unsupported,
            MissingNodes = remaining,
            DistinctTagSets = interner.Count,
        };
    }

    /// <summary>Streams every object to <paramref name="visit"/> until it returns false; wraps read errors.</summary>
    private static void Scan(string pbfPath, Func<OsmGeo, bool> visit)
    {
        try
        {
            using var stream = new FileStream(pbfPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var source = new PBFOsmStreamSource(stream);
            foreach (var osm in source)
            {
                if (!visit(osm))
                {
                    break;
                }
            }
        }
        catch (InputFileException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not ComputationException)
        {
            throw new InputFileException(pbfPath, null, null, "not a readable OSM PBF file (" + ex.GetType().Name + ": " + ex.Message + ")");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(OsmSharp.Tags.TagsCollectionBase tags)
    {
        foreach (var tag in tags)
        {
            yield return new KeyValuePair<string, string>(tag.Key, tag.Value);
        }
    }

    private static TurnRestriction? ParseRestriction(Relation relation)
    {
        var tags = relation.Tags;
        string? kind = null;
        if (tags.TryGetValue("restriction", out var plain))
        {
            kind = plain;
        }
        else if (tags.TryGetValue("restriction:motorcar", out var motorcar))
        {
            kind = motorcar;
        }
        else if (tags.TryGetValue("restriction:motor_vehicle", out var motorVehicle))
        {
            kind = motorVehicle;
        }
        if (kind is null || relation.Id is not long relationId || relation.Members is null)
        {
            return null;
        }
        kind = kind.Trim();
        bool only;
        if (kind.StartsWith("no_", StringComparison.Ordinal))
        {
            only = false;
        }
        else if (kind.StartsWith("only_", StringComparison.Ordinal))
        {
            only = true;
        }
        else
        {
            return null;
        }
        if (tags.TryGetValue("except", out var except) && (except.Contains("motorcar", StringComparison.Ordinal) || except.Contains("motor_vehicle", StringComparison.Ordinal)))
        {
            return null;
        }
        long? from = null, via = null, to = null;
        foreach (var member in relation.Members)
        {
            switch (member.Role)
            {
                case "from" when member.Type == OsmGeoType.Way && from is null:
                    from = member.Id;
                    break;
                case "to" when member.Type == OsmGeoType.Way && to is null:
                    to = member.Id;
                    break;
                case "via" when member.Type == OsmGeoType.Node && via is null:
                    via = member.Id;
                    break;
                case "via":
                    return null; // via-way restrictions are not supported
            }
        }
        return from is long f && via is long v && to is long t ? new TurnRestriction(relationId, f, v, t, only, kind) : null;
    }
}
