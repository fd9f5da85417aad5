using Geo.Core;

namespace Geo.Viewer.Rendering;

/// <summary>What the zones are coloured by (same names in the page's URL hash: time, change, imd, attr).</summary>
public enum MapLayer
{
    /// <summary>Travel time to the nearest open site, minutes (viridis, fixed bands).</summary>
    Time,

    /// <summary>Change in minutes vs the baseline (diverging PuOr, purple = faster, orange = slower).</summary>
    Change,

    /// <summary>IMD decile, 1 = most deprived (cividis).</summary>
    Imd,

    /// <summary>Any numeric zone attribute from zones.geojson (quintile breaks, viridis).</summary>
    Attribute,

    /// <summary>
    /// Placement result (placement/ from <c>geo place</c>): chosen sites and zone-to-site allocation lines coloured by
    /// the allocated minutes (travel-time palette); zones are drawn neutral.
    /// </summary>
    Placement,
}
