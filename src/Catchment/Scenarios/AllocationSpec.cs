namespace Geo.Catchment.Scenarios;

/// <summary>A CSV of zone -> site (e.g. placement/allocation.csv): listed zones go to that site for every mode and service it provides.</summary>
public sealed record AllocationSpec
{
    public string File { get; init; } = "";
    public string Zone { get; init; } = "zone_id";
    public string Site { get; init; } = "site_id";
}
