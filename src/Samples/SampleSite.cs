namespace Geo.Samples;

/// <summary>A synthetic site (hospital, health centre, pharmacy, village hall, care home) in local metres.</summary>
internal sealed record SampleSite(string Id, string Name, string Kind, double XMetres, double YMetres, int Beds = 0)
{
    public double Lon => LocalProjection.Lon(XMetres);
    public double Lat => LocalProjection.Lat(YMetres);
}
