using System.Globalization;
using System.IO.Compression;
using System.Text;
using Geo.Core;

namespace Geo.Samples;

/// <summary>
/// Writes the synthetic bus feed (GTFS zip) for the sample region. Stops sit exactly on road node coordinates so they
/// snap; run times come from straight-line distance x 1.3 at 18 km/h in town and 45 km/h between settlements.
/// Route 1 runs past midnight (times such as 24:35:00), route 2 is frequency-based (frequencies.txt), weekday service
/// runs 2024-01-01..2024-12-31 with bank holidays removed (and a Sunday service added on them) in calendar_dates.txt.
/// Zip entries are stored uncompressed with a fixed timestamp so the bytes never change for the same network.
/// </summary>
internal static class GtfsFeedWriter
{
    public const string ServiceDate = "2024-03-05";
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record StopDef(string Id, string Name, string Landmark);

    private sealed record RouteDef(string Id, string ShortName, string LongName, string[] Stops, bool Loop);

    private static readonly StopDef[] StopDefs =
    [
        new("HB01", "Harrowby Bus Station", "Harrowby Bus Station"),
        new("HB02", "Harrowby General Hospital", "Harrowby General Hospital"),
        new("HB03", "Harrowby High Street East", "Harrowby High Street East"),
        new("HB04", "Harrowby Castle Street", "Harrowby Castle Street"),
        new("HB05", "Harrowby Southgate", "Harrowby Southgate"),
        new("HB06", "Harrowby West Street", "Harrowby West Street"),
        new("HB07", "Harrowby Northfield", "Harrowby Northfield"),
        new("HB08", "Harrowby Station Road South", "Harrowby Station Road South"),
        new("HB09", "Harrowby Roundabout", "Harrowby Roundabout"),
        new("KF01", "Kingsford Market Place", "Kingsford Market Place"),
        new("KF02", "Kingsford Community Hospital", "Kingsford Community Hospital"),
        new("KF03", "Kingsford East", "Kingsford East"),
        new("KF04", "Kingsford Bell Lane", "Kingsford Bell Lane"),
        new("AM01", "Amberleigh Square", "Amberleigh Square"),
        new("AM02", "Amberleigh North", "Amberleigh North"),
        new("AM03", "Amberleigh Quay", "Amberleigh Quay"),
        new("AS01", "Ashcombe Green", "Ashcombe Green"),
        new("BR01", "Brookhampton Green", "Brookhampton Green"),
        new("CR01", "Cold Ridley Green", "Cold Ridley Green"),
        new("DU01", "Dunstow Green", "Dunstow Green"),
        new("EW01", "Eastwick Magna Green", "Eastwick Magna Green"),
        new("FH01", "Fernhill Green", "Fernhill Green"),
    ];

    private static readonly RouteDef[] RouteDefs =
    [
        new("R1", "1", "Harrowby - Kingsford", ["HB06", "HB01", "HB03", "HB09", "KF01", "KF02"], false),
        new("R2", "2", "Harrowby - Amberleigh", ["HB01", "HB03", "AM02", "AM01", "AM03"], false),
        new("R3", "3", "Harrowby Town Circular", ["HB01", "HB02", "HB07", "HB04", "HB06", "HB08", "HB05", "HB01"], true),
        new("R14", "14", "Kingsford - Fernhill - Eastwick Magna - Amberleigh", ["KF04", "KF03", "FH01", "EW01", "AM03", "AM01"], false),
        new("R21", "21", "Harrowby - Ashcombe - Brookhampton", ["HB01", "HB06", "AS01", "BR01"], false),
        new("R22", "22", "Harrowby - Cold Ridley", ["HB01", "HB09", "CR01"], false),
        new("R31", "31", "Harrowby - Dunstow - Amberleigh", ["HB01", "HB08", "DU01", "AM01"], false),
    ];

    /// <summary>Counts of what was written, for the summary and the README.</summary>
    public sealed record Counts(int Stops, int Routes, int Trips, int StopTimes, int FrequencyRows);

    public static Counts Write(string path, SampleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var stopNode = new Dictionary<string, SampleNode>(StringComparer.Ordinal);
        var stopName = new Dictionary<string, string>(StringComparer.Ordinal);
        var stops = new StringBuilder("stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type\n");
        foreach (var s in StopDefs)
        {
            var node = network.Node(network.Landmarks[s.Landmark]);
            stopNode.Add(s.Id, node);
            stopName.Add(s.Id, s.Name);
            stops.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Id},{s.Name},{Degrees(node.LatE7)},{Degrees(node.LonE7)},0\n");
        }

        var routes = new StringBuilder("route_id,agency_id,route_short_name,route_long_name,route_type\n");
        var trips = new StringBuilder("route_id,service_id,trip_id,trip_headsign,direction_id\n");
        var stopTimes = new StringBuilder("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n");
        var frequencies = new StringBuilder("trip_id,start_time,end_time,headway_secs,exact_times\n");
        var tripCount = 0;
        var stopTimeCount = 0;
        var frequencyCount = 0;

        void AddTrip(RouteDef route, int direction, string service, int departSeconds)
        {
            var sequence = (string[])route.Stops.Clone();
            if (direction == 1)
            {
                Array.Reverse(sequence);
            }
            var tripId = string.Create(CultureInfo.InvariantCulture, $"{route.Id}_{direction}_{service}_{Clock(departSeconds).Replace(":", "", StringComparison.Ordinal)[..4]}");
            var headsign = stopName[sequence[^1]];
            trips.Append(CultureInfo.InvariantCulture, $"{route.Id},{service},{tripId},{headsign},{direction}\n");
            tripCount++;
            var time = departSeconds;
            for (var i = 0; i < sequence.Length; i++)
            {
                if (i > 0)
                {
                    time += RunSeconds(network, stopNode[sequence[i - 1]], stopNode[sequence[i]]);
                }
                stopTimes.Append(CultureInfo.InvariantCulture, $"{tripId},{Clock(time)},{Clock(time)},{sequence[i]},{i + 1}\n");
                stopTimeCount++;
            }
        }

        void Frequency(RouteDef route, int direction, string service, int fromSeconds, int toSeconds, int headwaySeconds)
        {
            var tripId = string.Create(CultureInfo.InvariantCulture, $"{route.Id}_{direction}_{service}_{Clock(fromSeconds).Replace(":", "", StringComparison.Ordinal)[..4]}");
            frequencies.Append(CultureInfo.InvariantCulture, $"{tripId},{Clock(fromSeconds)},{Clock(toSeconds)},{headwaySeconds},0\n");
            frequencyCount++;
        }

        foreach (var route in RouteDefs)
        {
            routes.Append(CultureInfo.InvariantCulture, $"{route.Id},HDB,{route.ShortName},{route.LongName},3\n");
        }

        var r1 = RouteDefs[0];
        for (var t = H(6, 0); t <= H(22, 40); t += 20 * 60)
        {
            AddTrip(r1, 0, "WKDY", t);
            AddTrip(r1, 1, "WKDY", t + 10 * 60);
        }
        // Late journeys that run past midnight: GTFS times after 24:00 belong to the same service day.
        AddTrip(r1, 0, "WKDY", H(23, 50));
        AddTrip(r1, 0, "WKDY", H(24, 35));
        AddTrip(r1, 1, "WKDY", H(24, 10));
        for (var t = H(9, 0); t <= H(18, 0); t += 60 * 60)
        {
            AddTrip(r1, 0, "SUN", t);
            AddTrip(r1, 1, "SUN", t + 30 * 60);
        }

        // Route 2 is frequency-based: one template trip per direction and period, expanded by frequencies.txt.
        var r2 = RouteDefs[1];
        foreach (var direction in (int[])[0, 1])
        {
            AddTrip(r2, direction, "WKDY", H(6, 30));
            Frequency(r2, direction, "WKDY", H(6, 30), H(19, 0), 15 * 60);
            AddTrip(r2, direction, "WKDY", H(19, 0));
            Frequency(r2, direction, "WKDY", H(19, 0), H(23, 0), 30 * 60);
        }

        var r3 = RouteDefs[2];
        for (var t = H(7, 0); t <= H(18, 30); t += 30 * 60)
        {
            AddTrip(r3, 0, "WKDY", t);
        }
        ScheduledBothWays(RouteDefs[3], H(7, 15), H(18, 15), 60);
        ScheduledBothWays(RouteDefs[4], H(7, 30), H(17, 30), 120);
        ScheduledBothWays(RouteDefs[5], H(8, 0), H(18, 0), 120);
        ScheduledBothWays(RouteDefs[6], H(7, 0), H(19, 0), 90);

        void ScheduledBothWays(RouteDef route, int first, int last, int headwayMinutes)
        {
            for (var t = first; t <= last; t += headwayMinutes * 60)
            {
                AddTrip(route, 0, "WKDY", t);
                AddTrip(route, 1, "WKDY", t + 5 * 60);
            }
        }

        const string agency = "agency_id,agency_name,agency_url,agency_timezone,agency_lang\nHDB,Harrowby & District Buses (SYNTHETIC),https://example.invalid/harrowby-buses,Europe/London,en\n";
        const string calendar = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
            + "WKDY,1,1,1,1,1,0,0,20240101,20241231\n"
            + "SUN,0,0,0,0,0,0,1,20240101,20241231\n";
        // Bank holidays 2024: weekday service removed (exception_type 2), Sunday service added (exception_type 1).
        var calendarDates = new StringBuilder("service_id,date,exception_type\n");
        foreach (var day in (string[])["20240101", "20240329", "20240401", "20240506", "20240527", "20240826", "20241225", "20241226"])
        {
            calendarDates.Append(CultureInfo.InvariantCulture, $"WKDY,{day},2\n");
            calendarDates.Append(CultureInfo.InvariantCulture, $"SUN,{day},1\n");
        }
        const string feedInfo = "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version\n"
            + "Geo synthetic sample (not real services),https://example.invalid/geo,en,20240101,20241231,synthetic-1\n";

        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            Entry(zip, "agency.txt", agency);
            Entry(zip, "stops.txt", stops.ToString());
            Entry(zip, "routes.txt", routes.ToString());
            Entry(zip, "trips.txt", trips.ToString());
            Entry(zip, "stop_times.txt", stopTimes.ToString());
            Entry(zip, "calendar.txt", calendar);
            Entry(zip, "calendar_dates.txt", calendarDates.ToString());
            Entry(zip, "frequencies.txt", frequencies.ToString());
            Entry(zip, "feed_info.txt", feedInfo);
        });
        return new Counts(StopDefs.Length, RouteDefs.Length, tripCount, stopTimeCount, frequencyCount);
    }

    private static void Entry(ZipArchive zip, string name, string text) =>
        Entry(zip, name, CompressionLevel.NoCompression, writer => writer.Write(text));

    /// <summary>Writes one zip entry (UTF-8 without BOM, "\n" line ends, fixed timestamp) through a streaming writer.</summary>
    internal static void Entry(ZipArchive zip, string name, CompressionLevel level, Action<TextWriter> write)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        write(writer);
    }

    private static int H(int hours, int minutes) => hours * 3600 + minutes * 60;

    /// <summary>GTFS time: HH:MM:SS, hours may exceed 23 for trips after midnight.</summary>
    internal static string Clock(int seconds) => string.Create(CultureInfo.InvariantCulture,
        $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    private static string Degrees(int e7) => (e7 / 1e7).ToString("F7", CultureInfo.InvariantCulture);

    private static int RunSeconds(SampleNetwork network, SampleNode a, SampleNode b)
    {
        var metres = network.DistanceMetres(a.Id, b.Id) * 1.3;
        var metresPerSecond = metres < 2_500 ? 18 / 3.6 : 45 / 3.6;
        var minutes = Math.Max(1, (int)Math.Ceiling(metres / metresPerSecond / 60));
        return minutes * 60;
    }
}
