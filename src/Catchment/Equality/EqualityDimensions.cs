using Geo.Catchment.Inputs;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Equality;

/// <summary>
/// The breakdowns used for equality impact: IMD quintile (1 = most deprived), Core20 (IMD decile 1-2 vs other),
/// ward, local authority and each categorical zone column (or those named in <see cref="EqualitySpec.Dimensions"/>).
/// Areas are grouped by code with the name beside it (ward names repeat across local authorities: "Brooklands" is in both
/// Manchester and Trafford); without codes a ward is keyed by its name and its local authority's name.
/// Age (65+ vs under 65) and census breakdowns (<see cref="ZoneTable.Census"/>) are handled separately because they split
/// each zone's residents: a group's members are the zones with a count above zero, each weighted by its count.
/// </summary>
internal sealed record EqualityDimensions(IReadOnlyList<EqualityDimensions.Dimension> Grouped, bool HasAge, int[] AgeMembers, double[] UnderSixtyFive)
{
    /// <summary>A census group: the zones with a count above zero (ascending) and the counts per zone (people or households).</summary>
    internal sealed record CountedGroup(string Dimension, string Group, string Unit, int[] Members, double[] Counts);

    public IReadOnlyList<CountedGroup> Census { get; init; } = [];

    /// <summary>A breakdown; the zones of group g are Members[GroupStart[g] .. GroupStart[g + 1]) (CSR, zones ascending).</summary>
    internal sealed record Dimension(string Name, string[] Groups, int[] GroupStart, int[] Members)
    {
        /// <summary>Display name per group (null = the key is its own name).</summary>
        public string?[] GroupNames { get; init; } = new string?[Groups.Length];

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
        var wardKey = new string?[n];
        var wardName = new string?[n];
        var laKey = new string?[n];
        for (var z = 0; z < n; z++)
        {
            var la = zones.LocalAuthority[z] ?? zones.LocalAuthorityCode[z];
            wardName[z] = zones.Ward[z] is null ? null : la is null ? zones.Ward[z] : zones.Ward[z] + " (" + la + ")";
            wardKey[z] = zones.WardCode[z] ?? wardName[z];
            laKey[z] = zones.LocalAuthorityCode[z] ?? zones.LocalAuthority[z];
        }
        AddText(list, "ward", wardKey, wardName);
        AddText(list, "local_authority", laKey, zones.LocalAuthority);
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
        return new EqualityDimensions(list, ageMembers.Count > 0, [.. ageMembers], under) { Census = Counted(zones.Census) };
    }

    private static List<CountedGroup> Counted(IReadOnlyList<CensusBreakdown> census)
    {
        var groups = new List<CountedGroup>();
        foreach (var breakdown in census)
        {
            foreach (var group in breakdown.Groups)
            {
                var members = new List<int>(group.Counts.Length);
                for (var z = 0; z < group.Counts.Length; z++)
                {
                    if (group.Counts[z] > 0) // unknown (NaN) and zero counts are not members: a group in one zone is small
                    {
                        members.Add(z);
                    }
                }
                groups.Add(new CountedGroup(breakdown.Dimension, group.Label, breakdown.Unit, [.. members], group.Counts));
            }
        }
        return groups;
    }

    private static void AddText(List<Dimension> list, string name, IReadOnlyList<string?> values, IReadOnlyList<string?>? displayNames = null)
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
        var dimension = Dimension.FromGroupOf(name, groupOf, names);
        if (displayNames is not null)
        {
            for (var z = 0; z < values.Count; z++)
            {
                if (groupOf[z] >= 0 && dimension.GroupNames[groupOf[z]] is null)
                {
                    dimension.GroupNames[groupOf[z]] = displayNames[z];
                }
            }
        }
        list.Add(dimension);
    }
}
