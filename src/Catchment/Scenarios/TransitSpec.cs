namespace Geo.Catchment.Scenarios;

/// <summary>
/// Public transport inputs for <c>geo run</c>: GTFS feeds, service date, departure window "HH:MM-HH:MM", fares (null = the
/// embedded England defaults, written out by <c>geo run --write-fares</c>), walk limit, and the longest journey counted
/// (<see cref="MaxMinutes"/>, default 180; longer journeys are unreachable).
/// </summary>
public sealed record TransitSpec
{
    public IReadOnlyList<string> Gtfs { get; init; } = [];
    public string? Date { get; init; }
    public string? Window { get; init; }
    public string? Fares { get; init; }
    public double? MaxWalkMinutes { get; init; }
    public int? MaxMinutes { get; init; }
}
