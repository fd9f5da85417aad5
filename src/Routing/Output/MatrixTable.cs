using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Output;

/// <summary>
/// What a matrix file holds: origin and destination ids, per-pair minutes and kilometres (row-major, NaN = no value),
/// per-point snap distances (NaN = unknown) and whether each point was snapped, plus optional extra per-pair columns.
/// A pair's status is derived: origin_unsnapped, then destination_unsnapped, then unreachable (minutes NaN), else ok.
/// Shared by road (<c>geo matrix</c>) and public transport matrices.
/// </summary>
public sealed class MatrixTable
{
    public MatrixTable(IReadOnlyList<string> originIds, IReadOnlyList<string> destinationIds, double[] minutes)
    {
        ArgumentNullException.ThrowIfNull(originIds);
        ArgumentNullException.ThrowIfNull(destinationIds);
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Length != (long)originIds.Count * destinationIds.Count)
        {
            throw new ArgumentException("minutes must hold one value per pair.", nameof(minutes));
        }
        OriginIds = originIds;
        DestinationIds = destinationIds;
        Minutes = minutes;
    }

    public IReadOnlyList<string> OriginIds { get; }
    public IReadOnlyList<string> DestinationIds { get; }
    public double[] Minutes { get; }
    public double[]? Kilometres { get; init; }
    public double[]? OriginSnapMetres { get; init; }
    public double[]? DestinationSnapMetres { get; init; }
    public bool[]? OriginSnapped { get; init; }
    public bool[]? DestinationSnapped { get; init; }
    public IReadOnlyList<MatrixColumn> ExtraColumns { get; init; } = [];

    public int PairCount => Minutes.Length;

    public PairStatus StatusAt(int origin, int destination)
    {
        if (OriginSnapped is not null && !OriginSnapped[origin])
        {
            return PairStatus.OriginUnsnapped;
        }
        if (DestinationSnapped is not null && !DestinationSnapped[destination])
        {
            return PairStatus.DestinationUnsnapped;
        }
        return double.IsNaN(Minutes[(origin * DestinationIds.Count) + destination]) ? PairStatus.Unreachable : PairStatus.Ok;
    }

    /// <summary>Pairs per status, indexed by <see cref="PairStatus"/>.</summary>
    public int[] CountStatuses()
    {
        var counts = new int[4];
        for (var o = 0; o < OriginIds.Count; o++)
        {
            for (var d = 0; d < DestinationIds.Count; d++)
            {
                counts[(int)StatusAt(o, d)]++;
            }
        }
        return counts;
    }

    /// <summary>The layout of this table (ids, snaps, km and extra columns).</summary>
    public MatrixLayout Layout() => new(OriginIds, DestinationIds)
    {
        OriginSnapMetres = OriginSnapMetres,
        DestinationSnapMetres = DestinationSnapMetres,
        HasKilometres = Kilometres is not null,
        ExtraColumns = ExtraColumns.Select(c => new MatrixColumnSpec(c.Name, c.Decimals)).ToArray(),
    };

    /// <summary>The whole table as one batch (statuses derived as in <see cref="StatusAt"/>).</summary>
    public MatrixBatch ToBatch()
    {
        var batch = new MatrixBatch(0, OriginIds.Count, DestinationIds.Count, Kilometres is not null, ExtraColumns.Count);
        var destinations = DestinationIds.Count;
        for (var o = 0; o < OriginIds.Count; o++)
        {
            for (var d = 0; d < destinations; d++)
            {
                batch.Status[(o * destinations) + d] = StatusAt(o, d);
            }
        }
        Minutes.CopyTo(batch.Minutes, 0);
        Kilometres?.CopyTo(batch.Kilometres!, 0);
        for (var c = 0; c < ExtraColumns.Count; c++)
        {
            ExtraColumns[c].Values.CopyTo(batch.Extra[c], 0);
        }
        return batch;
    }
}
