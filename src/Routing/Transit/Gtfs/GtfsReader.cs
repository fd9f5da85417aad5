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
    /// <summary>
    /// Read one or more feeds into one <see cref="GtfsFeed"/>; ids are prefixed with each feed's id. With
    /// <paramref name="serviceDate"/>, only the stop times of trips running on that date or the day before (which may run
    /// past midnight) are kept and checked: the feed then serves timetables of that date only (<see cref="GtfsFeed.ServiceDate"/>).
    /// </summary>
    public static GtfsFeed Read(IReadOnlyList<GtfsSource> sources, IssueLog issues, DateOnly? serviceDate = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(issues);
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one GTFS source is required.", nameof(sources));
        }
        var b = new Builder(issues, serviceDate);
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

    private sealed class FeedFiles : IDisposable
    {
        private readonly ZipArchive? _zip;
        private readonly string _path;
        private GtfsCsvReader? _current;

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

        /// <summary>Opens a table for streaming (null when absent); the table opened before is closed.</summary>
        public GtfsCsvReader? Open(string name)
        {
            _current?.Dispose();
            _current = null;
            if (_zip is null)
            {
                var p = Path.Combine(_path, name);
                return File.Exists(p)
                    ? _current = GtfsCsvReader.FromStream(Display(name), new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                    : null;
            }
            var best = Entry(name);
            if (best is null)
            {
                return null;
            }
            try
            {
                return _current = GtfsCsvReader.FromStream(Display(name), best.Open());
            }
            catch (InvalidDataException e)
            {
                throw new InputFileException(Display(name), null, null, $"the zip entry cannot be read (damaged zip?): {e.Message}");
            }
        }

        /// <summary>Closes the table opened last.</summary>
        public void Close()
        {
            _current?.Dispose();
            _current = null;
        }

        private ZipArchiveEntry? Entry(string name)
        {
            ZipArchiveEntry? best = null;
            foreach (var e in _zip!.Entries)
            {
                if (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains("__MACOSX", StringComparison.Ordinal)
                    && (best is null || e.FullName.Length < best.FullName.Length))
                {
                    best = e;
                }
            }
            return best;
        }

        public void Dispose()
        {
            _current?.Dispose();
            _zip?.Dispose();
        }
    }

    private sealed class Builder(IssueLog issues, DateOnly? serviceDate)
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
        private int _stCount;
        private readonly List<int[]> _stStop = [];
        private readonly List<int[]> _stArr = [];
        private readonly List<int[]> _stDep = [];
        private readonly List<byte[]> _stFlags = [];

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
            StopTimeStop = Concat(_stStop),
            StopTimeArrivalSeconds = Concat(_stArr),
            StopTimeDepartureSeconds = Concat(_stDep),
            StopTimeFlags = Concat(_stFlags),
            ServiceDate = serviceDate,
        };

        /// <summary>The feeds' stop-time columns as one array (the single feed's own array when there is one).</summary>
        private static T[] Concat<T>(List<T[]> parts) => parts.Count == 1 ? parts[0] : [.. parts.SelectMany(p => p)];

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

            bool[]? runs = null;
            if (serviceDate is { } day)
            {
                var today = GtfsServiceDays.Active(_services.Count, _calendars, _calendarDates, day);
                var yesterday = GtfsServiceDays.Active(_services.Count, _calendars, _calendarDates, day.AddDays(-1));
                runs = new bool[_trips.Count - tripBase];
                for (var t = 0; t < runs.Length; t++)
                {
                    var svc = _trips[tripBase + t].Service;
                    runs[t] = today[svc] || yesterday[svc];
                }
            }
            ReadStopTimes(files, stopIndex, tripIndex, tripBase, runs);

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

        /// <summary>
        /// stop_times.txt, streamed: each usable row into flat chunked columns (ids looked up from the row's spans, no string
        /// per field), then a counting sort by trip (stable, so rows keep file order) and an insertion sort by stop_sequence
        /// within each trip give the (trip, stop_sequence, line) order; each trip is checked and written once into arrays of
        /// the feed's size. Trips not in <paramref name="runs"/> (when given) are skipped unread.
        /// </summary>
        private void ReadStopTimes(FeedFiles files, Dictionary<string, int> stopIndex, Dictionary<string, int> tripIndex, int tripBase, bool[]? runs)
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
            var trips = tripIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            var stops = stopIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            var tripCount = _trips.Count - tripBase;
            var rowTrip = new ChunkedColumn<int>();
            var rowSeq = new ChunkedColumn<int>();
            var rowStop = new ChunkedColumn<int>();
            var rowArr = new ChunkedColumn<int>();
            var rowDep = new ChunkedColumn<int>();
            var rowFlags = new ChunkedColumn<byte>();
            var rowLine = new ChunkedColumn<int>();
            var tripStart = new int[tripCount + 1];
            var badTrips = new HashSet<int>();
            while (r.ReadRow())
            {
                if (!trips.TryGetValue(r.Span(cTrip), out var trip))
                {
                    issues.Add(r.FileName, r.LineNumber, "trip_id", r[cTrip], IssueCode.UnknownTrip, IssueSeverity.Error, "stop time for an unknown trip; row ignored.");
                    continue;
                }
                if (runs is not null && !runs[trip - tripBase])
                {
                    continue;
                }
                if (!stops.TryGetValue(r.Span(cStop), out var stop))
                {
                    issues.Add(r.FileName, r.LineNumber, "stop_id", r[cTrip], IssueCode.UnknownStop, IssueSeverity.Error, $"unknown stop '{r[cStop]}'; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                if (!int.TryParse(r.Span(cSeq), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq))
                {
                    issues.Add(r.FileName, r.LineNumber, "stop_sequence", r[cTrip], IssueCode.BadNumber, IssueSeverity.Error, $"stop_sequence '{r[cSeq]}' is not an integer; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                var arrText = r.Span(cArr);
                var depText = r.Span(cDep);
                var arr = Missing;
                var dep = Missing;
                if (arrText.Length > 0 && !GtfsTime.TryParse(arrText, out arr))
                {
                    issues.Add(r.FileName, r.LineNumber, "arrival_time", r[cTrip], IssueCode.BadTime, IssueSeverity.Error, $"'{r[cArr]}' is not a H:MM:SS time; the trip is dropped.");
                    badTrips.Add(trip);
                    continue;
                }
                if (depText.Length > 0 && !GtfsTime.TryParse(depText, out dep))
                {
                    issues.Add(r.FileName, r.LineNumber, "departure_time", r[cTrip], IssueCode.BadTime, IssueSeverity.Error, $"'{r[cDep]}' is not a H:MM:SS time; the trip is dropped.");
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
                if (!r.Span(cPick).SequenceEqual("1"))
                {
                    flags |= GtfsFeed.PickupAllowed;
                }
                if (!r.Span(cDrop).SequenceEqual("1"))
                {
                    flags |= GtfsFeed.DropOffAllowed;
                }
                rowTrip.Add(trip - tripBase);
                rowSeq.Add(seq);
                rowStop.Add(stop);
                rowArr.Add(arr);
                rowDep.Add(dep);
                rowFlags.Add(flags);
                rowLine.Add(r.LineNumber);
                tripStart[trip - tripBase + 1]++;
            }
            var file = r.FileName;
            files.Close();

            // rows by trip (counting sort keeps file order), then by stop_sequence within the trip (stable insertion sort)
            var rowCount = rowTrip.Count;
            for (var t = 0; t < tripCount; t++)
            {
                tripStart[t + 1] += tripStart[t];
            }
            var order = new int[rowCount];
            var fill = (int[])tripStart.Clone();
            for (var i = 0; i < rowCount; i++)
            {
                order[fill[rowTrip[i]]++] = i;
            }
            rowTrip.Release();
            for (var t = 0; t < tripCount; t++)
            {
                for (var k = tripStart[t] + 1; k < tripStart[t + 1]; k++)
                {
                    var row = order[k];
                    var seq = rowSeq[row];
                    var m = k - 1;
                    for (; m >= tripStart[t] && rowSeq[order[m]] > seq; m--)
                    {
                        order[m + 1] = order[m];
                    }
                    order[m + 1] = row;
                }
            }
            rowSeq.Release();

            // each trip checked (times interpolated in place) and kept or dropped
            var stStop = new int[rowCount];
            var stArr = new int[rowCount];
            var stDep = new int[rowCount];
            var stFlags = new byte[rowCount];
            var lines = new List<int>();
            var kept = 0;
            for (var t = 0; t < tripCount; t++)
            {
                var trip = tripBase + t;
                var from = tripStart[t];
                var to = tripStart[t + 1];
                if (from == to)
                {
                    if (!badTrips.Contains(trip) && (runs is null || runs[t]))
                    {
                        issues.Add(file, 0, null, _trips[trip].Id, IssueCode.TripWithTooFewStops, IssueSeverity.Warning, "trip has no stop times; it is ignored.");
                    }
                }
                else if (!badTrips.Contains(trip))
                {
                    lines.Clear();
                    for (var k = from; k < to; k++)
                    {
                        var row = order[k];
                        var at = kept + k - from;
                        stStop[at] = rowStop[row];
                        stArr[at] = rowArr[row];
                        stDep[at] = rowDep[row];
                        stFlags[at] = rowFlags[row];
                        lines.Add(rowLine[row]);
                    }
                    if (ValidTrip(trip, stStop, stArr, stDep, kept, kept + to - from, lines, file))
                    {
                        kept += to - from;
                    }
                }
                _stOffsets.Add(_stCount + kept);
            }
            if (kept < rowCount)
            {
                Array.Resize(ref stStop, kept);
                Array.Resize(ref stArr, kept);
                Array.Resize(ref stDep, kept);
                Array.Resize(ref stFlags, kept);
            }
            _stStop.Add(stStop);
            _stArr.Add(stArr);
            _stDep.Add(stDep);
            _stFlags.Add(stFlags);
            _stCount += kept;
        }

        /// <summary>
        /// Interpolates missing interior times of stop times [from, to) (in place) and checks that times never decrease;
        /// <paramref name="lines"/> holds each stop time's line in the file.
        /// </summary>
        private bool ValidTrip(int trip, int[] stop, int[] arrival, int[] departure, int from, int to, List<int> lines, string file)
        {
            const int Missing = int.MinValue;
            var tripId = _trips[trip].Id;
            int Line(int k) => lines[k - from];
            if (to - from < 2)
            {
                issues.Add(file, Line(from), "trip_id", tripId, IssueCode.TripWithTooFewStops, IssueSeverity.Warning, "trip has fewer than two stop times; it is ignored.");
                return false;
            }
            if (arrival[from] == Missing || arrival[to - 1] == Missing)
            {
                var bad = arrival[from] == Missing ? from : to - 1;
                issues.Add(file, Line(bad), "arrival_time", tripId, IssueCode.MissingTimes, IssueSeverity.Error, "the first and last stop times of a trip must have times; the trip is dropped.");
                return false;
            }
            var interpolated = false;
            for (var k = from + 1; k < to - 1; k++)
            {
                if (arrival[k] != Missing)
                {
                    continue;
                }
                var n = k;
                while (arrival[n] == Missing)
                {
                    n++;
                }
                // linear by straight-line distance between stops, falling back to stop count
                var prevDeparture = departure[k - 1];
                var total = 0.0;
                var cum = new double[n - k + 1];
                for (var m = k; m <= n; m++)
                {
                    total += Distance(stop[m - 1], stop[m]);
                    cum[m - k] = total;
                }
                var span = arrival[n] - prevDeparture;
                for (var m = k; m < n; m++)
                {
                    var frac = total > 0 && !double.IsNaN(total) ? cum[m - k] / total : (double)(m - k + 1) / (n - k + 1);
                    var t = prevDeparture + (int)Math.Round(span * frac);
                    arrival[m] = t;
                    departure[m] = t;
                }
                interpolated = true;
                k = n;
            }
            if (interpolated)
            {
                issues.Add(file, Line(from), "arrival_time", tripId, IssueCode.InterpolatedTimes, IssueSeverity.Info, "missing stop times were interpolated by distance between stops.");
            }
            for (var k = from; k < to; k++)
            {
                if (departure[k] < arrival[k])
                {
                    issues.Add(file, Line(k), "departure_time", tripId, IssueCode.NonIncreasingTimes, IssueSeverity.Error,
                        $"departure {GtfsTime.Format(departure[k])} is before arrival {GtfsTime.Format(arrival[k])}; the trip is dropped.");
                    return false;
                }
                if (k > from && arrival[k] < departure[k - 1])
                {
                    issues.Add(file, Line(k), "arrival_time", tripId, IssueCode.NonIncreasingTimes, IssueSeverity.Error,
                        $"arrival {GtfsTime.Format(arrival[k])} is before the previous stop's departure {GtfsTime.Format(departure[k - 1])}; the trip is dropped.");
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
