using System.Globalization;
using System.IO.Compression;
using Geo.Core;

namespace Geo.Routing.Transit.Gtfs;

/// <summary>
/// Reads GTFS feeds (zip files or folders). Row problems are collected in an <see cref="IssueLog"/> and the row or
/// entity is skipped; only problems that make a timetable impossible (missing stops.txt, trips.txt or stop_times.txt,
/// or a required column) throw <see cref="InputFileException"/> naming the file and column.
/// </summary>
public static class GtfsReader
{
    /// <summary>Read one or more feeds into one <see cref="GtfsFeed"/>; ids are prefixed with each feed's id.</summary>
    public static GtfsFeed Read(IReadOnlyList<GtfsSource> sources, IssueLog issues)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(issues);
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one GTFS source is required.", nameof(sources));
        }
        var b = new Builder(issues);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < sources.Count; f++)
        {
            var id = sources[f].EffectiveFeedId;
            if (!seen.Add(id))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{id}#{f}");
            }
            b.ReadFeed(sources[f].Path, id, f);
        }
        return b.Build();
    }

    public static GtfsFeed Read(params string[] paths)
        => Read(Array.ConvertAll(paths, p => new GtfsSource(p)), new IssueLog());

    /// <summary>Largest GTFS table read (uncompressed): 1 GiB, about the most one .NET string holds.</summary>
    public const long MaxTableBytes = 1L << 30;

    private sealed class FeedFiles : IDisposable
    {
        private readonly ZipArchive? _zip;
        private readonly string _path;

        public FeedFiles(string path)
        {
            _path = path;
            if (Directory.Exists(path))
            {
                return;
            }
            if (!File.Exists(path))
            {
                throw new InputFileException(path, null, null, "GTFS feed not found (expected a .zip file or a folder).");
            }
            try
            {
                _zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException e)
            {
                throw new InputFileException(path, null, null, $"not a readable zip file: {e.Message}");
            }
            try
            {
                _ = _zip.Entries;
            }
            catch (InvalidDataException e)
            {
                _zip.Dispose();
                throw new InputFileException(path, null, null, $"not a readable zip file (damaged central directory): {e.Message}");
            }
        }

        public string Display(string name) => $"{_path}/{name}";

        public GtfsCsvReader? Open(string name)
        {
            if (_zip is null)
            {
                var p = Path.Combine(_path, name);
                return File.Exists(p) ? new GtfsCsvReader(Display(name), File.ReadAllText(p)) : null;
            }
            ZipArchiveEntry? best = null;
            foreach (var e in _zip.Entries)
            {
                if (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains("__MACOSX", StringComparison.Ordinal)
                    && (best is null || e.FullName.Length < best.FullName.Length))
                {
                    best = e;
                }
            }
            if (best is null)
            {
                return null;
            }
            if (best.Length > MaxTableBytes)
            {
                throw new InputFileException(Display(name), null, null,
                    $"the table is {best.Length / (1 << 20):N0} MiB uncompressed; tables up to {MaxTableBytes >> 20:N0} MiB are read (split the feed by agency or region)");
            }
            try
            {
                using var s = best.Open();
                return GtfsCsvReader.FromStream(Display(name), s);
            }
            catch (InvalidDataException e)
            {
                throw new InputFileException(Display(name), null, null, $"the zip entry cannot be read (damaged zip?): {e.Message}");
            }
        }

        public void Dispose() => _zip?.Dispose();
    }

    private sealed class Builder(IssueLog issues)
    {
        private readonly List<GtfsFeedInfo> _feeds = [];
        private readonly List<GtfsAgency> _agencies = [];
        private readonly List<GtfsStop> _stops = [];
        private readonly List<GtfsRoute> _routes = [];
        private readonly List<GtfsTrip> _trips = [];
        private readonly List<string> _services = [];
        private readonly List<GtfsCalendar> _calendars = [];
        private readonly List<GtfsCalendarDate> _calendarDates = [];
        private readonly List<GtfsFrequency> _frequencies = [];
        private readonly List<GtfsTransfer> _transfers = [];
        private readonly List<GtfsFareAttribute> _fareAttributes = [];
        private readonly List<GtfsFareRule> _fareRules = [];
        private readonly Dictionary<string, int> _serviceIndex = new(StringComparer.Ordinal);
        private readonly List<int> _stOffsets = [0];
        private readonly List<int> _stStop = [];
        private readonly List<int> _stArr = [];
        private readonly List<int> _stDep = [];
        private readonly List<byte> _stFlags = [];

        public GtfsFeed Build() => new()
        {
            Feeds = _feeds,
            Agencies = _agencies,
            Stops = _stops,
            Routes = _routes,
            Trips = _trips,
            ServiceIds = _services,
            Calendars = _calendars,
            CalendarDates = _calendarDates,
            Frequencies = _frequencies,
            Transfers = _transfers,
            FareAttributes = _fareAttributes,
            FareRules = _fareRules,
            TripStopTimeOffsets = [.. _stOffsets],
            StopTimeStop = [.. _stStop],
            StopTimeArrivalSeconds = [.. _stArr],
            StopTimeDepartureSeconds = [.. _stDep],
            StopTimeFlags = [.. _stFlags],
        };

        private int Service(string prefixed)
        {
            if (!_serviceIndex.TryGetValue(prefixed, out var i))
            {
                i = _services.Count;
                _services.Add(prefixed);
                _serviceIndex[prefixed] = i;
            }
            return i;
        }

        public void ReadFeed(string path, string feedId, int feed)
        {
            using var files = new FeedFiles(path);
            var p = feedId + ":";

            // agency.txt (optional here: a missing agency only matters for fares)
            var agencyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var firstAgency = -1;
            var r = files.Open("agency.txt");
            if (r is null)
            {
                issues.Add(files.Display("agency.txt"), 0, null, null, IssueCode.MissingOptionalFile, IssueSeverity.Warning, "agency.txt is missing; routes get no agency.");
            }
            else
            {
                var cId = r.Column("agency_id");
                var cName = r.Column("agency_name");
                while (r.ReadRow())
                {
                    var id = r[cId];
                    if (agencyIndex.ContainsKey(id))
                    {
                        issues.Add(r.FileName, r.LineNumber, "agency_id", id, IssueCode.DuplicateId, IssueSeverity.Warning, "duplicate agency_id; row ignored.");
                        continue;
                    }
                    agencyIndex[id] = _agencies.Count;
                    if (firstAgency < 0)
                    {
                        firstAgency = _agencies.Count;
                    }
                    _agencies.Add(new GtfsAgency(p + id, r[cName], feed));
                }
            }

            // stops.txt
            r = files.Open("stops.txt") ?? throw new InputFileException(files.Display("stops.txt"), null, null, "required file stops.txt is missing from the feed.");
            var stopIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            {
                var cId = r.RequiredColumn("stop_id");
                var cName = r.Column("stop_name");
                var cLat = r.Column("stop_lat");
                var cLon = r.Column("stop_lon");
                while (r.ReadRow())
                {
                    var id = r[cId];
                    if (id.Length == 0)
                    {
                        issues.Add(r.FileName, r.LineNumber, "stop_id", null, IssueCode.EmptyRow, IssueSeverity.Warning, "stop without stop_id; row ignored.");
                        continue;
                    }
                    if (stopIndex.ContainsKey(id))
                    {
                        issues.Add(r.FileName, r.LineNumber, "stop_id", id, IssueCode.DuplicateId, IssueSeverity.Warning, "duplicate stop_id; row ignored.");
                        continue;
                    }
                    var okLat = double.TryParse(r[cLat], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90;
                    var okLon = double.TryParse(r[cLon], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180;
                    if (!okLat || !okLon || (lat == 0 && lon == 0))
                    {
                        issues.Add(r.FileName, r.LineNumber, okLat ? "stop_lon" : "stop_lat", id, IssueCode.StopWithoutCoordinates, IssueSeverity.Warning,
                            $"stop has no usable coordinates (stop_lat='{r[cLat]}', stop_lon='{r[cLon]}'); it is kept for the timetable but cannot be linked to streets.");
                        lat = double.NaN;
                        lon = double.NaN;
                    }
                    stopIndex[id] = _stops.Count;
                    _stops.Add(new GtfsStop(p + id, r[cName], lat, lon, feed));
                }
            }

            // routes.txt
            var routeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            r = files.Open("routes.txt");
            if (r is null)
            {
                issues.Add(files.Display("routes.txt"), 0, null, null, IssueCode.MissingOptionalFile, IssueSeverity.Warning, "routes.txt is missing; trips are given placeholder routes.");
            }
            else
            {
                var cId = r.RequiredColumn("route_id");
                var cAgency = r.Column("agency_id");
                var cShort = r.Column("route_short_name");
                var cLong = r.Column("route_long_name");
                var cType = r.Column("route_type");
                while (r.ReadRow())
                {
                    var id = r[cId];
                    if (routeIndex.ContainsKey(id))
                    {
                        issues.Add(r.FileName, r.LineNumber, "route_id", id, IssueCode.DuplicateId, IssueSeverity.Warning, "duplicate route_id; row ignored.");
                        continue;
                    }
                    var agencyId = r[cAgency];
                    int agency;
                    if (agencyId.Length == 0)
                    {
                        agency = firstAgency;
                    }
                    else if (!agencyIndex.TryGetValue(agencyId, out agency))
                    {
                        issues.Add(r.FileName, r.LineNumber, "agency_id", id, IssueCode.UnknownAgency, IssueSeverity.Warning, $"route refers to unknown agency '{agencyId}'.");
                        agency = -1;
                    }
                    if (!int.TryParse(r[cType], NumberStyles.Integer, CultureInfo.InvariantCulture, out var type))
                    {
                        issues.Add(r.FileName, r.LineNumber, "route_type", id, IssueCode.BadNumber, IssueSeverity.Warning, $"route_type '{r[cType]}' is not a number; bus (3) assumed.");
                        type = 3;
                    }
                    routeIndex[id] = _routes.Count;
                    _routes.Add(new GtfsRoute(p + id, agency, r[cShort], r[cLong], type, feed));
                }
            }

            var agencyUsed = new bool[_agencies.Count];
            foreach (var route in _routes)
            {
                if (route.Feed == feed && route.Agency >= 0)
                {
                    agencyUsed[route.Agency] = true;
                }
            }
            foreach (var (id, index) in agencyIndex)
            {
                if (!agencyUsed[index])
                {
                    issues.Add(files.Display("agency.txt"), 0, "agency_id", id, IssueCode.AgencyWithoutRoutes, IssueSeverity.Info, "agency has no routes in this feed; it is ignored.");
                }
            }

            // calendar.txt / calendar_dates.txt
            DateOnly? first = null, last = null;
            r = files.Open("calendar.txt");
            if (r is not null)
            {
                var cId = r.RequiredColumn("service_id");
                string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
                var cDays = new int[7];
                for (var d = 0; d < 7; d++)
                {
                    cDays[d] = r.RequiredColumn(days[d]);
                }
                var cStart = r.RequiredColumn("start_date");
                var cEnd = r.RequiredColumn("end_date");
                while (r.ReadRow())
                {
                    var mask = 0;
                    for (var d = 0; d < 7; d++)
                    {
                        if (r[cDays[d]] == "1")
                        {
                            mask |= 1 << d;
                        }
                    }
                    if (!TryDate(r[cStart], out var start))
                    {
                        issues.Add(r.FileName, r.LineNumber, "start_date", r[cId], IssueCode.BadDate, IssueSeverity.Error, $"'{r[cStart]}' is not a YYYYMMDD date; calendar row ignored.");
                        continue;
                    }
                    if (!TryDate(r[cEnd], out var end))
                    {
                        issues.Add(r.FileName, r.LineNumber, "end_date", r[cId], IssueCode.BadDate, IssueSeverity.Error, $"'{r[cEnd]}' is not a YYYYMMDD date; calendar row ignored.");
                        continue;
                    }
                    _calendars.Add(new GtfsCalendar(Service(p + r[cId]), mask, start, end));
                    first = first is null || start < first ? start : first;
                    last = last is null || end > last ? end : last;
                }
            }
            var hadCalendar = first is not null;
            r = files.Open("calendar_dates.txt");
            if (r is not null)
            {
                var cId = r.RequiredColumn("service_id");
                var cDate = r.RequiredColumn("date");
                var cType = r.RequiredColumn("exception_type");
                while (r.ReadRow())
                {
                    if (!TryDate(r[cDate], out var date))
                    {
                        issues.Add(r.FileName, r.LineNumber, "date", r[cId], IssueCode.BadDate, IssueSeverity.Error, $"'{r[cDate]}' is not a YYYYMMDD date; row ignored.");
                        continue;
                    }
                    var type = r[cType];
                    if (type is not ("1" or "2"))
                    {
                        issues.Add(r.FileName, r.LineNumber, "exception_type", r[cId], IssueCode.BadNumber, IssueSeverity.Error, $"exception_type '{type}' must be 1 or 2; row ignored.");
                        continue;
                    }
                    _calendarDates.Add(new GtfsCalendarDate(Service(p + r[cId]), date, type == "1"));
                    if (!hadCalendar && type == "1")
                    {
                        first = first is null || date < first ? date : first;
                        last = last is null || date > last ? date : last;
                    }
                }
            }
            if (!hadCalendar && _calendarDates.Count == 0)
            {
                issues.Add(files.Display("calendar.txt"), 0, null, null, IssueCode.MissingOptionalFile, IssueSeverity.Error, "neither calendar.txt nor calendar_dates.txt is present: no trip of this feed runs.");
            }
            _feeds.Add(new GtfsFeedInfo(feedId, path, first, last));

            // trips.txt
            r = files.Open("trips.txt") ?? throw new InputFileException(files.Display("trips.txt"), null, null, "required file trips.txt is missing from the feed.");
            var tripIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var tripBase = _trips.Count;
            {
                var cRoute = r.RequiredColumn("route_id");
                var cService = r.RequiredColumn("service_id");
                var cTrip = r.RequiredColumn("trip_id");
                while (r.ReadRow())
                {
                    var id = r[cTrip];
                    if (tripIndex.ContainsKey(id))
                    {
                        issues.Add(r.FileName, r.LineNumber, "trip_id", id, IssueCode.DuplicateId, IssueSeverity.Warning, "duplicate trip_id; row ignored.");
                        continue;
                    }
                    if (!routeIndex.TryGetValue(r[cRoute], out var route))
                    {
                        if (routeIndex.Count > 0 || r[cRoute].Length == 0)
                        {
                            issues.Add(r.FileName, r.LineNumber, "route_id", id, IssueCode.UnknownRoute, IssueSeverity.Error, $"trip refers to unknown route '{r[cRoute]}'; trip ignored.");
                            continue;
                        }
                        route = _routes.Count;
                        routeIndex[r[cRoute]] = route;
                        _routes.Add(new GtfsRoute(p + r[cRoute], firstAgency, r[cRoute], "", 3, feed));
                    }
                    var svc = p + r[cService];
                    if (!_serviceIndex.ContainsKey(svc))
                    {
                        issues.Add(r.FileName, r.LineNumber, "service_id", id, IssueCode.UnknownService, IssueSeverity.Warning, $"service '{r[cService]}' is in no calendar; the trip never runs.");
                    }
                    tripIndex[id] = _trips.Count;
                    _trips.Add(new GtfsTrip(p + id, route, Service(svc), feed));
                }
            }

            ReadStopTimes(files, stopIndex, tripIndex, tripBase);

            // frequencies.txt
            r = files.Open("frequencies.txt");
            if (r is not null)
            {
                var cTrip = r.RequiredColumn("trip_id");
                var cStart = r.RequiredColumn("start_time");
                var cEnd = r.RequiredColumn("end_time");
                var cHeadway = r.RequiredColumn("headway_secs");
                var cExact = r.Column("exact_times");
                while (r.ReadRow())
                {
                    var id = r[cTrip];
                    if (!tripIndex.TryGetValue(id, out var trip))
                    {
                        issues.Add(r.FileName, r.LineNumber, "trip_id", id, IssueCode.UnknownTrip, IssueSeverity.Error, "frequency for an unknown trip; row ignored.");
                        continue;
                    }
                    if (!GtfsTime.TryParse(r[cStart], out var start))
                    {
                        issues.Add(r.FileName, r.LineNumber, "start_time", id, IssueCode.BadTime, IssueSeverity.Error, $"'{r[cStart]}' is not a H:MM:SS time; row ignored.");
                        continue;
                    }
                    if (!GtfsTime.TryParse(r[cEnd], out var end))
                    {
                        issues.Add(r.FileName, r.LineNumber, "end_time", id, IssueCode.BadTime, IssueSeverity.Error, $"'{r[cEnd]}' is not a H:MM:SS time; row ignored.");
                        continue;
                    }
                    if (!int.TryParse(r[cHeadway], NumberStyles.Integer, CultureInfo.InvariantCulture, out var headway) || headway <= 0 || end <= start)
                    {
                        issues.Add(r.FileName, r.LineNumber, "headway_secs", id, IssueCode.BadFrequency, IssueSeverity.Error, $"headway '{r[cHeadway]}' must be a positive number of seconds and end_time after start_time; row ignored.");
                        continue;
                    }
                    _frequencies.Add(new GtfsFrequency(trip, start, end, headway, r[cExact] == "1"));
                }
            }

            // transfers.txt
            r = files.Open("transfers.txt");
            if (r is not null)
            {
                var cFrom = r.RequiredColumn("from_stop_id");
                var cTo = r.RequiredColumn("to_stop_id");
                var cType = r.Column("transfer_type");
                var cMin = r.Column("min_transfer_time");
                while (r.ReadRow())
                {
                    if (!stopIndex.TryGetValue(r[cFrom], out var from))
                    {
                        issues.Add(r.FileName, r.LineNumber, "from_stop_id", r[cFrom], IssueCode.UnknownStop, IssueSeverity.Warning, "transfer from an unknown stop; row ignored.");
                        continue;
                    }
                    if (!stopIndex.TryGetValue(r[cTo], out var to))
                    {
                        issues.Add(r.FileName, r.LineNumber, "to_stop_id", r[cTo], IssueCode.UnknownStop, IssueSeverity.Warning, "transfer to an unknown stop; row ignored.");
                        continue;
                    }
                    var type = 0;
                    if (r[cType].Length > 0 && !int.TryParse(r[cType], NumberStyles.Integer, CultureInfo.InvariantCulture, out type))
                    {
                        issues.Add(r.FileName, r.LineNumber, "transfer_type", r[cFrom], IssueCode.BadTransfer, IssueSeverity.Warning, $"transfer_type '{r[cType]}' is not a number; row ignored.");
                        continue;
                    }
                    var min = 0;
                    if (r[cMin].Length > 0 && (!int.TryParse(r[cMin], NumberStyles.Integer, CultureInfo.InvariantCulture, out min) || min < 0))
                    {
                        issues.Add(r.FileName, r.LineNumber, "min_transfer_time", r[cFrom], IssueCode.BadTransfer, IssueSeverity.Warning, $"min_transfer_time '{r[cMin]}' is not a non-negative number; row ignored.");
                        continue;
                    }
                    _transfers.Add(new GtfsTransfer(from, to, type, min));
                }
            }

            // fare_attributes.txt / fare_rules.txt (optional, informational)
            r = files.Open("fare_attributes.txt");
            if (r is not null)
            {
                var cId = r.RequiredColumn("fare_id");
                var cPrice = r.RequiredColumn("price");
                var cCur = r.Column("currency_type");
                var cTransfers = r.Column("transfers");
                var cDuration = r.Column("transfer_duration");
                while (r.ReadRow())
                {
                    if (!decimal.TryParse(r[cPrice], NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                    {
                        issues.Add(r.FileName, r.LineNumber, "price", r[cId], IssueCode.BadNumber, IssueSeverity.Warning, $"price '{r[cPrice]}' is not a number; row ignored.");
                        continue;
                    }
                    int? transfers = int.TryParse(r[cTransfers], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null;
                    int? duration = int.TryParse(r[cDuration], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : null;
                    _fareAttributes.Add(new GtfsFareAttribute(p + r[cId], price, r[cCur], transfers, duration));
                }
            }
            r = files.Open("fare_rules.txt");
            if (r is not null)
            {
                var cId = r.RequiredColumn("fare_id");
                var cRoute = r.Column("route_id");
                while (r.ReadRow())
                {
                    var route = -1;
                    if (r[cRoute].Length > 0 && !routeIndex.TryGetValue(r[cRoute], out route))
                    {
                        issues.Add(r.FileName, r.LineNumber, "route_id", r[cId], IssueCode.UnknownRoute, IssueSeverity.Warning, $"fare rule for unknown route '{r[cRoute]}'.");
                        route = -1;
                    }
                    _fareRules.Add(new GtfsFareRule(p + r[cId], route));
                }
            }
        }

        private readonly record struct Row(int Trip, int Sequence, int Stop, int Arrival, int Departure, byte Flags, int Line);

        private void ReadStopTimes(FeedFiles files, Dictionary<string, int> stopIndex, Dictionary<string, int> tripIndex, int tripBase)
        {
            var r = files.Open("stop_times.txt") ?? throw new InputFileException(files.Display("stop_times.txt"), null, null, "required file stop_times.txt is missing from the feed.");
            var cTrip = r.RequiredColumn("trip_id");
            var cStop = r.RequiredColumn("stop_id");
            var cArr = r.RequiredColumn("arrival_time");
            var cDep = r.RequiredColumn("departure_time");
            var cSeq = r.RequiredColumn("stop_sequence");
            var cPick = r.Column("pickup_type");
            var cDrop = r.Column("drop_off_type");
            const int Missing = int.MinValue;
            var rows = new List<Row>();
            var badTrips = new HashSet<int>();
            while (r.ReadRow())
            {
                var tripId = r[cTrip];
                if (!tripIndex.TryGetValue(tripId, out var trip))
                {
                    issues.Add(r.FileName, r.LineNumber, "trip_id", tripId, IssueCode.UnknownTrip, IssueSeverity.Error, "stop time for an unknown trip; row ignored.");
                    continue;
                }
                if (!stopIndex.TryGetValue(r[cStop], out var stop))
                {
                    issues.Add(r.FileName, r.LineNumber, "stop_id", tripId, IssueCode.UnknownStop, IssueSeverity.Error, $"unknown stop '{r[cStop]}'; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                if (!int.TryParse(r[cSeq], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq))
                {
                    issues.Add(r.FileName, r.LineNumber, "stop_sequence", tripId, IssueCode.BadNumber, IssueSeverity.Error, $"stop_sequence '{r[cSeq]}' is not an integer; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                var arrText = r[cArr];
                var depText = r[cDep];
                var arr = Missing;
                var dep = Missing;
                if (arrText.Length > 0 && !GtfsTime.TryParse(arrText, out arr))
                {
                    issues.Add(r.FileName, r.LineNumber, "arrival_time", tripId, IssueCode.BadTime, IssueSeverity.Error, $"'{arrText}' is not a H:MM:SS time; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                if (depText.Length > 0 && !GtfsTime.TryParse(depText, out dep))
                {
                    issues.Add(r.FileName, r.LineNumber, "departure_time", tripId, IssueCode.BadTime, IssueSeverity.Error, $"'{depText}' is not a H:MM:SS time; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                if (arrText.Length == 0)
                {
                    arr = depText.Length == 0 ? Missing : dep;
                }
                if (depText.Length == 0)
                {
                    dep = arr;
                }
                byte flags = 0;
                if (r[cPick] != "1")
                {
                    flags |= GtfsFeed.PickupAllowed;
                }
                if (r[cDrop] != "1")
                {
                    flags |= GtfsFeed.DropOffAllowed;
                }
                rows.Add(new Row(trip, seq, stop, arr, dep, flags, r.LineNumber));
            }
            rows.Sort(static (a, b) => a.Trip != b.Trip ? a.Trip.CompareTo(b.Trip) : a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : a.Line.CompareTo(b.Line));

            var file = r.FileName;
            var i = 0;
            var nextTrip = tripBase;
            while (i < rows.Count || nextTrip < _trips.Count)
            {
                var trip = i < rows.Count ? rows[i].Trip : _trips.Count;
                for (; nextTrip < trip; nextTrip++)
                {
                    if (!badTrips.Contains(nextTrip))
                    {
                        issues.Add(file, 0, null, _trips[nextTrip].Id, IssueCode.TripWithTooFewStops, IssueSeverity.Warning, "trip has no stop times; it is ignored.");
                    }
                    _stOffsets.Add(_stStop.Count);
                }
                if (i >= rows.Count)
                {
                    break;
                }
                var j = i;
                while (j < rows.Count && rows[j].Trip == trip)
                {
                    j++;
                }
                if (!badTrips.Contains(trip) && ValidTrip(rows, i, j, file))
                {
                    for (var k = i; k < j; k++)
                    {
                        var row = rows[k];
                        _stStop.Add(row.Stop);
                        _stArr.Add(row.Arrival);
                        _stDep.Add(row.Departure);
                        _stFlags.Add(row.Flags);
                    }
                }
                _stOffsets.Add(_stStop.Count);
                nextTrip = trip + 1;
                i = j;
            }
        }

        /// <summary>Interpolates missing interior times (in place) and checks that times never decrease.</summary>
        private bool ValidTrip(List<Row> rows, int from, int to, string file)
        {
            const int Missing = int.MinValue;
            var tripId = _trips[rows[from].Trip].Id;
            if (to - from < 2)
            {
                issues.Add(file, rows[from].Line, "trip_id", tripId, IssueCode.TripWithTooFewStops, IssueSeverity.Warning, "trip has fewer than two stop times; it is ignored.");
                return false;
            }
            if (rows[from].Arrival == Missing || rows[to - 1].Arrival == Missing)
            {
                var bad = rows[from].Arrival == Missing ? rows[from] : rows[to - 1];
                issues.Add(file, bad.Line, "arrival_time", tripId, IssueCode.MissingTimes, IssueSeverity.Error, "the first and last stop times of a trip must have times; the trip is dropped.");
                return false;
            }
            var interpolated = false;
            for (var k = from + 1; k < to - 1; k++)
            {
                if (rows[k].Arrival != Missing)
                {
                    continue;
                }
                var n = k;
                while (rows[n].Arrival == Missing)
                {
                    n++;
                }
                // linear by straight-line distance between stops, falling back to stop count
                var prev = rows[k - 1];
                var next = rows[n];
                var total = 0.0;
                var cum = new double[n - k + 1];
                for (var m = k; m <= n; m++)
                {
                    total += Distance(rows[m - 1].Stop, rows[m].Stop);
                    cum[m - k] = total;
                }
                var span = next.Arrival - prev.Departure;
                for (var m = k; m < n; m++)
                {
                    var frac = total > 0 && !double.IsNaN(total) ? cum[m - k] / total : (double)(m - k + 1) / (n - k + 1);
                    var t = prev.Departure + (int)Math.Round(span * frac);
                    rows[m] = rows[m] with { Arrival = t, Departure = t };
                }
                interpolated = true;
                k = n;
            }
            if (interpolated)
            {
                issues.Add(file, rows[from].Line, "arrival_time", tripId, IssueCode.InterpolatedTimes, IssueSeverity.Info, "missing stop times were interpolated by distance between stops.");
            }
            for (var k = from; k < to; k++)
            {
                var row = rows[k];
                if (row.Departure < row.Arrival)
                {
                    issues.Add(file, row.Line, "departure_time", tripId, IssueCode.NonIncreasingTimes, IssueSeverity.Error,
                        $"departure {GtfsTime.Format(row.Departure)} is before arrival {GtfsTime.Format(row.Arrival)}; the trip is dropped.");
                    return false;
                }
                if (k > from && row.Arrival < rows[k - 1].Departure)
                {
                    issues.Add(file, row.Line, "arrival_time", tripId, IssueCode.NonIncreasingTimes, IssueSeverity.Error,
                        $"arrival {GtfsTime.Format(row.Arrival)} is before the previous stop's departure {GtfsTime.Format(rows[k - 1].Departure)}; the trip is dropped.");
                    return false;
                }
            }
            return true;
        }

        private double Distance(int a, int b)
        {
            var sa = _stops[a];
            var sb = _stops[b];
            if (!sa.HasCoordinates || !sb.HasCoordinates)
            {
                return double.NaN;
            }
            return Geometry.GeoPoint.DistanceMetres(new Geometry.GeoPoint(sa.Lon, sa.Lat), new Geometry.GeoPoint(sb.Lon, sb.Lat));
        }
    }

    private static bool TryDate(string s, out DateOnly date)
        => DateOnly.TryParseExact(s.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
