using Geo.Routing.Geometry;

namespace Geo.Routing.Streets;

/// <summary>
/// Snaps points to the nearest point of the nearest routable street segment of one mode graph, using a uniform grid
/// over flat arrays in local equirectangular metres. Each segment pairs the edge along it and the edge against it
/// (either may be absent on one-way streets). Read-only after construction, so safe for parallel queries.
/// </summary>
public sealed class Snapper
{
    /// <summary>The default snap limit of every matrix (metres): a point farther from a routable street is unsnapped.</summary>
    public const double DefaultMaxSnapMetres = 1000;

    private readonly ModeGraph _graph;
    // Per segment: the edge running a->b and the edge running b->a (-1 when absent) with their end vertices.
    // With turn-restriction splitting the two directions may use different copies of a via node, so each edge keeps its own.
    private readonly int[] _forwardEdge, _forwardFrom, _forwardTo;
    private readonly int[] _backwardEdge, _backwardFrom, _backwardTo;
    private readonly double[] _ax, _ay, _bx, _by;
    // Grid in CSR form: cell c holds _cellItems[_cellStart[c] .. _cellStart[c + 1]).
    private readonly int[] _cellStart;
    private readonly int[] _cellItems;
    private readonly double _originLon, _originLat, _metresPerDegreeLon, _metresPerDegreeLat;
    private readonly double _minX, _minY, _cellMetres;
    private readonly int _columns, _rows;

    internal Snapper(TravelMode mode, ModeTopology topology, ModeGraph graph, int segmentCount)
    {
        Mode = mode;
        _graph = graph;
        var segmentSlot = new int[segmentCount];
        Array.Fill(segmentSlot, -1);
        var forward = new List<(int Edge, int From, int To)>();
        var backward = new List<(int Edge, int From, int To)>();
        for (var v = 0; v < topology.VertexCount; v++)
        {
            for (var e = topology.FirstEdge[v]; e < topology.FirstEdge[v + 1]; e++)
            {
                var code = topology.EdgeSegment[e];
                if (code < 0)
                {
                    continue; // zero-length turn connector
                }
                var segment = code >> 1;
                var slot = segmentSlot[segment];
                if (slot < 0)
                {
                    slot = segmentSlot[segment] = forward.Count;
                    forward.Add((-1, -1, -1));
                    backward.Add((-1, -1, -1));
                }
                if ((code & 1) == 0)
                {
                    forward[slot] = (e, v, topology.EdgeTarget[e]);
                }
                else
                {
                    backward[slot] = (e, v, topology.EdgeTarget[e]);
                }
            }
        }
        var count = forward.Count;
        _forwardEdge = new int[count];
        _forwardFrom = new int[count];
        _forwardTo = new int[count];
        _backwardEdge = new int[count];
        _backwardFrom = new int[count];
        _backwardTo = new int[count];
        for (var s = 0; s < count; s++)
        {
            (_forwardEdge[s], _forwardFrom[s], _forwardTo[s]) = forward[s];
            (_backwardEdge[s], _backwardFrom[s], _backwardTo[s]) = backward[s];
        }

        // Local equirectangular projection around the centre of the graph.
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        for (var v = 0; v < graph.VertexCount; v++)
        {
            var lat = graph.VertexLatE7[v] / 1e7;
            var lon = graph.VertexLonE7[v] / 1e7;
            minLat = Math.Min(minLat, lat);
            maxLat = Math.Max(maxLat, lat);
            minLon = Math.Min(minLon, lon);
            maxLon = Math.Max(maxLon, lon);
        }
        if (graph.VertexCount == 0)
        {
            minLat = maxLat = minLon = maxLon = 0;
        }
        _originLat = (minLat + maxLat) / 2;
        _originLon = (minLon + maxLon) / 2;
        _metresPerDegreeLat = GeoPoint.EarthRadiusMetres * Math.PI / 180;
        _metresPerDegreeLon = _metresPerDegreeLat * Math.Cos(_originLat * Math.PI / 180);

        _ax = new double[count];
        _ay = new double[count];
        _bx = new double[count];
        _by = new double[count];
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var s = 0; s < count; s++)
        {
            var (a, b) = EndVertices(s);
            (_ax[s], _ay[s]) = Project(graph.VertexLonE7[a] / 1e7, graph.VertexLatE7[a] / 1e7);
            (_bx[s], _by[s]) = Project(graph.VertexLonE7[b] / 1e7, graph.VertexLatE7[b] / 1e7);
            minX = Math.Min(minX, Math.Min(_ax[s], _bx[s]));
            minY = Math.Min(minY, Math.Min(_ay[s], _by[s]));
            maxX = Math.Max(maxX, Math.Max(_ax[s], _bx[s]));
            maxY = Math.Max(maxY, Math.Max(_ay[s], _by[s]));
        }
        if (count == 0)
        {
            minX = minY = maxX = maxY = 0;
        }
        // About two segments per cell, but never smaller than 20 m nor more than ~4 million cells.
        var area = Math.Max(1.0, (maxX - minX) * (maxY - minY));
        var cell = Math.Max(20.0, Math.Sqrt(area / Math.Max(1, count / 2.0)));
        while (((maxX - minX) / cell) * ((maxY - minY) / cell) > 4_000_000)
        {
            cell *= 2;
        }
        _minX = minX;
        _minY = minY;
        _cellMetres = cell;
        _columns = (int)Math.Floor((maxX - minX) / cell) + 1;
        _rows = (int)Math.Floor((maxY - minY) / cell) + 1;

        var counts = new int[(_columns * _rows) + 1];
        for (var pass = 0; pass < 2; pass++)
        {
            var items = pass == 1 ? new int[counts[^1]] : null;
            var next = pass == 1 ? (int[])counts.Clone() : null;
            for (var s = 0; s < count; s++)
            {
                var c0 = Column(Math.Min(_ax[s], _bx[s]));
                var c1 = Column(Math.Max(_ax[s], _bx[s]));
                var r0 = Row(Math.Min(_ay[s], _by[s]));
                var r1 = Row(Math.Max(_ay[s], _by[s]));
                for (var r = r0; r <= r1; r++)
                {
                    for (var c = c0; c <= c1; c++)
                    {
                        var index = (r * _columns) + c;
                        if (pass == 0)
                        {
                            counts[index + 1]++;
                        }
                        else
                        {
                            items![next![index]++] = s;
                        }
                    }
                }
            }
            if (pass == 0)
            {
                for (var i = 0; i < counts.Length - 1; i++)
                {
                    counts[i + 1] += counts[i];
                }
            }
            else
            {
                _cellItems = items!;
            }
        }
        _cellStart = counts;
        _cellItems ??= [];
    }

    /// <summary>The mode whose graph this snapper indexes.</summary>
    public TravelMode Mode { get; }

    /// <summary>The graph whose durations the seeds use.</summary>
    public ModeGraph Graph => _graph;

    /// <summary>Number of distinct street segments indexed.</summary>
    public int SegmentCount => _forwardEdge.Length;

    /// <summary>
    /// Snaps a point to the nearest point on the nearest routable segment. Status TooFar when that is more than
    /// <paramref name="maxSnapMetres"/> away (DistanceMetres is then the nearest segment met while searching, or +infinity), InvalidCoordinate for NaN or
    /// out-of-range coordinates. Seed durations and lengths are the proportional parts of the edge.
    /// </summary>
    public SnapResult Snap(GeoPoint point, double maxSnapMetres)
    {
        if (!point.IsValid || double.IsInfinity(point.Lon) || double.IsInfinity(point.Lat))
        {
            return SnapResult.Invalid;
        }
        if (_forwardEdge.Length == 0)
        {
            return new SnapResult(SnapStatus.TooFar, double.PositiveInfinity, default, [], [], -1, double.NaN);
        }
        var (px, py) = Project(point.Lon, point.Lat);
        // The grid uses one projection for the whole graph; distances use the east-west scale at the point's own latitude,
        // so they stay accurate over large regions (cos(latitude) changes by 13% across England).
        var xScale = Math.Cos(point.Lat * Math.PI / 180) / Math.Cos(_originLat * Math.PI / 180);
        var best = Nearest(px, py, xScale, Math.Max(0, maxSnapMetres), out var bestSquared, out var bestT);
        if (best < 0)
        {
            return new SnapResult(SnapStatus.TooFar, double.PositiveInfinity, default, [], [], -1, double.NaN);
        }
        var distance = Math.Sqrt(bestSquared);
        var (a, b) = EndVertices(best);
        var snapped = new GeoPoint(
            Interpolate(_graph.VertexLonE7[a], _graph.VertexLonE7[b], bestT),
            Interpolate(_graph.VertexLatE7[a], _graph.VertexLatE7[b], bestT));
        var edgeIndex = _forwardEdge[best] >= 0 ? _forwardEdge[best] : _backwardEdge[best];
        if (!(distance <= maxSnapMetres))
        {
            return new SnapResult(SnapStatus.TooFar, distance, snapped, [], [], -1, bestT);
        }

        var forward = _forwardEdge[best];
        var backward = _backwardEdge[best];
        var seedCount = (forward >= 0 ? 1 : 0) + (backward >= 0 ? 1 : 0);
        var outbound = new SnapSeed[seedCount];
        var inbound = new SnapSeed[seedCount];
        var k = 0;
        if (forward >= 0)
        {
            // a --forward--> b: leave towards b, arrive from a.
            outbound[k] = Seed(_forwardTo[best], forward, 1 - bestT);
            inbound[k] = Seed(_forwardFrom[best], forward, bestT);
            k++;
        }
        if (backward >= 0)
        {
            // b --backward--> a: leave towards a, arrive from b.
            outbound[k] = Seed(_backwardTo[best], backward, bestT);
            inbound[k] = Seed(_backwardFrom[best], backward, 1 - bestT);
        }
        return new SnapResult(SnapStatus.Ok, distance, snapped, outbound, inbound, edgeIndex, bestT);
    }

    /// <summary>The vertices at the geometric start (a) and end (b) of a segment.</summary>
    private (int A, int B) EndVertices(int s) =>
        _forwardEdge[s] >= 0 ? (_forwardFrom[s], _forwardTo[s]) : (_backwardTo[s], _backwardFrom[s]);

    private SnapSeed Seed(int vertex, int edge, double share)
    {
        var duration = (int)Math.Round(_graph.EdgeDurationMs[edge] * share);
        var length = (int)Math.Round(_graph.EdgeLengthMm[edge] * share);
        return new SnapSeed(vertex, duration, length);
    }

    /// <summary>
    /// Ring search outwards from the point's cell until no unvisited cell can hold a segment nearer than the best found
    /// or than <paramref name="limitMetres"/>. Returns -1 when no segment was found.
    /// </summary>
    private int Nearest(double px, double py, double xScale, double limitMetres, out double bestSquared, out double bestT)
    {
        var best = -1;
        bestSquared = double.PositiveInfinity;
        bestT = 0;
        var fx = Math.Floor((px - _minX) / _cellMetres);
        var fy = Math.Floor((py - _minY) / _cellMetres);
        // Cell coordinates clamped to a range that cannot overflow; rings before the grid is reached are skipped.
        var cx = (int)Math.Clamp(fx, -1e8, 1e8);
        var cy = (int)Math.Clamp(fy, -1e8, 1e8);
        var gapX = cx < 0 ? -cx : cx >= _columns ? cx - _columns + 1 : 0;
        var gapY = cy < 0 ? -cy : cy >= _rows ? cy - _rows + 1 : 0;
        var firstRing = Math.Max(gapX, gapY);
        var lastRing = Math.Max(Math.Max(Math.Abs(cx), Math.Abs(_columns - 1 - cx)), Math.Max(Math.Abs(cy), Math.Abs(_rows - 1 - cy)));
        var boundScale = Math.Min(1, xScale);
        for (var ring = firstRing; ring <= lastRing; ring++)
        {
            // No segment in this ring or beyond is nearer than this (in the point's local metres).
            var reach = (ring - 1) * _cellMetres * boundScale;
            if (reach > limitMetres || (reach > 0 && reach * reach > bestSquared))
            {
                break;
            }
            var rLo = Math.Max(0, cy - ring);
            var rHi = Math.Min(_rows - 1, cy + ring);
            for (var r = rLo; r <= rHi; r++)
            {
                if (r == cy - ring || r == cy + ring)
                {
                    var cLo = Math.Max(0, cx - ring);
                    var cHi = Math.Min(_columns - 1, cx + ring);
                    for (var c = cLo; c <= cHi; c++)
                    {
                        ScanCell((r * _columns) + c, px, py, xScale, ref best, ref bestSquared, ref bestT);
                    }
                }
                else
                {
                    if (cx - ring >= 0 && cx - ring < _columns)
                    {
                        ScanCell((r * _columns) + cx - ring, px, py, xScale, ref best, ref bestSquared, ref bestT);
                    }
                    if (ring > 0 && cx + ring >= 0 && cx + ring < _columns)
                    {
                        ScanCell((r * _columns) + cx + ring, px, py, xScale, ref best, ref bestSquared, ref bestT);
                    }
                }
            }
        }
        return best;
    }

    private void ScanCell(int cell, double px, double py, double xScale, ref int best, ref double bestSquared, ref double bestT)
    {
        for (var i = _cellStart[cell]; i < _cellStart[cell + 1]; i++)
        {
            var s = _cellItems[i];
            var d = SquaredDistance(s, px, py, xScale, out var t);
            if (d < bestSquared || (d == bestSquared && s < best))
            {
                bestSquared = d;
                best = s;
                bestT = t;
            }
        }
    }

    /// <summary>Squared distance in metres from the point to segment s, in a frame local to the point (x scaled by xScale).</summary>
    private double SquaredDistance(int s, double px, double py, double xScale, out double t)
    {
        var ax = (_ax[s] - px) * xScale;
        var ay = _ay[s] - py;
        var dx = (_bx[s] - _ax[s]) * xScale;
        var dy = _by[s] - _ay[s];
        var lengthSquared = (dx * dx) + (dy * dy);
        t = lengthSquared > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1) : 0;
        var x = ax + (t * dx);
        var y = ay + (t * dy);
        return (x * x) + (y * y);
    }

    private (double X, double Y) Project(double lon, double lat) =>
        ((lon - _originLon) * _metresPerDegreeLon, (lat - _originLat) * _metresPerDegreeLat);

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _minX) / _cellMetres), 0, _columns - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _minY) / _cellMetres), 0, _rows - 1);

    private static double Interpolate(int aE7, int bE7, double t) => (aE7 + ((bE7 - aE7) * t)) / 1e7;
}
