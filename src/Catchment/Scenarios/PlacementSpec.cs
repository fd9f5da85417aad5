namespace Geo.Catchment.Scenarios;

/// <summary>What <c>geo run</c> passes to <c>geo place</c> (read here, used by the placement helper).</summary>
public sealed record PlacementSpec
{
    public string Problem { get; init; } = "pmedian";
    public string? Mode { get; init; }
    public int? P { get; init; }
    public double? Threshold { get; init; }
    public string? Need { get; init; }
    public SiteSpec? Candidates { get; init; }
    public IReadOnlyList<string> Existing { get; init; } = [];
}
