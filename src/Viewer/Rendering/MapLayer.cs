using Geo.Core;

namespace Geo.Viewer.Rendering;

/// <summary>What the zones are coloured by (same names in the page's URL hash: time, change, imd, attr, density, points, percent, flows).</summary>
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

    /// <summary>Need map: residents per km² of each zone's boundary (area on an equal-area projection; see <see cref="Geo.Routing.Geometry.PolygonArea"/>).</summary>
    Density,

    /// <summary>Need map: how many points of a point set (care homes, providers...) fall in each zone, the points drawn on top.</summary>
    Points,

    /// <summary>Need map: a zone column as a percentage (a count divided by the sum of <c>per</c> columns, or a column already in %).</summary>
    Percent,

    /// <summary>Where patients travel from: visits drawn as lines from zone to site, width by count; zones drawn neutral.</summary>
    Flows,
}
