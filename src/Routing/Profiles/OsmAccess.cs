using Geo.Routing.Osm;

namespace Geo.Routing.Profiles;

/// <summary>The UK reading of OSM access and oneway tags.</summary>
public static class OsmAccess
{
    /// <summary>Access keys for cars, least to most specific.</summary>
    public static readonly string[] CarKeys = ["access", "vehicle", "motor_vehicle", "motorcar"];
    public static readonly string[] WalkKeys = ["access", "foot"];
    public static readonly string[] CycleKeys = ["access", "vehicle", "bicycle"];

    /// <summary>
    /// The most specific key with a known value decides; unknown values are skipped; no known value keeps the class default.
    /// </summary>
    public static bool Resolve(bool classDefault, OsmTagSet tags, string[] keysLeastToMostSpecific)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(keysLeastToMostSpecific);
        for (var i = keysLeastToMostSpecific.Length - 1; i >= 0; i--)
        {
            var verdict = Allows(tags.Get(keysLeastToMostSpecific[i]));
            if (verdict is bool allowed)
            {
                return allowed;
            }
        }
        return classDefault;
    }

    /// <summary>true for yes/designated/permissive/destination/..., false for no/private/..., null for absent or unknown.</summary>
    public static bool? Allows(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var first = (semicolon >= 0 ? value[..semicolon] : value).Trim().ToLowerInvariant();
        return first switch
        {
            "yes" or "designated" or "permissive" or "destination" or "customers" or "official" or "discouraged"
                or "dismount" or "use_sidepath" or "permit" => true,
            "no" or "private" or "agricultural" or "forestry" or "emergency" or "military" or "delivery" or "restricted"
                or "unknown_private" or "psv" or "bus" => false,
            _ => null,
        };
    }

    public static OnewayDirection Oneway(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null => OnewayDirection.Unspecified,
        "yes" or "true" or "1" => OnewayDirection.Forward,
        "-1" or "reverse" => OnewayDirection.Backward,
        "no" or "false" or "0" => OnewayDirection.Both,
        "reversible" or "alternating" => OnewayDirection.Neither,
        _ => OnewayDirection.Unspecified,
    };
}
