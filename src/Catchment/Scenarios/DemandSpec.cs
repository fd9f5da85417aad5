namespace Geo.Catchment.Scenarios;

/// <summary>
/// Optional demand per zone (and per service when <see cref="Service"/> is given) used as the weight instead of residents.
/// <see cref="Zone"/> is the key column; <see cref="ZoneKey"/> says whether it holds zone ids ("id", default) or names ("name").
/// </summary>
public sealed record DemandSpec
{
    public string File { get; init; } = "";
    public string Zone { get; init; } = "zone_id";
    public string? Service { get; init; }
    public string Value { get; init; } = "patients";
    public string ZoneKey { get; init; } = "id";
}
