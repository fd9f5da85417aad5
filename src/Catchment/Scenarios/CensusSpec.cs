namespace Geo.Catchment.Scenarios;

/// <summary>
/// One census breakdown for the equality tables, e.g. ethnicity, disability, sex or car availability: each group names
/// the zone column (in the zone file or a join target) holding that group's count per zone. The equality rows of a group
/// weight each zone by its count, as the age table weights by residents aged 65+.
/// <code>{ "dimension": "ethnicity", "groups": { "Asian": "ethnic_asian", "White": "ethnic_white" } }</code>
/// <code>{ "dimension": "car_availability", "unit": "households", "groups": { "no car": "households_no_car" } }</code>
/// </summary>
public sealed record CensusSpec
{
    /// <summary>What counts are of: <see cref="People"/> (the default) or <see cref="Households"/> (census car availability).</summary>
    public const string People = "people";
    public const string Households = "households";

    /// <summary>Dimension names the equality tables already use; a census dimension may not take one.</summary>
    internal static readonly string[] ReservedDimensions = ["imd_quintile", "core20", "age", "ward", "local_authority"];

    public string Dimension { get; init; } = "";
    public string Unit { get; init; } = People;
    /// <summary>Group label -> zone column with that group's count per zone (empty cells = unknown, the zone is left out of that group).</summary>
    public IReadOnlyDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>();

    /// <summary>Structural checks; <paramref name="fail"/> builds the error from a JSON path and a problem.</summary>
    internal static void Check(IReadOnlyList<CensusSpec>? census, Func<string, string, Exception> fail)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (census?.Count ?? 0); i++)
        {
            var at = FormattableString.Invariant($"$.zones.census[{i}]");
            var c = census![i];
            if (c is null || string.IsNullOrWhiteSpace(c.Dimension))
            {
                throw fail(at + ".dimension", "a census breakdown needs \"dimension\" (e.g. \"ethnicity\") and \"groups\": { \"label\": \"zone column\" }");
            }
            if (ReservedDimensions.Contains(c.Dimension, StringComparer.OrdinalIgnoreCase) || !seen.Add(c.Dimension))
            {
                throw fail(at + ".dimension", $"dimension '{c.Dimension}' is already used; names in use: {string.Join(", ", ReservedDimensions.Concat(seen))}");
            }
            if (c.Unit is not (People or Households))
            {
                throw fail(at + ".unit", $"unit '{c.Unit}' is not \"{People}\" or \"{Households}\"");
            }
            if (c.Groups is null || c.Groups.Count == 0)
            {
                throw fail(at + ".groups", "list at least one group: { \"label\": \"zone column with the count\" }");
            }
            foreach (var (label, column) in c.Groups)
            {
                if (string.IsNullOrWhiteSpace(label) || string.IsNullOrWhiteSpace(column))
                {
                    throw fail(at + ".groups", "every group needs a label and a zone column");
                }
            }
        }
    }
}
