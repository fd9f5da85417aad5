using Geo.Routing.Profiles;
using Geo.Routing.Streets;


namespace Geo.Routing.Matrices;

/// <summary>
/// The straight-line leg between a point and where it snaps onto the network, added to every journey's minutes and km
/// (a point 1 km from the nearest street is 1 km further away, not at its snapped point). Speeds: walk at the profile's
/// walking speed (4.8 km/h by default; public transport's access and egress walks do the same), cycle at <see cref="CycleKmh"/>
/// and car at <see cref="CarKmh"/> (a drive, yard or track the network does not hold).
/// </summary>
public static class OffNetworkLeg
{
    /// <summary>Car speed on the off-network leg, km/h.</summary>
    public const double CarKmh = 20;

    /// <summary>Cycle speed on the off-network leg, km/h.</summary>
    public const double CycleKmh = 12;

    public static double SpeedKmh(TravelMode mode, StreetProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return mode switch
        {
            TravelMode.Car => CarKmh,
            TravelMode.Cycle => CycleKmh,
            _ => profiles.WalkSpeedKmh,
        };
    }

    /// <summary>The leg of a snapped point: duration (ms) and length (mm); zero for a point on the street, not snapped, or a speed of 0 (no leg).</summary>
    public static (int DurationMs, int LengthMm) Of(SnapResult snap, double speedKmh)
    {
        ArgumentNullException.ThrowIfNull(snap);
        if (!snap.IsOk || !(snap.DistanceMetres > 0) || !(speedKmh > 0))
        {
            return (0, 0);
        }
        var metres = snap.DistanceMetres;
        return ((int)Math.Round(metres / (speedKmh / 3.6) * 1000), (int)Math.Round(metres * 1000));
    }
}
