using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Turns the scenario's census breakdowns (<see cref="ZoneSpec.Census"/>) into counts per zone from the zone columns the
/// loader has read. A count must be a number, finite and not negative; an empty cell is unknown (NaN).
/// </summary>
internal static class CensusColumns
{
    /// <summary>The zone columns the breakdowns read, so the loader carries them.</summary>
    public static IEnumerable<string> Columns(IReadOnlyList<CensusSpec>? census) =>
        (census ?? []).SelectMany(c => c.Groups.Values).Where(c => !ZoneLoader.KnownTargets.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <param name="error">Builds the error for (column, zone, problem), naming file and line.</param>
    public static IReadOnlyList<CensusBreakdown> Build(IReadOnlyList<CensusSpec>? census, IReadOnlyDictionary<string, double[]> numeric,
        IReadOnlyDictionary<string, string[]> categories, Func<string, int, string, InputFileException> error)
    {
        var result = new List<CensusBreakdown>();
        foreach (var spec in census ?? [])
        {
            var groups = new List<CensusGroup>(spec.Groups.Count);
            foreach (var (label, column) in spec.Groups)
            {
                if (!numeric.TryGetValue(column, out var counts))
                {
                    if (!categories.TryGetValue(column, out var text))
                    {
                        throw error(column, 0, $"'{column}' ({spec.Dimension}: {label}) is a zone field, not a column of census counts");
                    }
                    var bad = Array.FindIndex(text, t => t.Length > 0 && !CsvTable.TryNumber(t, out _));
                    throw error(column, Math.Max(bad, 0), $"census count '{(bad >= 0 ? text[bad] : "")}' ({spec.Dimension}: {label}) is not a number");
                }
                for (var z = 0; z < counts.Length; z++)
                {
                    if (counts[z] < 0)
                    {
                        throw error(column, z, $"census count {counts[z].ToString(CultureInfo.InvariantCulture)} ({spec.Dimension}: {label}) is negative");
                    }
                }
                groups.Add(new CensusGroup(label, column, counts));
            }
            result.Add(new CensusBreakdown(spec.Dimension, spec.Unit, groups));
        }
        return result;
    }
}
