namespace Geo.Routing.Contraction;

/// <summary>An edge of the graph being contracted: the other end and the path key (duration ms high, length mm low).</summary>
internal struct ContractionEdge(int target, long weight)
{
    public int Target = target;
    public long Weight = weight;
}
