namespace Geo.Catchment.Inputs;

/// <summary>Sites in a fixed order (index = site) with a lookup by id.</summary>
public sealed class SiteTable
{
    private readonly Dictionary<string, int> _index;

    public SiteTable(IReadOnlyList<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        Sites = sites;
        _index = new Dictionary<string, int>(sites.Count, StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            if (!_index.TryAdd(sites[i].Id, i))
            {
                throw new ArgumentException($"site id '{sites[i].Id}' appears twice");
            }
        }
    }

    public IReadOnlyList<Site> Sites { get; }
    public int Count => Sites.Count;
    public Site this[int site] => Sites[site];
    public IReadOnlyCollection<string> Ids => _index.Keys;

    /// <summary>Index of a site id, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;
}
