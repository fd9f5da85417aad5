using Geo.Routing.Streets;

namespace Geo.RoutingServer.Osrm;

/// <summary>The profile segment of an OSRM URL: the names OSRM set-ups and client libraries use for each mode.</summary>
public static class Profiles
{
    public const string ValidNames = "car or driving; foot, walk or walking; bike, bicycle, cycle or cycling; transit or pt (table only, when the server has --gtfs)";

    /// <summary>Walk + public transport (a Geo extension, table service only).</summary>
    public static bool IsTransit(string profile) => profile.ToLowerInvariant() is "transit" or "pt" or "public_transport";

    public static bool TryParse(string profile, out TravelMode mode)
    {
        switch (profile.ToLowerInvariant())
        {
            case "car":
            case "driving":
                mode = TravelMode.Car;
                return true;
            case "foot":
            case "walk":
            case "walking":
                mode = TravelMode.Walk;
                return true;
            case "bike":
            case "bicycle":
            case "cycle":
            case "cycling":
                mode = TravelMode.Cycle;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
