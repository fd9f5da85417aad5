using System.Globalization;
using Geo.Core;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Class breaks, colours and legend labels for one map layer. Value v falls in class i, the first with v &lt; Breaks[i]
/// (class Breaks.Count when v is at or above the last break); NaN is no data (-1). Travel-time layers use v &lt;= Breaks[i]
/// instead ("within T minutes" means &lt;= T, as the report's bands). wwwroot/app.js implements the same rules.
/// </summary>
public sealed class MapClassification
{
    public static readonly IReadOnlyList<double> TravelTimeBreaksMinutes = [10, 20, 30, 45, 60, 90];
    public static readonly IReadOnlyList<double> ChangeBreaksMinutes = [-30, -15, -5, -1, 1, 5, 15, 30];

    private MapClassification(string title, double[] breaks, IReadOnlyList<string> colours, string[] labels, bool upperInclusive = false)
    {
        UpperInclusive = upperInclusive;
        Title = title;
        Breaks = breaks;
        Colours = colours;
        Labels = labels;
    }

    public string Title { get; }
    public IReadOnlyList<double> Breaks { get; }
    public IReadOnlyList<string> Colours { get; }
    public IReadOnlyList<string> Labels { get; }
    /// <summary>True for travel times: a value equal to a break belongs to the class below it.</summary>
    public bool UpperInclusive { get; }

    /// <summary>Class index of a value, or -1 for NaN.</summary>
    public int ClassOf(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        for (int i = 0; i < Breaks.Count; i++)
        {
            if (value < Breaks[i] || (UpperInclusive && value == Breaks[i]))
            {
                return i;
            }
        }

        return Breaks.Count;
    }

    public string ColourOf(double value)
    {
        int c = ClassOf(value);
        return c < 0 ? Palettes.NoData : Colours[c];
    }

    public static MapClassification TravelTime()
    {
        double[] b = [.. TravelTimeBreaksMinutes];
        return new MapClassification("Travel time (minutes)", b, Palettes.TravelTime, WithinLabels(b, "min"), upperInclusive: true);
    }

    public static MapClassification Change()
    {
        double[] b = [.. ChangeBreaksMinutes];
        string[] labels = RangeLabels(b, "min");
        labels[0] = "faster by " + F(-b[0]) + "+ min";
        labels[^1] = "slower by " + F(b[^1]) + "+ min";
        labels[b.Length / 2] = "no change (" + F(b[(b.Length / 2) - 1]) + " to " + F(b[b.Length / 2]) + ")";
        return new MapClassification("Change vs baseline (minutes)", b, Palettes.Change, labels);
    }

    public static MapClassification ImdDecile()
    {
        double[] b = [2, 3, 4, 5, 6, 7, 8, 9, 10];
        var labels = new string[10];
        for (int i = 0; i < 10; i++)
        {
            labels[i] = (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        labels[0] += " most deprived";
        labels[9] += " least deprived";
        return new MapClassification("IMD decile", b, Palettes.Imd, labels);
    }

    /// <summary>Quintile breaks of the non-NaN values: break k is the sorted value at index floor(k*n/5), duplicates dropped.</summary>
    public static MapClassification Quantiles(string attribute, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var breaks = new List<double>();
        for (int k = 1; k < 5 && sorted.Length > 0; k++)
        {
            double b = sorted[k * sorted.Length / 5];
            if ((breaks.Count == 0 || b > breaks[^1]) && b > sorted[0])
            {
                breaks.Add(b);
            }
        }

        double[] arr = [.. breaks];
        var colours = Palettes.Attribute.Skip(Palettes.Attribute.Count - arr.Length - 1).ToArray();
        return new MapClassification(attribute, arr, colours, RangeLabels(arr, string.Empty));
    }

    /// <summary>
    /// Need maps: counts (points per zone) get "0" as a class of its own, then quartile breaks of the positive counts, labelled
    /// as whole numbers ("1", "2 to 3", "4 or more"); densities and percentages get quintile breaks rounded to 3 significant figures.
    /// </summary>
    public static MapClassification Need(string title, IEnumerable<double> values, bool counts)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!counts)
        {
            var q = Quantiles(title, values);
            double[] rounded = [.. q.Breaks.Select(Significant3).Distinct()];
            var colours = Palettes.Attribute.Skip(Palettes.Attribute.Count - rounded.Length - 1).ToArray();
            return new MapClassification(title, rounded, colours, RangeLabels(rounded, string.Empty));
        }
        double[] positive = [.. values.Where(v => v > 0).Order()];
        var breaks = new List<double> { 1 };
        for (int k = 1; k < 4 && positive.Length > 0; k++)
        {
            double b = Math.Ceiling(positive[k * positive.Length / 4]);
            if (b > breaks[^1])
            {
                breaks.Add(b);
            }
        }
        if (positive.Length == 0 || positive[^1] < breaks[^1])
        {
            breaks.RemoveAt(breaks.Count - 1);
            breaks = breaks.Count == 0 ? [1] : breaks;
        }
        var labels = new string[breaks.Count + 1];
        labels[0] = "0";
        for (int i = 1; i < breaks.Count; i++)
        {
            labels[i] = breaks[i] - 1 == breaks[i - 1] ? F(breaks[i - 1]) : F(breaks[i - 1]) + " to " + F(breaks[i] - 1);
        }
        labels[^1] = F(breaks[^1]) + " or more";
        var palette = Palettes.Attribute.Skip(Palettes.Attribute.Count - breaks.Count - 1).ToArray();
        return new MapClassification(title, [.. breaks], palette, labels);
    }

    private static double Significant3(double v)
    {
        if (v == 0 || double.IsNaN(v))
        {
            return v;
        }
        double scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))) - 2);
        return Math.Round(v / scale) * scale;
    }

    public static MapClassification For(MapLayer layer, string? attribute, IEnumerable<double> values) => layer switch
    {
        MapLayer.Time => TravelTime(),
        MapLayer.Change => Change(),
        MapLayer.Imd => ImdDecile(),
        MapLayer.Placement => new MapClassification("Allocated travel time (minutes)", [.. TravelTimeBreaksMinutes], Palettes.TravelTime, WithinLabels([.. TravelTimeBreaksMinutes], "min"), upperInclusive: true),
        _ => Quantiles(attribute ?? "value", values),
    };

    private static string[] RangeLabels(double[] b, string unit)
    {
        string u = unit.Length > 0 ? " " + unit : string.Empty;
        if (b.Length == 0)
        {
            return ["all" + u];
        }

        var labels = new string[b.Length + 1];
        labels[0] = "< " + F(b[0]) + u;
        for (int i = 1; i < b.Length; i++)
        {
            labels[i] = F(b[i - 1]) + " to " + F(b[i]) + u;
        }

        labels[^1] = "≥ " + F(b[^1]) + u;
        return labels;
    }

    /// <summary>Labels for upper-inclusive classes: "up to 10 min", "over 10 to 20 min", ..., "over 90 min".</summary>
    private static string[] WithinLabels(double[] b, string unit)
    {
        string u = " " + unit;
        var labels = new string[b.Length + 1];
        labels[0] = "up to " + F(b[0]) + u;
        for (int i = 1; i < b.Length; i++)
        {
            labels[i] = "over " + F(b[i - 1]) + " to " + F(b[i]) + u;
        }

        labels[^1] = "over " + F(b[^1]) + u;
        return labels;
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
