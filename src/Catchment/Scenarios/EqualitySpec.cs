namespace Geo.Catchment.Scenarios;

/// <summary>
/// When a group is flagged: it travels longer than before and its mean change exceeds the whole population's by more than <see cref="AbsoluteMarginMinutes"/>
/// AND by more than <see cref="RelativeMargin"/> of the population's (absolute) mean change.
/// </summary>
public sealed record EqualitySpec
{
    public double RelativeMargin { get; init; } = 0.10;
    public double AbsoluteMarginMinutes { get; init; } = 2.0;
    public const int DefaultMinGroupZones = 2;
    public const double DefaultMinGroupPeople = 2000;
    /// <summary>A group with fewer zones than this is "small": shown and marked, never flagged. Default 2 (one zone is never a group).</summary>
    public int MinGroupZones { get; init; } = DefaultMinGroupZones;
    /// <summary>A group with fewer residents than this is "small": shown and marked, never flagged. Default 2,000.</summary>
    public double MinGroupPeople { get; init; } = DefaultMinGroupPeople;
    /// <summary>Extra categorical zone columns to break down by; default: every categorical extra column.</summary>
    public IReadOnlyList<string>? Dimensions { get; init; }
}
