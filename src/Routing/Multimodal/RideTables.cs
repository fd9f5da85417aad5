using Geo.Routing.Geometry;

namespace Geo.Routing.Multimodal;

/// <summary>
/// What the fare of a ride needs, computed once per matrix rather than per journey: each agency's id without its feed
/// prefix, and the straight-line km of every stop-time segment (from the previous stop of the trip; 0 where a stop has no
/// coordinates or at a trip's first stop).
/// </summary>
internal sealed class RideTables
{
    public RideTables(TransitNetwork network)
    {
        var feed = network.Timetable.Feed;
        AgencyIds = new string[feed.Agencies.Count];
        for (var a = 0; a < AgencyIds.Length; a++)
        {
            var agency = feed.Agencies[a];
            var prefix = feed.Feeds[agency.Feed].FeedId.Length + 1;
            AgencyIds[a] = agency.Id.Length >= prefix ? agency.Id[prefix..] : agency.Id;
        }
        SegmentKm = new double[feed.StopTimeStop.Length];
        for (var trip = 0; trip + 1 < feed.TripStopTimeOffsets.Length; trip++)
        {
            for (var x = feed.TripStopTimeOffsets[trip] + 1; x < feed.TripStopTimeOffsets[trip + 1]; x++)
            {
                var a = feed.Stops[feed.StopTimeStop[x - 1]];
                var b = feed.Stops[feed.StopTimeStop[x]];
                SegmentKm[x] = a.HasCoordinates && b.HasCoordinates
                    ? GeoPoint.DistanceMetres(new GeoPoint(a.Lon, a.Lat), new GeoPoint(b.Lon, b.Lat)) / 1000
                    : 0;
            }
        }
    }

    public string[] AgencyIds { get; }

    /// <summary>Km from stop time x - 1 to stop time x of the same trip, indexed by x.</summary>
    public double[] SegmentKm { get; }
}
