namespace Geo.Routing.Transit.Gtfs;

/// <summary>A stop. Id is prefixed with the feed id; Lat/Lon are NaN when the row had no usable coordinates.</summary>
public sealed record GtfsStop(string Id, string Name, double Lat, double Lon, int Feed)
{
    public bool HasCoordinates => !double.IsNaN(Lat) && !double.IsNaN(Lon);
}
