using Geo.Core;

using Geo.Routing.Geometry;

namespace Geo.Catchment.Inputs;

/// <summary>
/// One zone (e.g. an LSOA) as a record. Numbers that are unknown are NaN (age65plus) or null (IMD); text that is unknown is null.
/// IMD decile 1 = most deprived 10%; quintile = (decile + 1) / 2.
/// </summary>
public sealed record Zone(
    string Code,
    string Name,
    GeoPoint Point,
    double Population,
    double Age65Plus,
    int? ImdDecile,
    int? ImdRank,
    string? Ward,
    string? LocalAuthority)
{
    public int? ImdQuintile => ImdDecile is int d ? Imd.Quintile(d) : null;

    /// <summary>Core20: the most deprived 20% nationally (IMD decile 1 or 2).</summary>
    public bool? Core20 => ImdDecile is int d ? Imd.IsCore20(d) : null;
}
