namespace Geo.Catchment.Scenarios;

/// <summary>
/// One configuration of open sites: site id -> the services it provides. A baseline site missing here is closed in this
/// option; a site here but not in the baseline is new. An optional fixed <see cref="Allocation"/> sends listed zones to a
/// given site instead of the nearest.
/// </summary>
public sealed record OptionSpec
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sites { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public AllocationSpec? Allocation { get; init; }

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;
}
