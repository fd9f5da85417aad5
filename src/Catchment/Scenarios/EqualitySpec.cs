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
    /// <summary>800 households: about 2,000 people at the England and Wales average of 2.4 people per household (Census 2021).</summary>
    public const double DefaultMinGroupHouseholds = 800;
    /// <summary>The small-group rule with its defaults, for <c>--help</c> (a test checks it states the Default* values).</summary>
    public const string SmallGroupHelp = "Equality flags skip small groups: by default fewer than 2 zones, 2,000 people or (car availability and other household groups) 800 households; set equality.minGroupZones, minGroupPeople and minGroupHouseholds in the scenario";

    /// <summary>A group with fewer zones than this is "small": shown and marked, never flagged. Default 2 (one zone is never a group).</summary>
    public int MinGroupZones { get; init; } = DefaultMinGroupZones;
    /// <summary>A group with fewer residents than this is "small": shown and marked, never flagged. Default 2,000.</summary>
    public double MinGroupPeople { get; init; } = DefaultMinGroupPeople;
    /// <summary>A household group (census car availability) with fewer households than this is "small". Default 800.</summary>
    public double MinGroupHouseholds { get; init; } = DefaultMinGroupHouseholds;

    /// <summary>The minimum count for a group whose sizes are in <paramref name="unit"/> (people, or households for household census groups).</summary>
    public double MinGroupCount(string? unit) => unit == CensusSpec.Households ? MinGroupHouseholds : MinGroupPeople;
    /// <summary>Extra categorical zone columns to break down by; default: every categorical extra column.</summary>
    public IReadOnlyList<string>? Dimensions { get; init; }
}
