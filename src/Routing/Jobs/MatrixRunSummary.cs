using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Jobs;

/// <summary>What a matrix run wrote: sizes, pairs per <see cref="PairStatus"/>, and how it was batched.</summary>
public sealed record MatrixRunSummary(int Origins, int Destinations, long[] StatusCounts, int Batches, int OriginsPerBatch)
{
    public long Pairs => (long)Origins * Destinations;

    public long Count(PairStatus status) => StatusCounts[(int)status];
}
