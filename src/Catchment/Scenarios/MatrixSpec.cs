namespace Geo.Catchment.Scenarios;

/// <summary>
/// An external travel-time matrix in minutes. Layout "long" (one row per pair; the defaults read <c>geo matrix</c> output:
/// origin_id, destination_id, minutes, km, interchanges, fare_gbp, status) or "wide" (one row per origin, one column per site,
/// headed by the site id or name). <see cref="OriginKey"/>/<see cref="DestinationKey"/>: "id" (default) or "name".
/// Cells equal to <see cref="NoRoute"/> (e.g. 9999) mean no route.
/// </summary>
public sealed record MatrixSpec
{
    public string File { get; init; } = "";
    public string Layout { get; init; } = "long";
    public string? Origin { get; init; }
    public string? Destination { get; init; }
    public string? Minutes { get; init; }
    public string? Km { get; init; }
    public string? Interchanges { get; init; }
    public string? Fare { get; init; }
    public string? Status { get; init; }
    public string OriginKey { get; init; } = "id";
    public string DestinationKey { get; init; } = "id";
    public double? NoRoute { get; init; }
}
