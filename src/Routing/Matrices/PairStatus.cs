namespace Geo.Routing.Matrices;

/// <summary>Outcome of one origin-destination pair; the stable string forms are written to matrix files.</summary>
public enum PairStatus : byte
{
    Ok,
    Unreachable,
    OriginUnsnapped,
    DestinationUnsnapped,
}

public static class PairStatusNames
{
    public static string ToCode(this PairStatus status) => status switch
    {
        PairStatus.Ok => "ok",
        PairStatus.Unreachable => "unreachable",
        PairStatus.OriginUnsnapped => "origin_unsnapped",
        PairStatus.DestinationUnsnapped => "destination_unsnapped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
