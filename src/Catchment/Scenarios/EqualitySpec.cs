namespace Geo.Catchment.Scenarios;

/// <summary>
/// When a group is flagged: it travels longer than before and its mean change exceeds the whole population's by more than <see cref="AbsoluteMarginMinutes"/>
/// AND by more than <see cref="RelativeMargin"/> of the population's (absolute) mean change.
/// </summary>
public sealed record EqualitySpec
{
    public double RelativeMargin { get; init; } = 0.10;
    public double AbsoluteMarginMinutes { get; init; } = 2.0;
    /// <summary>Extra categorical zone columns to break down by; default: every categorical extra column.</summary>
    public IReadOnlyList<string>? Dimensions { get; init; }
}
