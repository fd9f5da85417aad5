namespace Geo.Samples;

/// <summary>One synthetic small-area zone (LSOA-like): its point in local metres and its attributes.</summary>
internal sealed record SampleZone(
    string ZoneId,
    string ZoneName,
    double XMetres,
    double YMetres,
    int Population,
    int Age65Plus,
    int ImdDecile,
    int ImdRank,
    string Ward,
    string LocalAuthority,
    double CarAccessShare,
    string RuralUrban)
{
    public double Lon => LocalProjection.Lon(XMetres);
    public double Lat => LocalProjection.Lat(YMetres);
}
