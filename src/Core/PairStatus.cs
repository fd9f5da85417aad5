namespace Geo.Core;

/// <summary>Outcome of one origin-destination pair (Ok = the median minute's journey is possible). Stable string forms: ok, unreachable, origin_unsnapped, destination_unsnapped.</summary>
public enum PairStatus : byte
{
    Ok,
    Unreachable,
    OriginUnsnapped,
    DestinationUnsnapped,
}
