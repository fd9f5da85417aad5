namespace Geo.Catchment.Scenarios;

/// <summary>
/// Adds zone attributes from another CSV keyed by zone id. <see cref="Columns"/> maps a target to a source column; targets
/// population, age65plus, imdDecile, imdRank, ward, wardCode, localAuthority, localAuthorityCode and name fill the zone fields, any other target becomes an
/// extra column of that name. A key that is not a zone, a repeated key, or a zone with no row is an error unless
/// <see cref="IgnoreUnknown"/> / <see cref="AllowMissing"/> say otherwise.
/// </summary>
public sealed record JoinSpec
{
    public string File { get; init; } = "";
    public string Key { get; init; } = "";
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();
    /// <summary>Skip rows whose key is not a zone (e.g. a national file); default false = error.</summary>
    public bool IgnoreUnknown { get; init; }
    /// <summary>Leave zones without a row empty; default false = error.</summary>
    public bool AllowMissing { get; init; }
}
