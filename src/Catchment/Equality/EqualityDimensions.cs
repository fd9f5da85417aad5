using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Equality;

/// <summary>
/// The breakdowns used for equality impact: IMD quintile (1 = most deprived), Core20 (IMD decile 1-2 vs other),
/// ward, local authority and each categorical zone column (or those named in <see cref="EqualitySpec.Dimensions"/>).
/// Age (65+ vs under 65) is handled separately because it splits each zone's residents.
/// </summary>
internal sealed record EqualityDimensions(IReadOnlyList<EqualityDimensions.Dimension> Grouped, bool HasAge, int[] AgeMembers, double[] UnderSixtyFive)
{
    /// <summary>A breakdown; the zones of group g are Members[GroupStart[g] .. GroupStart[g + 1]) (CSR, zones ascending).</summary>
    internal sealed record Dimension(string Name, string[] Groups, int[] GroupStart, int[] Members)
    {
        public static Dimension FromGroupOf(string name, int[] groupOf, string[] groups)
        {
            var start = new int[groups.Length + 1];
            foreach (var g in groupOf)
            {
                if (g >= 0)
                {
                    start[g + 1]++;
                }
            }
            for (var g = 0; g < groups.Length; g++)
            {
                start[g + 1] += start[g];
            }
            var members = new int[start[groups.Length]];
            var next = (int[])start.Clone();
            for (var z = 0; z < groupOf.Length; z++)
            {
                if (groupOf[z] >= 0)
                {
                    members[next[groupOf[z]]++] = z;
                }
            }
            return new Dimension(name, groups, start, members);
        }
    }

    public static EqualityDimensions Build(ZoneTable zones, EqualitySpec settings)
    {
        var list = new List<Dimension>();
        var n = zones.Count;
        if (zones.HasImd)
        {
            var quintile = new int[n];
            var core20 = new int[n];
            for (var z = 0; z < n; z++)
            {
                var q = zones.ImdQuintile(z);
                quintile[z] = q > 0 ? q - 1 : -1;
                core20[z] = zones.ImdDecile[z] == 0 ? -1 : Imd.IsCore20(zones.ImdDecile[z]) ? 0 : 1;
            }
            list.Add(Dimension.FromGroupOf("imd_quintile", quintile, ["1", "2", "3", "4", "5"]));
            list.Add(Dimension.FromGroupOf("core20", core20, ["core20", "other"]));
        }
        AddText(list, "ward", zones.Ward);
        AddText(list, "local_authority", zones.LocalAuthority);
        var extra = settings.Dimensions ?? zones.CategoryColumns;
        foreach (var column in extra)
        {
            if (zones.HasCategory(column))
            {
                AddText(list, column, zones.Category(column));
            }
        }
        var ageMembers = new List<int>();
        var under = new double[n];
        for (var z = 0; z < n; z++)
        {
            if (!double.IsNaN(zones.Age65Plus[z]))
            {
                ageMembers.Add(z);
                under[z] = zones.Population[z] - zones.Age65Plus[z];
            }
        }
        return new EqualityDimensions(list, ageMembers.Count > 0, [.. ageMembers], under);
    }

    private static void AddText(List<Dimension> list, string name, IReadOnlyList<string?> values)
    {
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (!string.IsNullOrEmpty(v))
            {
                groups.Add(v);
            }
        }
        if (groups.Count == 0)
        {
            return;
        }
        var names = groups.ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }
        var groupOf = new int[values.Count];
        for (var z = 0; z < values.Count; z++)
        {
            groupOf[z] = string.IsNullOrEmpty(values[z]) ? -1 : index[values[z]!];
        }
        list.Add(Dimension.FromGroupOf(name, groupOf, names));
    }
}
