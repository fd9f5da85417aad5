using System.IO.Compression;

namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// Memory a GTFS feed needs while it is read, turned into one day's timetable and linked to the streets, estimated
/// before any work from its tables' uncompressed sizes (a zip's directory or a folder's files): stop_times.txt rows
/// (chunked columns, sort order and the feed's arrays while reading, then the timetable's times) and stops (records,
/// snaps, street transfers). Calibrated on the generated national feeds (benchmarks/README.md) with a margin.
/// </summary>
public static class GtfsMemory
{
    /// <summary>Bytes of stop_times.txt text per row assumed (real feeds run 40-70; fewer bytes per row means more rows).</summary>
    public const int StopTimeTextBytesPerRow = 40;

    /// <summary>
    /// Bytes per stop time at the peak: 25 read + 4 order + 13 feed, then 8 of timetable times, 8 of range RAPTOR's
    /// per-stop departures (<see cref="Timetable.StopDepartures"/>) and 4 of its departures by pattern position
    /// (<see cref="Timetable.Timetable.DeparturesByPosition"/>), both built after reading, plus the garbage of reading (the
    /// half-England feed, 12.9 M stop times, peaked at about 2.5 GB with its trips and stops).
    /// </summary>
    public const int BytesPerStopTime = 100;

    /// <summary>Bytes of stops.txt text per stop assumed.</summary>
    public const int StopTextBytesPerRow = 40;

    /// <summary>Bytes per stop: record, ids, snap, vertex index and its street transfers (10 minutes' walk).</summary>
    public const int BytesPerStop = 4096;

    /// <summary>Estimated bytes for the feed at <paramref name="path"/> (a .zip or a folder); 0 when it cannot be inspected.</summary>
    public static long EstimateBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stopTimes = TableBytes(path, "stop_times.txt");
        var stops = TableBytes(path, "stops.txt");
        var trips = TableBytes(path, "trips.txt");
        return (stopTimes / StopTimeTextBytesPerRow * BytesPerStopTime) + (stops / StopTextBytesPerRow * BytesPerStop) + (4 * trips);
    }

    /// <summary>Uncompressed bytes of one table of a feed, 0 when absent or unreadable (the reader reports those).</summary>
    public static long TableBytes(string path, string table)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path))
            {
                var file = Path.Combine(path, table);
                return File.Exists(file) ? new FileInfo(file).Length : 0;
            }
            if (!File.Exists(path))
            {
                return 0;
            }
            using var zip = ZipFile.OpenRead(path);
            long bytes = 0;
            foreach (var e in zip.Entries)
            {
                if (string.Equals(e.Name, table, StringComparison.OrdinalIgnoreCase))
                {
                    bytes = Math.Max(bytes, e.Length);
                }
            }
            return bytes;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
