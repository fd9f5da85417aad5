namespace Geo.Catchment.Allocation;

/// <summary>How a visit (patient zone, site attended) fared against the matrix. Text forms: <see cref="VisitStatusNames"/>.</summary>
public enum VisitStatus
{
    /// <summary>Zone and site are in the matrix and the attended site has a route.</summary>
    Ok,
    /// <summary>Zone and site are in the matrix but the matrix has no route between them.</summary>
    NoRoute,
    /// <summary>The patient zone is not an origin of the matrix: not compared, reported as such.</summary>
    UnmatchedZone,
    /// <summary>The site attended is not a destination of the matrix: not compared, reported as such.</summary>
    UnmatchedSite,
}
