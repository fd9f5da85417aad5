using System.Text;
using Geo.Routing.Profiles;

namespace Geo.Routing.Osm;

/// <summary>
/// Keeps the routing-relevant tags of each way and maps equal tag sets to one dense id,
/// so that a profile is evaluated once per distinct tag set (Itinero's edge-profile idea).
/// </summary>
public sealed class TagSetInterner
{
    /// <summary>The way tags that any profile reads; other tags are dropped before interning.</summary>
    public static readonly IReadOnlySet<string> RelevantKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "highway", "access", "vehicle", "motor_vehicle", "motorcar", "foot", "bicycle", "oneway", "oneway:bicycle",
        "junction", "maxspeed", "cycleway", "cycleway:left", "cycleway:right", "cycleway:both", "dual_carriageway", "motorroad", "area",
    };

    private readonly Dictionary<string, int> _idByKey = new(StringComparer.Ordinal);
    private readonly List<OsmTagSet> _sets = [];
    private readonly StringBuilder _key = new();
    private readonly List<KeyValuePair<string, string>> _scratch = [];

    public int Count => _sets.Count;

    public OsmTagSet this[int id] => _sets[id];

    /// <summary>Interns the relevant subset of the tags and returns its id.</summary>
    public int Intern(IEnumerable<KeyValuePair<string, string>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _scratch.Clear();
        foreach (var tag in tags)
        {
            if (RelevantKeys.Contains(tag.Key))
            {
                _scratch.Add(tag);
            }
        }
        _scratch.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _key.Clear();
        foreach (var (key, value) in _scratch)
        {
            _key.Append(key).Append('\u001f').Append(value).Append('\u001e');
        }
        var text = _key.ToString();
        if (_idByKey.TryGetValue(text, out var id))
        {
            return id;
        }
        id = _sets.Count;
        _sets.Add(new OsmTagSet(_scratch));
        _idByKey.Add(text, id);
        return id;
    }
}
