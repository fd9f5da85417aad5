using System.Runtime.InteropServices;

namespace Geo.Routing.Contraction;

/// <summary>
/// An edge of the graph being contracted: the other end and the path key (duration ms high, length mm low).
/// Packed to 12 bytes (not 16): the contraction's largest working array on a national network.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct ContractionEdge(int target, long weight)
{
    public int Target = target;
    public long Weight = weight;
}
