namespace Geo.Catchment.Reports.Methods;

/// <summary>The methods-and-data section of report.html and summary.json ("methods"): inputs, methods, known limits, attribution.</summary>
public sealed record MethodsAndData
{
    public IReadOnlyList<DataSource> Inputs { get; init; } = [];
    public IReadOnlyList<MethodNote> Methods { get; init; } = [];
    public IReadOnlyList<string> KnownLimits { get; init; } = [];
    public IReadOnlyList<string> Attribution { get; init; } = [];
}
