using Geo.Routing.Multimodal;
using Geo.Routing.Streets;
using Geo.Routing.Tests.Transit;
using Geo.Core;
using Geo.Routing.Transit.Gtfs;
using Geo.Routing.Transit.Timetable;

namespace Geo.Routing.Tests.Multimodal;

/// <summary>The Isle of Wight streets + both GTFS feeds for 2020-06-02, linked once and shared by the tests.</summary>
internal static class IsleOfWightNetwork
{
    private static readonly Lock Gate = new();
    private static TransitNetwork? _network;

    public static TransitNetwork Get()
    {
        var pbf = TestData.SharedFile("isle-of-wight/osm/iow-filtered.osm.pbf");
        var bus = TestData.SharedFile("isle-of-wight/gtfs/iow-bus-gtfs.zip");
        var rail = TestData.SharedFile("isle-of-wight/gtfs/iow-rail-gtfs.zip");
        lock (Gate)
        {
            if (_network is null)
            {
                var log = new IssueLog();
                var feed = GtfsReader.Read([new GtfsSource(bus), new GtfsSource(rail)], log);
                _network = TransitNetwork.Build(StreetNetwork.BuildFromPbf(pbf), TimetableBuilder.Build(feed, new DateOnly(2020, 6, 2), log));
            }
            return _network;
        }
    }
}
