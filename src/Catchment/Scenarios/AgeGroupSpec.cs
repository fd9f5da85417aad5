namespace Geo.Catchment.Scenarios;

/// <summary>
/// A long-format census age table (one row per zone and age group): the values are summed per zone into the population
/// (unless another source names the population column) and the rows whose group is in <see cref="Age65plusGroups"/> into 65+.
/// </summary>
public sealed record AgeGroupSpec
{
    public string File { get; init; } = "";
    public string Key { get; init; } = "";
    public string GroupColumn { get; init; } = "age_group";
    public string ValueColumn { get; init; } = "usual_residents";
    public IReadOnlyList<string> Age65plusGroups { get; init; } = [];
}
