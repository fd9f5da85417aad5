namespace Geo.Routing.Multimodal;

/// <summary>
/// Walk + public transport travel-time matrix in r5's stages, per origin: street access (<see cref="AccessSearch"/>:
/// bounded walk search to stops, and to destinations for the direct walk) -> range RAPTOR over the departure minutes,
/// latest first, state reused, with egress through the precomputed <see cref="EgressTable"/> (<see cref="DepartureSweep"/>)
/// -> percentiles over minutes (<see cref="PercentileReducer"/>) -> the breakdown of the median journey
/// (<see cref="JourneyBreakdown"/>). Parallel over origins with per-worker state; every origin's output depends only on its
/// inputs, so results are identical for any thread count. For origin ranges (batches, shards) use <see cref="TransitMatrixRows"/>.
/// </summary>
public static class TransitMatrixComputer
{
    /// <summary>Computes the whole matrix. Progress reports the number of origins finished.</summary>
    public static TransitMatrixResult Compute(TransitNetwork network, TransitMatrixRequest request, IProgress<int>? progress = null)
    {
        var rows = new TransitMatrixRows(network, request);
        return rows.Compute(0, rows.OriginCount, progress);
    }
}
