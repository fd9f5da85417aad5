using System.Runtime.CompilerServices;

namespace Geo.Routing.Contraction;

/// <summary>
/// The graph being contracted: per vertex, growable arrays of outgoing and incoming edges to vertices not yet contracted,
/// weights as path keys. At most one edge per (from, to) pair: adding a parallel edge keeps the lower weight.
/// Mutated by one thread only (between the parallel phases of <see cref="ContractionBuilder"/>), read by many.
/// </summary>
internal sealed class DynamicGraph
{
    private readonly ContractionEdge[][] _out;
    private readonly ContractionEdge[][] _in;
    private readonly int[] _outCount;
    private readonly int[] _inCount;

    public DynamicGraph(int vertexCount, int[] outDegree, int[] inDegree)
    {
        _out = new ContractionEdge[vertexCount][];
        _in = new ContractionEdge[vertexCount][];
        _outCount = new int[vertexCount];
        _inCount = new int[vertexCount];
        for (var v = 0; v < vertexCount; v++)
        {
            _out[v] = new ContractionEdge[Math.Max(2, outDegree[v])];
            _in[v] = new ContractionEdge[Math.Max(2, inDegree[v])];
        }
    }

    public int VertexCount => _out.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<ContractionEdge> Out(int v) => _out[v].AsSpan(0, _outCount[v]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<ContractionEdge> In(int v) => _in[v].AsSpan(0, _inCount[v]);

    public int Degree(int v) => _outCount[v] + _inCount[v];

    /// <summary>Adds u→w, or lowers the weight of the existing u→w edge.</summary>
    public void AddOrLower(int u, int w, long weight)
    {
        var outEdges = _out[u].AsSpan(0, _outCount[u]);
        for (var i = 0; i < outEdges.Length; i++)
        {
            if (outEdges[i].Target == w)
            {
                if (weight < outEdges[i].Weight)
                {
                    outEdges[i].Weight = weight;
                    var inEdges = _in[w].AsSpan(0, _inCount[w]);
                    for (var j = 0; j < inEdges.Length; j++)
                    {
                        if (inEdges[j].Target == u)
                        {
                            inEdges[j].Weight = weight;
                            break;
                        }
                    }
                }
                return;
            }
        }
        Append(ref _out[u], ref _outCount[u], new ContractionEdge(w, weight));
        Append(ref _in[w], ref _inCount[w], new ContractionEdge(u, weight));
    }

    /// <summary>Removes v and every edge touching it.</summary>
    public void Remove(int v)
    {
        foreach (var edge in Out(v))
        {
            RemoveEntry(_in[edge.Target], ref _inCount[edge.Target], v);
        }
        foreach (var edge in In(v))
        {
            RemoveEntry(_out[edge.Target], ref _outCount[edge.Target], v);
        }
        _out[v] = [];
        _in[v] = [];
        _outCount[v] = 0;
        _inCount[v] = 0;
    }

    private static void Append(ref ContractionEdge[] edges, ref int count, ContractionEdge edge)
    {
        if (count == edges.Length)
        {
            Array.Resize(ref edges, edges.Length * 2);
        }
        edges[count++] = edge;
    }

    private static void RemoveEntry(ContractionEdge[] edges, ref int count, int target)
    {
        for (var i = 0; i < count; i++)
        {
            if (edges[i].Target == target)
            {
                edges[i] = edges[--count];
                return;
            }
        }
    }
}
