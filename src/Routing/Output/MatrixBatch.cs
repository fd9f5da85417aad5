using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Output;

/// <summary>
/// The rows of origins [FirstOrigin, FirstOrigin + OriginCount) of a matrix, every destination each, row-major
/// (index = (origin - FirstOrigin) * DestinationCount + destination): the pair status, minutes and km (NaN unless ok),
/// and the layout's extra columns (NaN = empty). A stage produces batches, a sink writes them in origin order.
/// </summary>
public sealed class MatrixBatch
{
    public MatrixBatch(int firstOrigin, int originCount, int destinationCount, bool kilometres, int extraColumns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstOrigin);
        ArgumentOutOfRangeException.ThrowIfNegative(originCount);
        ArgumentOutOfRangeException.ThrowIfNegative(destinationCount);
        var pairs = checked(originCount * destinationCount);
        FirstOrigin = firstOrigin;
        OriginCount = originCount;
        DestinationCount = destinationCount;
        Status = new PairStatus[pairs];
        Minutes = new double[pairs];
        Kilometres = kilometres ? new double[pairs] : null;
        Extra = new double[extraColumns][];
        for (var c = 0; c < extraColumns; c++)
        {
            Extra[c] = new double[pairs];
        }
    }

    public int FirstOrigin { get; }
    public int OriginCount { get; }
    public int DestinationCount { get; }
    public int EndOrigin => FirstOrigin + OriginCount;
    public int PairCount => Status.Length;
    public PairStatus[] Status { get; }
    public double[] Minutes { get; }
    public double[]? Kilometres { get; }
    /// <summary>One array per extra column of the layout, in layout order.</summary>
    public double[][] Extra { get; }

    /// <summary>Adds this batch's pairs per status to <paramref name="counts"/> (indexed by <see cref="PairStatus"/>).</summary>
    public void CountStatuses(long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var s in Status)
        {
            counts[(int)s]++;
        }
    }
}
