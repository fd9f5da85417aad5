using System.Text.Json;
using System.Text.Json.Serialization;

namespace Geo.Viewer.Rendering;

/// <summary>
/// One need map of a run, as listed in need_maps.json (written by <c>geo run</c>, read by the report's map stage, the viewer
/// and <c>geo map</c>): the layer (density, points or percent), its zone column, denominator columns and point set, and a title.
/// </summary>
public sealed record NeedMapSpec
{
    public MapLayer Layer { get; init; }
    public string? Attribute { get; init; }
    public IReadOnlyList<string>? Per { get; init; }
    public string? PointSet { get; init; }
    public string Title { get; init; } = string.Empty;

    /// <summary>Short name used in file names and the viewer's URL: density, points-care-homes, percent-households_no_car.</summary>
    [JsonIgnore]
    public string Key => Layer switch
    {
        MapLayer.Density => "density",
        MapLayer.Points => "points-" + Slug(PointSet ?? "points"),
        _ => "percent-" + Slug(Attribute ?? "value"),
    };

    public StaticMapRequest ToRequest() => new() { Layer = Layer, Attribute = Attribute, Per = Per, PointSet = PointSet, Title = Title };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
