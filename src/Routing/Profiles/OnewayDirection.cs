namespace Geo.Routing.Profiles;

/// <summary>How an OSM oneway-style tag restricts travel relative to the way's node order.</summary>
public enum OnewayDirection
{
    /// <summary>No (known) tag: the class default applies.</summary>
    Unspecified,
    /// <summary>Explicitly two-way (oneway=no).</summary>
    Both,
    Forward,
    Backward,
    /// <summary>reversible/alternating: direction changes over time, so not routable.</summary>
    Neither,
}
