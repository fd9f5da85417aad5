using System.Globalization;
using Geo.Core;

namespace Geo.Viewer.Rendering;

/// <summary>
/// Class breaks, colours and legend labels for one map layer. Value v falls in class i, the first with v &lt; Breaks[i]
/// (class Breaks.Count when v is at or above the last break); NaN is no data (-1). wwwroot/app.js implements the same rule.
/// </summary>
public sealed class MapClassification
{
    public static readonly IReadOnlyList<double> TravelTimeBreaksMinutes = [10, 20, 30, 45, 60, 90];
    public static readonly IReadOnlyList<double> ChangeBreaksMinutes = [-30, -15, -5, -1, 1, 5, 15, 30];

    private MapClassification(string title, double[] breaks, IReadOnlyList<string> colours, string[] labels)
    {
        Title = title;
        Breaks = breaks;
        Colours = colours;
        Labels = labels;
    }

    public string Title { get; }
    public IReadOnlyList<double> Breaks { get; }
    public IReadOnlyList<string> Colours { get; }
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Class index of a value, or -1 for NaN.</summary>
    public int ClassOf(double value)
    {
        if (double.IsNaN(value))
        {
            return -1;
        }

        for (int i = 0; i < Breaks.Count; i++)
        {
            if (value < Breaks[i])
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
        return new MapClassification("Travel time (minutes)", b, Palettes.TravelTime, RangeLabels(b, "min"));
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

    public static MapClassification For(MapLayer layer, string? attribute, IEnumerable<double> values) => layer switch
    {
        MapLayer.Time => TravelTime(),
        MapLayer.Change => Change(),
        MapLayer.Imd => ImdDecile(),
        MapLayer.Placement => new MapClassification("Allocated travel time (minutes)", [.. TravelTimeBreaksMinutes], Palettes.TravelTime, RangeLabels([.. TravelTimeBreaksMinutes], "min")),
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

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
