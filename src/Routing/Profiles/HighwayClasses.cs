using System.Diagnostics.CodeAnalysis;

namespace Geo.Routing.Profiles;

/// <summary>OSM names of <see cref="HighwayClass"/> values ("motorway_link", "living_street", ...).</summary>
public static class HighwayClasses
{
    private static readonly string[] Names =
    [
        "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
        "tertiary", "tertiary_link", "unclassified", "residential", "living_street", "service", "track", "path",
        "footway", "cycleway", "bridleway", "steps", "pedestrian",
    ];

    private static readonly Dictionary<string, HighwayClass> ByName = BuildLookup();

    public static int Count => Names.Length;

    public static IReadOnlyList<string> AllNames => Names;

    public static string ToOsmName(this HighwayClass highway) => Names[(int)highway];

    public static bool TryParse([NotNullWhen(true)] string? osmValue, out HighwayClass highway)
    {
        if (osmValue is not null && ByName.TryGetValue(osmValue, out highway))
        {
            return true;
        }
        highway = default;
        return false;
    }

    /// <summary>True for motorway and motorway_link, where oneway is implied.</summary>
    public static bool IsMotorway(this HighwayClass highway) => highway is HighwayClass.Motorway or HighwayClass.MotorwayLink;

    private static Dictionary<string, HighwayClass> BuildLookup()
    {
        var lookup = new Dictionary<string, HighwayClass>(StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            lookup.Add(Names[i], (HighwayClass)i);
        }
        return lookup;
    }
}
