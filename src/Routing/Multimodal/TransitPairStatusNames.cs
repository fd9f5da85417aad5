namespace Geo.Routing.Multimodal;

public static class TransitPairStatusNames
{
    /// <summary>The stable lower-case code used in output files.</summary>
    public static string ToCode(this TransitPairStatus status) => status switch
    {
        TransitPairStatus.Ok => "ok",
        TransitPairStatus.Unreachable => "unreachable",
        TransitPairStatus.OriginUnsnapped => "origin_unsnapped",
        TransitPairStatus.DestinationUnsnapped => "destination_unsnapped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
