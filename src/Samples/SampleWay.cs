namespace Geo.Samples;

/// <summary>An OSM way of the sample region with its tags in write order.</summary>
internal sealed record SampleWay(long Id, IReadOnlyList<long> NodeIds, IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    public string? Tag(string key)
    {
        foreach (var tag in Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }
        return null;
    }
}
