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

        if (Layer == MapLayer.Attribute && string.IsNullOrEmpty(Attribute))
        {
            throw new ArgumentException("the attribute layer needs an attribute name");
        }
    }
}
