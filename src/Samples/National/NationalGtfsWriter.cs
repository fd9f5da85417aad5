using System.Globalization;
using System.IO.Compression;
using Geo.Core;

namespace Geo.Samples.National;

/// <summary>
/// Writes the generated bus timetable as a GTFS zip, streamed entry by entry (national size is tens of millions of stop
/// times). Stops sit on mesh junctions: five along each zone's high street and four along its cross street. Every zone
/// has a cross-town route (its high street, the centres of its nearest zones, its town centre) every 30 minutes and a
/// local route (cross street to town centre) hourly, 06:00-22:30 both ways; towns of 10 or more zones are joined by an
/// hourly express along each town link. Weekday service through 2024; run times at 20 km/h (local) and 50 km/h (express)
/// over 1.3 × straight-line distance.
/// </summary>
internal static class NationalGtfsWriter
{
    public sealed record Counts(int Stops, int Routes, long Trips, long StopTimes);

    public static Counts Write(string path, NationalNetwork net, NationalLayout layout)
    {
        var middle = NationalRegionBuilder.MeshSize / 2;
        var last = NationalRegionBuilder.MeshSize - 1;
        var n = layout.Centroids.Count;
        var routes = new List<(string Id, string Name, int[] Stops, int HeadwayMinutes, double KmPerHour)>();
        for (var i = 0; i < n; i++)
        {
            var code = layout.Centroids[i].Code;
            var cross = new List<int> { layout.GridNode(i, 1, middle), layout.GridNode(i, 3, middle), layout.CentreNode(i), layout.GridNode(i, 7, middle), layout.GridNode(i, last - 1, middle) };
            foreach (var j in layout.Neighbours[i].Take(2))
            {
                cross.Add(layout.CentreNode(j));
            }
            var townCentre = layout.CentreNode(layout.TownCentre[layout.TownOf[i]]);
            if (!cross.Contains(townCentre))
            {
                cross.Add(townCentre);
            }
            routes.Add(("X" + code, code + " cross-town", [.. cross], 30, 20));
            var local = new List<int> { layout.GridNode(i, middle, 1), layout.GridNode(i, middle, 3), layout.CentreNode(i), layout.GridNode(i, middle, 7), layout.GridNode(i, middle, last - 1) };
            if (!local.Contains(townCentre))
            {
                local.Add(townCentre);
            }
            routes.Add(("L" + code, code + " local", [.. local], 60, 20));
        }
        foreach (var (a, b) in layout.TownLinks)
        {
            if (layout.TownSize[a] >= 10 && layout.TownSize[b] >= 10)
            {
                var ca = layout.TownCentre[a];
                var cb = layout.TownCentre[b];
                routes.Add(("E" + layout.Centroids[ca].Code + "_" + layout.Centroids[cb].Code, "express", [layout.CentreNode(ca), layout.CentreNode(cb)], 60, 50));
            }
        }

        var stopSet = new SortedSet<int>();
        foreach (var route in routes)
        {
            stopSet.UnionWith(route.Stops);
        }
        long trips = 0;
        long stopTimes = 0;
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            GtfsFeedWriter.Entry(zip, "agency.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("agency_id,agency_name,agency_url,agency_timezone,agency_lang");
                w.WriteLine("NAT,National Synthetic Buses (SYNTHETIC),https://example.invalid/national-buses,Europe/London,en");
            });
            GtfsFeedWriter.Entry(zip, "stops.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("stop_id,stop_name,stop_lat,stop_lon");
                foreach (var node in stopSet)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"S{node},Stop {node},{net.NodeLatE7[node] / 1e7:F7},{net.NodeLonE7[node] / 1e7:F7}\n"));
                }
            });
            GtfsFeedWriter.Entry(zip, "routes.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("route_id,agency_id,route_short_name,route_long_name,route_type");
                foreach (var route in routes)
                {
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"{route.Id},NAT,{route.Id},{route.Name},3\n"));
                }
            });
            GtfsFeedWriter.Entry(zip, "calendar.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date");
                w.WriteLine("WKDY,1,1,1,1,1,0,0,20240101,20241231");
            });
            GtfsFeedWriter.Entry(zip, "trips.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("route_id,service_id,trip_id,direction_id");
                foreach (var route in routes)
                {
                    for (var depart = 6 * 3600; depart <= (22 * 3600) + 1800; depart += route.HeadwayMinutes * 60)
                    {
                        foreach (var direction in (int[])[0, 1])
                        {
                            w.Write(string.Create(CultureInfo.InvariantCulture, $"{route.Id},WKDY,{route.Id}_{direction}_{depart / 60},{direction}\n"));
                            trips++;
                        }
                    }
                }
            });
            GtfsFeedWriter.Entry(zip, "stop_times.txt", CompressionLevel.Fastest, w =>
            {
                w.WriteLine("trip_id,arrival_time,departure_time,stop_id,stop_sequence");
                var runSeconds = new List<int>();
                foreach (var route in routes)
                {
                    foreach (var direction in (int[])[0, 1])
                    {
                        var stops = direction == 0 ? route.Stops : route.Stops.Reverse().ToArray();
                        runSeconds.Clear();
                        for (var k = 1; k < stops.Length; k++)
                        {
                            var seconds = net.Metres(stops[k - 1], stops[k]) * 1.3 / (route.KmPerHour / 3.6);
                            runSeconds.Add(Math.Max(60, (int)Math.Ceiling(seconds / 60) * 60));
                        }
                        for (var depart = 6 * 3600; depart <= (22 * 3600) + 1800; depart += route.HeadwayMinutes * 60)
                        {
                            var time = depart;
                            for (var k = 0; k < stops.Length; k++)
                            {
                                if (k > 0)
                                {
                                    time += runSeconds[k - 1];
                                }
                                var clock = GtfsFeedWriter.Clock(time);
                                w.Write(string.Create(CultureInfo.InvariantCulture, $"{route.Id}_{direction}_{depart / 60},{clock},{clock},S{stops[k]},{k + 1}\n"));
                                stopTimes++;
                            }
                        }
                    }
                }
            });
        });
        return new Counts(stopSet.Count, routes.Count, trips, stopTimes);
    }
}
