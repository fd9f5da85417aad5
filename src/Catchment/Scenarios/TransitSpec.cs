namespace Geo.Catchment.Scenarios;

/// <summary>Public transport inputs for <c>geo run</c>: GTFS feeds, service date, departure window "HH:MM-HH:MM", fares, walk limit.</summary>
public sealed record TransitSpec
{
    public IReadOnlyList<string> Gtfs { get; init; } = [];
    public string? Date { get; init; }
    public string? Window { get; init; }
    public string? Fares { get; init; }
    public double? MaxWalkMinutes { get; init; }
}
