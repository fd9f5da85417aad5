using Geo.Viewer.Results;

namespace Geo.Viewer.Rendering;

/// <summary>What <see cref="StaticMapRenderer"/> draws. Option/mode/service are needed for the time and change layers.</summary>
public sealed record StaticMapRequest
{
    public string? Option { get; init; }
    public string? Mode { get; init; }
    public string? Service { get; init; }
    public MapLayer Layer { get; init; } = MapLayer.Time;

    /// <summary>Zone property to colour by when <see cref="Layer"/> is <see cref="MapLayer.Attribute"/>.</summary>
    public string? Attribute { get; init; }

    /// <summary>Points layer: the point set counted and drawn (a <c>set</c> of need_points.geojson, or the label of <see cref="Points"/>).</summary>
    public string? PointSet { get; init; }

    /// <summary>Points layer: points given by the caller (<c>geo map --points</c>) instead of need_points.geojson.</summary>
    public IReadOnlyList<(double Lon, double Lat)>? Points { get; init; }

    /// <summary>Percent layer: columns whose sum per zone is the denominator; none = <see cref="Attribute"/> already holds percentages.</summary>
    public IReadOnlyList<string>? Per { get; init; }

    /// <summary>Flows layer: zone-to-site lines given by the caller (<c>geo map --visits</c>) instead of flows.geojson.</summary>
    public IReadOnlyList<GeoFeature>? FlowLines { get; init; }

    public int WidthPx { get; init; } = 1600;
    public int HeightPx { get; init; } = 1200;

    /// <summary>Draw isochrones/*.geojson outlines over the zones (results folder must have some).</summary>
    public bool ShowIsochrones { get; init; }

    /// <summary>Title override; default names scenario, option, mode, service and layer.</summary>
    public string? Title { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the request cannot be drawn.</summary>
    public void Validate()
    {
        if (WidthPx is < 200 or > 10000 || HeightPx is < 200 or > 10000)
        {
            throw new ArgumentException("width and height must be between 200 and 10000 pixels");
        }

        if (Layer is MapLayer.Time or MapLayer.Change && (string.IsNullOrEmpty(Option) || string.IsNullOrEmpty(Mode)))
        {
            throw new ArgumentException("the " + Layer.ToString().ToLowerInvariant() + " layer needs an option and a mode");
        }

        if (Layer is MapLayer.Attribute or MapLayer.Percent && string.IsNullOrEmpty(Attribute))
        {
            throw new ArgumentException("the " + Layer.ToString().ToLowerInvariant() + " layer needs an attribute (zone column) name");
        }

        if (Layer == MapLayer.Points && Points is null && string.IsNullOrEmpty(PointSet))
        {
            throw new ArgumentException("the points layer needs a point file or the name of a point set in need_points.geojson");
        }
    }
}
