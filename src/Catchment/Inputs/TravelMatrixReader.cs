using System.Globalization;
using Geo.Catchment.Scenarios;
using Geo.Core;

namespace Geo.Catchment.Inputs;

/// <summary>
/// Reads travel-time matrices in minutes into <see cref="TravelMatrix"/>: the long CSV that <c>geo matrix</c> writes
/// (origin_id, destination_id, minutes, km, ..., status, optional interchanges, fare_gbp), any long CSV with named columns,
/// and wide CSVs (one row per origin, one column per destination, e.g. the Devon CDC matrices keyed by LSOA name with
/// 9999 = no route). Every origin-destination pair must be present: the first missing pair is named in the error. Row
/// problems go to the <see cref="InputOptions"/>' issues (strict, the default, makes them errors): a row without an origin or
/// destination id, or repeating a pair, is skipped; a minutes value that is not a number, negative or over 24 hours leaves
/// its pair with no route (NaN), never 0.
/// </summary>
public static class TravelMatrixReader
{
    /// <summary>Longest travel time accepted (24 hours): anything longer is a data error, not a journey to a health service.</summary>
    public const double MaxMinutes = 24 * 60;

    /// <summary>Reads a scenario's external matrix and re-keys name-keyed origins/destinations to zone codes / site ids.</summary>
    public static TravelMatrix Read(MatrixSpec spec, string mode, Func<string, string> resolve, ZoneTable zones, SiteTable sites, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(sites);
        var path = resolve(spec.File);
        var raw = spec.Layout == "wide" ? ReadWide(path, mode, spec, input) : ReadLong(path, mode, spec, input);
        IReadOnlyList<string> origins = raw.OriginIds, destinations = raw.DestinationIds;
        if (spec.OriginKey == "name")
        {
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var z = 0; z < zones.Count; z++)
            {
                if (!byName.TryAdd(zones.Names[z], zones.Codes[z]))
                {
                    throw new InputFileException(path, null, "originKey",
                        $"the matrix is keyed by zone name but two zones are named '{zones.Names[z]}' ({byName[zones.Names[z]]}, {zones.Codes[z]})");
                }
            }
            origins = [.. raw.OriginIds.Select(name => byName.GetValueOrDefault(name, name))];
        }
        if (spec.DestinationKey == "name")
        {
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var site in sites.Sites)
            {
                byName.TryAdd(site.Name, site.Id);
            }
            destinations = [.. raw.DestinationIds.Select(name => byName.GetValueOrDefault(name, name))];
        }
        return new TravelMatrix(mode, origins, destinations, raw.Minutes)
        {
            Kilometres = raw.Kilometres,
            Interchanges = raw.Interchanges,
            Fares = raw.Fares,
            UnsnappedOrigins = raw.UnsnappedOrigins,
            UnsnappedDestinations = raw.UnsnappedDestinations,
            Source = path,
        };
    }

    /// <summary>Reads a long matrix; with no <paramref name="spec"/> the <c>geo matrix</c> columns are used.</summary>
    public static TravelMatrix ReadLong(string path, string mode, MatrixSpec? spec = null, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        spec ??= new MatrixSpec { File = path };
        input ??= new InputOptions();
        var issues = input.Issues;
        string[]? header = null;
        int oc = -1, dc = -1, mc = -1, kc = -1, ic = -1, fc = -1, sc = -1;
        var originIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var destinationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var originIds = new List<string>();
        var destinationIds = new List<string>();
        // Rows as parallel primitive lists (about 21 bytes a row, plus 8 per optional column present).
        var rowOrigin = new List<int>();
        var rowDestination = new List<int>();
        var rowLine = new List<int>();
        var rowMinutes = new List<double>();
        var rowUnsnapped = new List<Unsnapped>();
        List<double>? rowKm = null, rowInterchanges = null, rowFare = null;
        CsvTable.Stream(path, (line, fields) =>
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                oc = CsvTable.Require(path, header, spec.Origin ?? "origin_id", "origin");
                dc = CsvTable.Require(path, header, spec.Destination ?? "destination_id", "destination");
                mc = CsvTable.Require(path, header, spec.Minutes ?? "minutes", "minutes");
                kc = spec.Km is null ? CsvTable.Find(header, "km") : CsvTable.Require(path, header, spec.Km, "km");
                ic = spec.Interchanges is null ? CsvTable.Find(header, "interchanges") : CsvTable.Require(path, header, spec.Interchanges, "interchanges");
                fc = spec.Fare is null ? CsvTable.Find(header, "fare_gbp") : CsvTable.Require(path, header, spec.Fare, "fare");
                sc = spec.Status is null ? CsvTable.Find(header, "status") : CsvTable.Require(path, header, spec.Status, "status");
                rowKm = kc >= 0 ? [] : null;
                rowInterchanges = ic >= 0 ? [] : null;
                rowFare = fc >= 0 ? [] : null;
                return;
            }
            string Cell(int c) => c >= 0 && c < fields.Count ? fields[c].Trim() : string.Empty;
            var origin = Cell(oc);
            var destination = Cell(dc);
            if (origin.Length == 0 || destination.Length == 0)
            {
                issues.Add(path, line, header[origin.Length == 0 ? oc : dc], null, IssueCode.EmptyId, IssueSeverity.Error,
                    (origin.Length == 0 ? "empty origin id" : "empty destination id") + "; row skipped");
                return;
            }
            if (!originIndex.TryGetValue(origin, out var o))
            {
                o = originIds.Count;
                originIndex[origin] = o;
                originIds.Add(origin);
            }
            if (!destinationIndex.TryGetValue(destination, out var d))
            {
                d = destinationIds.Count;
                destinationIndex[destination] = d;
                destinationIds.Add(destination);
            }
            var status = sc >= 0 ? Cell(sc) : "ok";
            var ok = status.Length == 0 || status.Equals("ok", StringComparison.OrdinalIgnoreCase);
            // "origin_unsnapped" / "destination_unsnapped" (geo matrix) or plain "unsnapped" (both ends unknown).
            var unsnapped = status.Contains("unsnapped", StringComparison.OrdinalIgnoreCase)
                ? status.StartsWith("destination", StringComparison.OrdinalIgnoreCase) ? Unsnapped.Destination
                : status.StartsWith("origin", StringComparison.OrdinalIgnoreCase) ? Unsnapped.Origin : Unsnapped.Both
                : Unsnapped.None;
            var minutesText = Cell(mc);
            double minutes;
            if (minutesText.Length == 0 && !ok)
            {
                minutes = double.NaN;
            }
            else
            {
                minutes = ParseMinutes(path, line, header[mc], minutesText, spec.NoRoute, issues);
                if (!ok)
                {
                    minutes = double.NaN;
                }
            }
            rowOrigin.Add(o);
            rowDestination.Add(d);
            rowLine.Add(line);
            rowMinutes.Add(minutes);
            rowUnsnapped.Add(unsnapped);
            rowKm?.Add(Optional(path, line, header, kc, Cell(kc), issues));
            rowInterchanges?.Add(Optional(path, line, header, ic, Cell(ic), issues));
            rowFare?.Add(Optional(path, line, header, fc, Cell(fc), issues));
        }, input.Encoding);
        if (header is null)
        {
            throw new InputFileException(path, null, null, "the matrix file is empty");
        }
        var no = originIds.Count;
        var nd = destinationIds.Count;
        var cells = no * nd;
        var minutesArray = new double[cells];
        var seenLine = new int[cells];
        var km = kc >= 0 ? NaNs(cells) : null;
        var interchanges = ic >= 0 ? NaNs(cells) : null;
        var fares = fc >= 0 ? NaNs(cells) : null;
        var unsnappedCount = new int[no];
        var unsnappedDestinationCount = new int[nd];
        for (var r = 0; r < rowOrigin.Count; r++)
        {
            var o = rowOrigin[r];
            var d = rowDestination[r];
            var cell = o * nd + d;
            if (seenLine[cell] != 0)
            {
                issues.Add(path, rowLine[r], header[oc], null, IssueCode.DuplicateId, IssueSeverity.Error,
                    $"pair '{originIds[o]}' -> '{destinationIds[d]}' appears twice (first at line {seenLine[cell]}); row skipped");
                continue;
            }
            seenLine[cell] = rowLine[r];
            minutesArray[cell] = rowMinutes[r];
            if (km is not null)
            {
                km[cell] = rowKm![r];
            }
            if (interchanges is not null)
            {
                interchanges[cell] = rowInterchanges![r];
            }
            if (fares is not null)
            {
                fares[cell] = rowFare![r];
            }
            var unsnapped = rowUnsnapped[r];
            if (unsnapped is Unsnapped.Origin or Unsnapped.Both)
            {
                unsnappedCount[o]++;
            }
            if (unsnapped is Unsnapped.Destination or Unsnapped.Both)
            {
                unsnappedDestinationCount[d]++;
            }
        }
        for (var cell = 0; cell < cells; cell++)
        {
            if (seenLine[cell] == 0)
            {
                var missing = 0;
                for (var c = cell; c < cells; c++)
                {
                    missing += seenLine[c] == 0 ? 1 : 0;
                }
                throw new InputFileException(path, null, header[oc],
                    $"missing pair: no row for origin '{originIds[cell / nd]}' -> destination '{destinationIds[cell % nd]}' " +
                    $"({missing.ToString(CultureInfo.InvariantCulture)} of {cells.ToString(CultureInfo.InvariantCulture)} pairs missing); every origin needs a row for every destination");
            }
        }
        return new TravelMatrix(mode, originIds, destinationIds, minutesArray)
        {
            Kilometres = km,
            Interchanges = interchanges,
            Fares = fares,
            UnsnappedOrigins = sc >= 0 ? [.. unsnappedCount.Select(c => c == nd && nd > 0)] : null,
            UnsnappedDestinations = sc >= 0 ? [.. unsnappedDestinationCount.Select(c => c == no && no > 0)] : null,
            Source = path,
        };
    }

    /// <summary>
    /// Reads a wide matrix: the origin column (spec.Origin, else "from_id", else the first column) and one column per
    /// destination; an empty cell is a pair with no route (as <c>geo matrix --wide</c> writes it), a row that stops short is
    /// an error naming the missing pair. Streamed: rows are parsed straight into one array sized from the file's line count, so a national
    /// matrix (35,672 x 6,500) needs its 8 bytes a pair and not the text of every cell.
    /// </summary>
    public static TravelMatrix ReadWide(string path, string mode, MatrixSpec? spec = null, InputOptions? input = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        spec ??= new MatrixSpec { File = path, Layout = "wide" };
        input ??= new InputOptions();
        var issues = input.Issues;
        string[]? header = null;
        var oc = -1;
        var destinationColumns = new List<int>();
        var destinationIds = new List<string>();
        var originIds = new List<string>();
        var originSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var minutes = Array.Empty<double>();
        var nd = 0;
        var rows = 0;
        CsvTable.Stream(path, (line, fields) =>
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                oc = spec.Origin is not null ? CsvTable.Require(path, header, spec.Origin, "origin") : Math.Max(0, CsvTable.Find(header, "from_id"));
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var c = 0; c < header.Length; c++)
                {
                    if (c == oc)
                    {
                        continue;
                    }
                    var name = header[c];
                    if (name.Length == 0)
                    {
                        throw new InputFileException(path, 1, $"column {c + 1}", "empty destination column name");
                    }
                    if (!seen.Add(name))
                    {
                        throw new InputFileException(path, 1, name, "destination column appears twice");
                    }
                    destinationColumns.Add(c);
                    destinationIds.Add(name);
                }
                if (destinationIds.Count == 0)
                {
                    throw new InputFileException(path, 1, null, "the matrix has no destination columns");
                }
                nd = destinationIds.Count;
                // At most one row per line after the header (fewer when fields hold line breaks or rows are skipped).
                minutes = new double[checked((CountLines(path) - 1) * nd)];
                return;
            }
            string Cell(int c) => c < fields.Count ? fields[c].Trim() : string.Empty;
            var origin = Cell(oc);
            if (origin.Length == 0)
            {
                issues.Add(path, line, header[oc], null, IssueCode.EmptyId, IssueSeverity.Error, "empty origin id; row skipped");
                return;
            }
            if (!originSeen.TryAdd(origin, line))
            {
                issues.Add(path, line, header[oc], origin, IssueCode.DuplicateId, IssueSeverity.Error,
                    $"origin '{origin}' appears twice (first at line {originSeen[origin]}); row skipped");
                return;
            }
            originIds.Add(origin);
            var at = (long)rows * nd;
            if (at + nd > minutes.Length)
            {
                Array.Resize(ref minutes, checked((int)Math.Max(at + nd, 2 * minutes.Length)));
            }
            for (var d = 0; d < nd; d++)
            {
                var c = destinationColumns[d];
                if (c >= fields.Count)
                {
                    throw new InputFileException(path, line, destinationIds[d],
                        $"missing pair: the row of origin '{origin}' ends before destination '{destinationIds[d]}'");
                }
                // An empty cell is no route: the wide form has no status column, and geo matrix --wide leaves unreached pairs empty.
                var text = fields[c].Trim();
                minutes[at + d] = text.Length == 0 ? double.NaN : ParseMinutes(path, line, destinationIds[d], text, spec.NoRoute, issues);
            }
            rows++;
        }, input.Encoding);
        if (header is null)
        {
            throw new InputFileException(path, null, null, "the file is empty (a header row is required)");
        }
        if (originIds.Count == 0)
        {
            throw new InputFileException(path, null, header[oc], "the matrix has no valid origin row");
        }
        if (minutes.Length != (long)rows * nd)
        {
            Array.Resize(ref minutes, checked(rows * nd));
        }
        return new TravelMatrix(mode, originIds, destinationIds, minutes) { Source = path };
    }

    /// <summary>Newline bytes in the file, plus one when the last line has none: an upper bound of its CSV records.</summary>
    private static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long lines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        return lines + (last == (byte)'\n' ? 0 : 1);
    }

    private enum Unsnapped : byte
    {
        None,
        Origin,
        Destination,
        Both,
    }

    /// <summary>Minutes of a pair; NaN for the matrix's no-route value, and for a bad value (logged: the pair is read as no route).</summary>
    private static double ParseMinutes(string path, int line, string field, string text, double? noRoute, IssueLog issues)
    {
        if (!CsvTable.TryNumber(text, out var v))
        {
            return Bad(IssueCode.BadNumber, text.Length == 0 ? "missing minutes" : $"'{text}' is not a number of minutes");
        }
        if (noRoute is double nr && Math.Abs(v - nr) < 1e-9)
        {
            return double.NaN;
        }
        if (v < 0)
        {
            return Bad(IssueCode.BadValue, $"negative minutes {text}");
        }
        if (!double.IsFinite(v) || v > MaxMinutes)
        {
            return Bad(IssueCode.BadValue, string.Create(CultureInfo.InvariantCulture,
                $"{text} minutes is impossible: travel times must be finite and at most {MaxMinutes:0} (24 hours); mark no route with an empty cell and status 'unreachable', or set the matrix's noRoute value"));
        }
        return v;

        double Bad(IssueCode code, string problem)
        {
            issues.Add(path, line, field, null, code, IssueSeverity.Warning, problem + "; the pair is read as no route");
            return double.NaN;
        }
    }

    private static double Optional(string path, int line, string[] header, int column, string text, IssueLog issues)
    {
        if (column < 0 || text.Length == 0)
        {
            return double.NaN;
        }
        if (!CsvTable.TryNumber(text, out var v) || v < 0 || v > 1e6)
        {
            issues.Add(path, line, header[column], null, IssueCode.BadValue, IssueSeverity.Warning,
                $"'{text}' is impossible here: it must be a finite number from 0 to 1,000,000; read as missing");
            return double.NaN;
        }
        return v;
    }

    private static double[] NaNs(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
