using System.Globalization;
using System.Text;

namespace Geo.Routing.Tests.Transit;

/// <summary>Writes small GTFS feeds (as a folder of .txt files) for known-answer tests.</summary>
internal sealed class TestGtfsBuilder
{
    private readonly List<string> _stops = [];
    private readonly List<string> _routes = [];
    private readonly List<string> _trips = [];
    private readonly List<string> _stopTimes = [];
    private readonly List<string> _calendar = [];
    private readonly List<string> _calendarDates = [];
    private readonly List<string> _frequencies = [];
    private readonly List<string> _transfers = [];
    private readonly Dictionary<string, string?> _overrides = [];

    public TestGtfsBuilder Stop(string id, double lat, double lon)
    {
        _stops.Add(string.Create(CultureInfo.InvariantCulture, $"{id},Stop {id},{lat},{lon}"));
        return this;
    }

    /// <summary>A stop row with literal lat/lon text.</summary>
    public TestGtfsBuilder StopRaw(string id, string lat, string lon)
    {
        _stops.Add($"{id},Stop {id},{lat},{lon}");
        return this;
    }

    public TestGtfsBuilder Route(string id, int type = 3)
    {
        _routes.Add(string.Create(CultureInfo.InvariantCulture, $"{id},A,{id},Route {id},{type}"));
        return this;
    }

    /// <summary>A trip with stop times given as (stop, "HH:MM:SS") pairs; arrival = departure.</summary>
    public TestGtfsBuilder Trip(string tripId, string routeId, string serviceId, params (string Stop, string Time)[] times)
    {
        _trips.Add($"{routeId},{serviceId},{tripId}");
        for (var i = 0; i < times.Length; i++)
        {
            _stopTimes.Add(string.Create(CultureInfo.InvariantCulture, $"{tripId},{times[i].Time},{times[i].Time},{times[i].Stop},{i + 1}"));
        }
        return this;
    }

    /// <summary>A trip on one route whose first departure is at <paramref name="startSeconds"/> and runs <paramref name="legSeconds"/> between stops.</summary>
    public TestGtfsBuilder TripAt(string tripId, string routeId, string serviceId, int startSeconds, int legSeconds, params string[] stops)
    {
        var t = new (string, string)[stops.Length];
        for (var i = 0; i < stops.Length; i++)
        {
            t[i] = (stops[i], Hms(startSeconds + (i * legSeconds)));
        }
        return Trip(tripId, routeId, serviceId, t);
    }

    public TestGtfsBuilder Calendar(string serviceId, string days = "1111111", string start = "20200101", string end = "20201231")
    {
        var d = string.Join(',', days.ToCharArray());
        _calendar.Add($"{serviceId},{d},{start},{end}");
        return this;
    }

    public TestGtfsBuilder CalendarDate(string serviceId, string date, int type)
    {
        _calendarDates.Add(string.Create(CultureInfo.InvariantCulture, $"{serviceId},{date},{type}"));
        return this;
    }

    public TestGtfsBuilder Frequency(string tripId, string start, string end, int headwaySeconds, int exact = 0)
    {
        _frequencies.Add(string.Create(CultureInfo.InvariantCulture, $"{tripId},{start},{end},{headwaySeconds},{exact}"));
        return this;
    }

    public TestGtfsBuilder Transfer(string from, string to, int type, int minSeconds)
    {
        _transfers.Add(string.Create(CultureInfo.InvariantCulture, $"{from},{to},{type},{minSeconds}"));
        return this;
    }

    /// <summary>Replace a whole file's text (null removes the file).</summary>
    public TestGtfsBuilder Override(string file, string? text)
    {
        _overrides[file] = text;
        return this;
    }

    public static string Hms(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    public string Write(string? name = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "geo-gtfs-tests", name ?? Guid.NewGuid().ToString("N"));
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }
        Directory.CreateDirectory(dir);
        var files = new Dictionary<string, string?>
        {
            ["agency.txt"] = "agency_id,agency_name,agency_url,agency_timezone\nA,Test Agency,http://example.org,Europe/London\n",
            ["stops.txt"] = Table("stop_id,stop_name,stop_lat,stop_lon", _stops),
            ["routes.txt"] = Table("route_id,agency_id,route_short_name,route_long_name,route_type", _routes),
            ["trips.txt"] = Table("route_id,service_id,trip_id", _trips),
            ["stop_times.txt"] = Table("trip_id,arrival_time,departure_time,stop_id,stop_sequence", _stopTimes),
            ["calendar.txt"] = _calendar.Count == 0 ? null : Table("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date", _calendar),
            ["calendar_dates.txt"] = _calendarDates.Count == 0 ? null : Table("service_id,date,exception_type", _calendarDates),
            ["frequencies.txt"] = _frequencies.Count == 0 ? null : Table("trip_id,start_time,end_time,headway_secs,exact_times", _frequencies),
            ["transfers.txt"] = _transfers.Count == 0 ? null : Table("from_stop_id,to_stop_id,transfer_type,min_transfer_time", _transfers),
        };
        foreach (var (k, v) in _overrides)
        {
            files[k] = v;
        }
        foreach (var (k, v) in files)
        {
            if (v is not null)
            {
                File.WriteAllText(Path.Combine(dir, k), v);
            }
        }
        return dir;
    }

    private static string Table(string header, List<string> rows)
    {
        var sb = new StringBuilder(header).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(r).Append('\n');
        }
        return sb.ToString();
    }
}
