namespace Geo.Samples.National;

/// <summary>A uniform grid over centroid positions for nearest-neighbour and radius queries (2 km cells).</summary>
internal sealed class CentroidIndex
{
    private const double CellMetres = 2000;
    private readonly IReadOnlyList<NationalCentroid> _points;
    private readonly Dictionary<long, List<int>> _cells = [];

    public CentroidIndex(IReadOnlyList<NationalCentroid> points)
    {
        _points = points;
        for (var i = 0; i < points.Count; i++)
        {
            var key = Key(Cell(points[i].Easting), Cell(points[i].Northing));
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }
            list.Add(i);
        }
    }

    public double Distance(int a, int b)
    {
        var dx = _points[a].Easting - _points[b].Easting;
        var dy = _points[a].Northing - _points[b].Northing;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>The k nearest other points of point i (nearest first, ties by index), searching out to maxMetres.</summary>
    public List<int> Nearest(int i, int k, double maxMetres)
    {
        var found = new List<(double Distance, int Index)>();
        var cx = Cell(_points[i].Easting);
        var cy = Cell(_points[i].Northing);
        var maxRing = (int)Math.Ceiling(maxMetres / CellMetres) + 1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var x = cx - ring; x <= cx + ring; x++)
            {
                for (var y = cy - ring; y <= cy + ring; y++)
                {
                    if (Math.Max(Math.Abs(x - cx), Math.Abs(y - cy)) != ring || !_cells.TryGetValue(Key(x, y), out var list))
                    {
                        continue;
                    }
                    foreach (var j in list)
                    {
                        if (j != i)
                        {
                            var d = Distance(i, j);
                            if (d <= maxMetres)
                            {
                                found.Add((d, j));
                            }
                        }
                    }
                }
            }
            // Everything within ring × cell size has been seen: stop once the k-th nearest is inside that.
            if (found.Count >= k)
            {
                found.Sort();
                if (found[k - 1].Distance <= ring * CellMetres)
                {
                    break;
                }
            }
        }
        found.Sort();
        return found.Take(k).Select(f => f.Index).ToList();
    }

    private static long Cell(double metres) => (long)Math.Floor(metres / CellMetres);

    private static long Key(long x, long y) => (x << 32) ^ (y & 0xffffffff);
}
