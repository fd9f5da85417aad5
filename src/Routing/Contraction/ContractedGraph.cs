namespace Geo.Routing.Contraction;

/// <summary>
/// A contraction hierarchy of one <see cref="Streets.ModeGraph"/>. Vertices are renumbered by contraction level
/// (<see cref="Rank"/>[graphVertex] = CH vertex), so every stored edge points to a higher-numbered vertex.
/// <para>Upward CSR (UpFirst/UpTarget/UpWeight): edges v→w leaving v with w above v, for forward searches from sources.</para>
/// <para>Downward CSR (DownFirst/DownTarget/DownWeight): edges w→v entering v with w above v, stored at v, for backward searches from targets.</para>
/// Weights are path keys: duration in ms (high 32 bits) and length in mm (low 32 bits) of the path an edge or shortcut stands for.
/// </summary>
public sealed partial class ContractedGraph
{
    public ContractedGraph(int[] rank, int[] upFirst, int[] upTarget, long[] upWeight, int[] downFirst, int[] downTarget, long[] downWeight)
    {
        ArgumentNullException.ThrowIfNull(rank);
        ArgumentNullException.ThrowIfNull(upFirst);
        ArgumentNullException.ThrowIfNull(upTarget);
        ArgumentNullException.ThrowIfNull(upWeight);
        ArgumentNullException.ThrowIfNull(downFirst);
        ArgumentNullException.ThrowIfNull(downTarget);
        ArgumentNullException.ThrowIfNull(downWeight);
        if (upFirst.Length != rank.Length + 1 || downFirst.Length != rank.Length + 1
            || upTarget.Length != upWeight.Length || upFirst[^1] != upTarget.Length
            || downTarget.Length != downWeight.Length || downFirst[^1] != downTarget.Length)
        {
            throw new ArgumentException("Inconsistent contracted graph arrays.", nameof(rank));
        }
        Rank = rank;
        UpFirst = upFirst;
        UpTarget = upTarget;
        UpWeight = upWeight;
        DownFirst = downFirst;
        DownTarget = downTarget;
        DownWeight = downWeight;
    }

    public int VertexCount => Rank.Length;

    /// <summary>CH vertex (= contraction level) of each input graph vertex.</summary>
    public int[] Rank { get; }

    public int[] UpFirst { get; }
    public int[] UpTarget { get; }
    public long[] UpWeight { get; }
    public int[] DownFirst { get; }
    public int[] DownTarget { get; }
    public long[] DownWeight { get; }

    public int EdgeCount => UpTarget.Length + DownTarget.Length;
}
