using Geo.Routing.Output;

namespace Geo.Routing.Jobs;

/// <summary>
/// A matrix job made ready to route (network loaded, points snapped, per-destination tables built): the layout of its
/// output and the rows of any origin range. Rows depend only on their origin, so batches and shards of any size, computed
/// in any order, on any number of threads or machines, join into the same matrix.
/// </summary>
public interface IMatrixStage
{
    MatrixLayout Layout { get; }

    /// <summary>The rows of origins [start, end) (an origin shard).</summary>
    MatrixBatch ComputeRows(int start, int end);
}
