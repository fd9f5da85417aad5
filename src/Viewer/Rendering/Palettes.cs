using Geo.Core;

namespace Geo.Viewer.Rendering;

/// <summary>Colour-blind-safe palettes shared by the page (wwwroot/app.js holds the same values) and the static maps.</summary>
public static class Palettes
{
    /// <summary>Viridis, 7 classes, reversed: short times bright yellow, long times dark purple.</summary>
    public static readonly IReadOnlyList<string> TravelTime = ["#fde725", "#8fd744", "#35b779", "#21918c", "#31688e", "#443983", "#440154"];

    /// <summary>ColorBrewer PuOr, 9 classes, from most faster (purple) through no change (light grey) to most slower (orange).</summary>
    public static readonly IReadOnlyList<string> Change = ["#542788", "#8073ac", "#b2abd2", "#d8daeb", "#f7f7f7", "#fee0b6", "#fdb863", "#e08214", "#b35806"];

    /// <summary>Cividis, 10 classes: decile 1 (most deprived) dark blue to decile 10 yellow.</summary>
    public static readonly IReadOnlyList<string> Imd = ["#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779", "#a69d75", "#c4b56c", "#e4cf5b", "#fee838"];

    /// <summary>Viridis, 5 classes, for quintiles of any attribute.</summary>
    public static readonly IReadOnlyList<string> Attribute = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];

    /// <summary>Colour for zones with no value (unreachable, missing).</summary>
    public const string NoData = "#bdbdbd";
}
