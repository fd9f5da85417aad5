namespace Geo.Routing.Contraction;

/// <summary>
/// The graph being contracted: per vertex, the outgoing and incoming edges to vertices not yet contracted (as slices of
/// one shared array per direction, <see cref="EdgeSlices"/>), weights as path keys. At most one edge per (from, to) pair:
/// adding a parallel edge keeps the lower weight.
/// Mutated by one thread only (between the parallel phases of <see cref="ContractionBuilder"/>), read by many.
/// </summary>
internal sealed class DynamicGraph
{
    private readonly EdgeSlices _out;
    private readonly EdgeSlices _in;

    public DynamicGraph(int vertexCount, int[] outDegree, int[] inDegree)
    {
        ArgumentNullException.ThrowIfNull(outDegree);
        ArgumentNullException.ThrowIfNull(inDegree);
        if (outDegree.Length != vertexCount || inDegree.Length != vertexCount)
        {
            throw new ArgumentException("One degree per vertex is needed.", nameof(outDegree));
        }
        VertexCount = vertexCount;
        _out = new EdgeSlices(outDegree);
        _in = new EdgeSlices(inDegree);
    }

    public int VertexCount { get; }

    public ReadOnlySpan<ContractionEdge> Out(int v) => _out.Of(v);

    public ReadOnlySpan<ContractionEdge> In(int v) => _in.Of(v);

    public int Degree(int v) => _out.Count(v) + _in.Count(v);

    /// <summary>Adds u→w, or lowers the weight of the existing u→w edge.</summary>
    public void AddOrLower(int u, int w, long weight)
    {
        var outEdges = _out.Mutable(u);
        for (var i = 0; i < outEdges.Length; i++)
        {
            if (outEdges[i].Target == w)
            {
                if (weight < outEdges[i].Weight)
                {
                    outEdges[i].Weight = weight;
                    var inEdges = _in.Mutable(w);
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
        _out.Append(u, new ContractionEdge(w, weight));
        _in.Append(w, new ContractionEdge(u, weight));
    }

    /// <summary>Removes v and every edge touching it.</summary>
    public void Remove(int v)
    {
        foreach (var edge in Out(v))
        {
            _in.Remove(edge.Target, v);
        }
        foreach (var edge in In(v))
        {
            _out.Remove(edge.Target, v);
        }
        _out.Clear(v);
        _in.Clear(v);
    }
}
