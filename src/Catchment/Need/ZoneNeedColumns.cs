using Geo.Catchment.Inputs;

namespace Geo.Catchment.Need;

/// <summary>
/// The zone columns a need expression may use: population, age65plus, every numeric zone column, and the derived
/// imd_core20 and imd_quintile (see <see cref="NeedExpression.AddDerivedColumns"/>).
/// </summary>
public static class ZoneNeedColumns
{
    public static Dictionary<string, double[]> For(ZoneTable zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["population"] = zones.Population };
        if (zones.HasAge65Plus)
        {
            columns["age65plus"] = zones.Age65Plus;
        }
        foreach (var name in zones.NumericColumns)
        {
            columns.TryAdd(name, zones.Numeric(name));
        }
        NeedExpression.AddDerivedColumns(columns, zones.ImdDecile);
        return columns;
    }
}
