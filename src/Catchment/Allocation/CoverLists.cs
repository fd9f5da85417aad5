namespace Geo.Catchment.Allocation;

/// <summary>
/// For each site, the zones within a radius (t &lt;= radius, so +infinity covers everything when the radius is +infinity),
/// ascending, in one flat array (CSR). Built by two row-major passes: the cover searches transpose the matrix once up front
/// instead of reading it by column.
/// </summary>
internal sealed class CoverLists
{
    private readonly int[] _start;
    private readonly int[] _zones;

    public CoverLists(PlacementInstance inst, double radius)
    {
        var n = inst.ZoneCount;
        var m = inst.SiteCount;
        var minutes = inst.Minutes;
        _start = new int[m + 1];
        for (var z = 0; z < n; z++)
        {
            var row = minutes.AsSpan((int)((long)z * m), m);
            for (var s = 0; s < m; s++)
            {
                if (row[s] <= radius)
                {
                    _start[s + 1]++;
                }
            }
        }
        for (var s = 0; s < m; s++)
        {
            _start[s + 1] += _start[s];
        }
        _zones = new int[_start[m]];
        var next = _start[..m];
        for (var z = 0; z < n; z++)
        {
            var row = minutes.AsSpan((int)((long)z * m), m);
            for (var s = 0; s < m; s++)
            {
                if (row[s] <= radius)
                {
                    _zones[next[s]++] = z;
                }
            }
        }
        Radius = radius;
    }

    public double Radius { get; }

    /// <summary>Zones within the radius of <paramref name="site"/>, ascending.</summary>
    public ReadOnlySpan<int> Of(int site) => _zones.AsSpan(_start[site], _start[site + 1] - _start[site]);
}
