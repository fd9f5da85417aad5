namespace Geo.Routing.Streets;

/// <summary>Positions on a 2^16 x 2^16 Hilbert curve, used to number vertices so that neighbours sit close in memory.</summary>
internal static class HilbertOrder
{
    public static uint Index(uint x, uint y)
    {
        const uint n = 1u << 16;
        uint d = 0;
        for (var s = n >> 1; s > 0; s >>= 1)
        {
            var rx = (x & s) > 0 ? 1u : 0u;
            var ry = (y & s) > 0 ? 1u : 0u;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                (x, y) = (y, x);
            }
        }
        return d;
    }

    /// <summary>Returns the given vertices sorted along the curve (ties by vertex index), over the bbox of the vertices.</summary>
    public static int[] Sort(int[] vertices, int[] latE7, int[] lonE7)
    {
        if (vertices.Length == 0)
        {
            return vertices;
        }
        long minLat = long.MaxValue, maxLat = long.MinValue, minLon = long.MaxValue, maxLon = long.MinValue;
        foreach (var v in vertices)
        {
            minLat = Math.Min(minLat, latE7[v]);
            maxLat = Math.Max(maxLat, latE7[v]);
            minLon = Math.Min(minLon, lonE7[v]);
            maxLon = Math.Max(maxLon, lonE7[v]);
        }
        var spanLat = Math.Max(1, maxLat - minLat);
        var spanLon = Math.Max(1, maxLon - minLon);
        var keys = new ulong[vertices.Length];
        for (var i = 0; i < vertices.Length; i++)
        {
            var v = vertices[i];
            var x = (uint)((lonE7[v] - minLon) * 65535 / spanLon);
            var y = (uint)((latE7[v] - minLat) * 65535 / spanLat);
            keys[i] = ((ulong)Index(x, y) << 32) | (uint)v;
        }
        var sorted = (int[])vertices.Clone();
        Array.Sort(keys, sorted);
        return sorted;
    }
}
