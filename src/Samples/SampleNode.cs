namespace Geo.Samples;

/// <summary>An OSM node of the sample region: stable id, local metres (exactly representable position) and fixed-point degrees.</summary>
internal sealed record SampleNode(long Id, double XMetres, double YMetres, int LonE7, int LatE7)
{
    public double Lon => LonE7 / 1e7;
    public double Lat => LatE7 / 1e7;

    /// <summary>Node tags in write order (e.g. place=town on settlement label nodes); empty for plain way nodes.</summary>
    public List<KeyValuePair<string, string>> Tags { get; } = [];
}
