namespace Geo.Catchment.Scenarios;

/// <summary>
/// Visits per year for annual totals of patient travel cost and carbon: either a total per service (<see cref="PerService"/>,
/// spread over zones in proportion to the weight) or a zone column (<see cref="ZoneColumn"/>: visits per year from each zone,
/// for every service). Annual totals = sum over zones of visits x money (or carbon) per visit.
/// </summary>
public sealed record VisitsSpec
{
    public IReadOnlyDictionary<string, double>? PerService { get; init; }
    public string? ZoneColumn { get; init; }
}
