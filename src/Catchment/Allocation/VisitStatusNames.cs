namespace Geo.Catchment.Allocation;

public static class VisitStatusNames
{
    /// <summary>The stable lower-case code used in output files.</summary>
    public static string ToCode(this VisitStatus status) => status switch
    {
        VisitStatus.Ok => "ok",
        VisitStatus.NoRoute => "no_route",
        VisitStatus.UnmatchedZone => "unmatched_zone",
        VisitStatus.UnmatchedSite => "unmatched_site",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
