namespace Geo.Routing.Output;

/// <summary>
/// What every batch of one matrix shares, known before routing starts: origin and destination ids (in output order),
/// per-point snap distances (metres, NaN = unknown or unsnapped), whether there is a km column, and the extra per-pair
/// columns (name and decimals) that follow the standard long-form columns.
/// </summary>
public sealed class MatrixLayout
{
    public MatrixLayout(IReadOnlyList<string> originIds, IReadOnlyList<string> destinationIds)
    {
        ArgumentNullException.ThrowIfNull(originIds);
        ArgumentNullException.ThrowIfNull(destinationIds);
        OriginIds = originIds;
        DestinationIds = destinationIds;
    }

    public IReadOnlyList<string> OriginIds { get; }
    public IReadOnlyList<string> DestinationIds { get; }
    public double[]? OriginSnapMetres { get; init; }
    public double[]? DestinationSnapMetres { get; init; }
    public bool HasKilometres { get; init; }
    public IReadOnlyList<MatrixColumnSpec> ExtraColumns { get; init; } = [];

    public int OriginCount => OriginIds.Count;
    public int DestinationCount => DestinationIds.Count;
}

/// <summary>An extra per-pair column of a matrix file: its header and the decimals its values are rounded to.</summary>
public sealed record MatrixColumnSpec(string Name, int Decimals = 2);
