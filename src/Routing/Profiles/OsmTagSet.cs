namespace Geo.Routing.Profiles;

/// <summary>
/// The routing-relevant tags of a way (see <see cref="TagSetInterner.RelevantKeys"/>), sorted by key.
/// Interned: ways with the same relevant tags share one instance, so profiles run once per distinct set.
/// </summary>
public sealed class OsmTagSet
{
    private readonly string[] _keys;
    private readonly string[] _values;

    public OsmTagSet(IEnumerable<KeyValuePair<string, string>> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            sorted[key] = value;
        }
        _keys = [.. sorted.Keys];
        _values = [.. sorted.Values];
    }

    public int Count => _keys.Length;

    /// <summary>The value of a tag, or null when absent.</summary>
    public string? Get(string key)
    {
        var index = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        return index >= 0 ? _values[index] : null;
    }

    public IEnumerable<KeyValuePair<string, string>> Tags
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
            }
        }
    }

    /// <summary>A canonical text form ("k=v;k=v") used as the interning key.</summary>
    public override string ToString() => string.Join(';', Tags.Select(t => t.Key + "=" + t.Value));
}
