using Geo.Core;
using Geo.Routing.Matrices;

namespace Geo.Routing.Output;

/// <summary>
/// A sink that keeps the whole matrix in memory (for callers that need every pair at once, such as geo run's appraisal):
/// statuses, minutes, km and each extra column, row-major over all origins.
/// </summary>
public sealed class MatrixCollector : IMatrixSink
{
    public MatrixLayout? Layout { get; private set; }
    public PairStatus[] Status { get; private set; } = [];
    public double[] Minutes { get; private set; } = [];
    public double[]? Kilometres { get; private set; }
    public double[][] Extra { get; private set; } = [];
    public bool Completed { get; private set; }

    public void Begin(MatrixLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        var pairs = checked(layout.OriginCount * layout.DestinationCount);
        Status = new PairStatus[pairs];
        Minutes = new double[pairs];
        Kilometres = layout.HasKilometres ? new double[pairs] : null;
        Extra = layout.ExtraColumns.Select(_ => new double[pairs]).ToArray();
    }

    public void Write(MatrixBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var at = batch.FirstOrigin * batch.DestinationCount;
        batch.Status.CopyTo(Status, at);
        batch.Minutes.CopyTo(Minutes, at);
        if (Kilometres is not null && batch.Kilometres is not null)
        {
            batch.Kilometres.CopyTo(Kilometres, at);
        }
        for (var c = 0; c < Extra.Length; c++)
        {
            batch.Extra[c].CopyTo(Extra[c], at);
        }
    }

    public void Complete() => Completed = true;

    /// <summary>An extra column by name, or null.</summary>
    public double[]? Column(string name)
    {
        var columns = Layout?.ExtraColumns ?? [];
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Name == name)
            {
                return Extra[c];
            }
        }
        return null;
    }

    public void Dispose()
    {
    }
}
