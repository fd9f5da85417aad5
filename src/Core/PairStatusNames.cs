namespace Geo.Core;

public static class PairStatusNames
{
    /// <summary>The stable lower-case code used in output files.</summary>
    public static string ToCode(this PairStatus status) => status switch
    {
        PairStatus.Ok => "ok",
        PairStatus.Unreachable => "unreachable",
        PairStatus.OriginUnsnapped => "origin_unsnapped",
        PairStatus.DestinationUnsnapped => "destination_unsnapped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
